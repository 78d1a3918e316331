import type { TestContext } from 'node:test'
import type { ApiPromise } from '@polkadot/api'
import { connectApi, devAccount, rawRpc } from './api.js'

/**
 * Ratio a test account is given before it acts: fees for a few hundred paid transactions. Services' own
 * work (proofs, reports, hostingReady) is free; //Alice, a genesis account, sponsors the plans.
 */
export const TEST_FUNDS = 1000n

/** Transfers from //Alice, one at a time across the test file: each takes //Alice's next nonce. */
let turn: Promise<unknown> = Promise.resolve()

/**
 * Gives each account that does not exist yet `amount` ratio from //Alice, as a new user gets it from
 * someone who has some, and seals a block (dev_newBlock) so that they exist when this resolves.
 */
export function fund (api: ApiPromise, addresses: readonly string[], amount = TEST_FUNDS): Promise<void> {
  const run = turn.then(async () => {
    const alice = devAccount('//Alice')
    const missing: string[] = []
    for (const address of addresses) {
      if (await rawRpc(api, 'state_getStorage', [api.query.system.account.key(address)]) === null) missing.push(address)
    }
    if (missing.length === 0) return
    for (const address of missing) {
      const tx = await api.tx.ratio.transferRatio(address, amount).signAsync(alice, { nonce: -1 })
      await api.rpc.author.submitExtrinsic(tx).catch((err: Error) => { throw new Error(`the faucet (//Alice) could not fund ${address}: ${err.message}`) })
    }
    await rawRpc(api, 'dev_newBlock', [{ count: 1 }])
    for (const address of missing) {
      if ((await api.query.system.account(address)).data.free.toBigInt() < amount) throw new Error(`the faucet could not fund ${address}`)
    }
  })
  turn = run.catch(() => {})
  return run
}

const apis = new Map<string, Promise<ApiPromise>>()

/** `fund` for the node at `url` (for services that get only its address), over one api per url and test. */
export async function fundAt (t: TestContext, url: string, addresses: readonly string[]): Promise<void> {
  let api = apis.get(url)
  if (api === undefined) {
    api = connectApi(t, url)
    apis.set(url, api)
    t.after(() => { apis.delete(url) })
  }
  await fund(await api, addresses)
}

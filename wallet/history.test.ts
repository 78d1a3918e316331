import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ApiPromise } from '@polkadot/api'
import { startChainProcess } from '../test/helpers/chain.js'
import { connectApi, devAccount, rawRpc } from '../test/helpers/api.js'
import { devSpecWith, eventsOf, inBlock } from '../test/helpers/blocks.js'
import { makeFeed, proofsFor } from '../test/helpers/hypercore.js'
import { registerProviders, testProvider } from '../test/helpers/providers.js'
import { hostedPlan, untilEvent } from '../test/helpers/plan.js'
import { ratioHistory } from './history.js'
import type { RatioChange } from './history.js'
import { ratioOf, supportPlan } from './ratio.js'
import { TEST_FUNDS } from '../test/helpers/faucet.js'
import { readFileSync } from 'node:fs'

// Challenges come soon, so that a proof is paid within a few blocks.
const PARAMS = { challengePeriod: 3, samples: 2, responseWindow: 4, maxStrikes: 2, performancePeriod: 100000, attestersPerCheck: 1, amendmentDeadline: 50, ratioPerMibBlock: '1000000' }

/** Seals blocks until `work` (which waits for a finalized block) is done: the node seals only on request. */
async function sealingUntil<T> (api: ApiPromise, work: Promise<T>): Promise<T> {
  let done = false
  const result = work.finally(() => { done = true })
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (!done) await rawRpc(api, 'dev_newBlock', [{ count: 1 }])
  }
  return await result
}

/** An account's ratio in the dev chain spec's genesis. */
const genesisRatio = (address: string): bigint => BigInt(JSON.parse(readFileSync(new URL('../chain-spec/dev.json', import.meta.url), 'utf8')).genesis.accounts[address])

const brief = (changes: RatioChange[]): Array<[string, bigint, string | null, bigint | null, string | null]> =>
  changes.map((c) => [c.kind, c.amount, c.counterparty, c.plan, c.reason])

test('the ratio history tells hosting paid and earned, rewards, and support reserved and returned', async (t) => {
  const spec = devSpecWith(t, (s) => { s.genesis.pallets.params = PARAMS })
  const chain = await startChainProcess(t, { args: ['--chain', spec] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const bob = devAccount('//Bob')
  const hoster = testProvider('Hoster0')
  const attester = testProvider('Attester0')
  await registerProviders(api, [hoster], [attester])
  const core = await makeFeed(t, 16)
  await hostedPlan(api, { core, feedId: 0, planId: 0, sponsor: alice, replicas: 1, providers: [hoster, attester] })

  const challenge = await untilEvent(api, (events) => eventsOf<any>(events, 'challenges', 'StorageChallenge')[0])
  const indexes: number[] = challenge.indexes.map((i: { toNumber (): number }) => i.toNumber())
  const [answered] = await inBlock(api, [[api.tx.challenges.submitStorageProof(challenge.id, await proofsFor(core, indexes, challenge.rootLength.toNumber())), hoster.account]])
  const paid: bigint = eventsOf<any>(answered.events, 'challenges', 'StorageProofAccepted')[0].paid.toBigInt()
  assert.ok(paid > 0n)

  const bobBefore = await ratioOf(api, bob.address)
  assert.equal(bobBefore.free, genesisRatio(bob.address), 'bob has sent nothing yet')
  await sealingUntil(api, supportPlan(api, bob, 0n, 500n))
  const supported = await ratioOf(api, bob.address)
  assert.equal(supported.reserved, bobBefore.reserved + 500n)
  assert.ok(supported.free < bobBefore.free - 500n, 'the support and its fee')
  const [ended] = await inBlock(api, [[api.tx.plans.unpublish(0), alice]])
  assert.equal(ended.result, 'ok')

  const history = async (address: string): Promise<RatioChange[]> => (await ratioHistory(api, address, 1000)).changes
  const withoutFees = (changes: RatioChange[]) => brief(changes.filter((c) => c.kind !== 'fee'))
  // Every change is told: what an account holds is its genesis ratio and the sum of its history.
  const accountsFor = async (address: string, genesis: bigint): Promise<RatioChange[]> => {
    const changes = await history(address)
    assert.equal(changes.reduce((sum, c) => sum + c.amount, genesis), (await ratioOf(api, address)).free, `${address}'s history sums to its ratio`)
    return changes
  }
  const bobs = await accountsFor(bob.address, bobBefore.free)
  assert.deepEqual(withoutFees(bobs), [['supported', -500n, null, 0n, null], ['support-returned', 500n, null, 0n, null]])
  assert.equal(bobs.filter((c) => c.kind === 'fee' && c.amount < 0n).length, 1, 'the support transaction\'s fee')
  const hosters = await accountsFor(hoster.account.address, 0n)
  assert.deepEqual(withoutFees(hosters), [['received', TEST_FUNDS, alice.address, null, null], ['earned', paid, alice.address, 0n, 'Hosting']])
  assert.equal(hosters.filter((c) => c.kind === 'fee').length, 1, 'its registration paid a fee; its storage proof was free')
  const alices = await accountsFor(alice.address, genesisRatio(alice.address))
  assert.deepEqual(withoutFees(alices).filter(([kind]) => kind === 'paid'), [['paid', -paid, hoster.account.address, 0n, 'Hosting']])
  const rewards = await accountsFor(attester.account.address, 0n)
  assert.deepEqual(rewards.filter((c) => c.kind === 'rewarded').map((c) => [c.kind, c.reason]), [['rewarded', 'Attesting']])
  assert.ok(rewards.find((c) => c.kind === 'rewarded')!.amount > 0n)

  // The scan covers the last N blocks only.
  const head = (await api.rpc.chain.getHeader()).number.toNumber()
  const last = await ratioHistory(api, bob.address, 1)
  assert.deepEqual([last.from, last.to, last.changes.length], [head, head, 1])
})

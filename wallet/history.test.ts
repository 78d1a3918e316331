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
  await sealingUntil(api, supportPlan(api, bob, 0n, 500n))
  const supported = await ratioOf(api, bob.address)
  assert.deepEqual([supported.free, supported.reserved], [bobBefore.free - 500n, bobBefore.reserved + 500n])
  const [ended] = await inBlock(api, [[api.tx.plans.unpublish(0), alice]])
  assert.equal(ended.result, 'ok')

  const history = async (address: string): Promise<RatioChange[]> => (await ratioHistory(api, address, 1000)).changes
  assert.deepEqual(brief(await history(bob.address)), [['supported', -500n, null, 0n, null], ['support-returned', 500n, null, 0n, null]])
  assert.deepEqual(brief(await history(hoster.account.address)), [['earned', paid, alice.address, 0n, 'Hosting']])
  assert.deepEqual(brief(await history(alice.address)), [['paid', -paid, hoster.account.address, 0n, 'Hosting']])
  const rewards = await history(attester.account.address)
  assert.deepEqual(rewards.map((c) => [c.kind, c.reason]), [['rewarded', 'Attesting']])
  assert.ok(rewards[0].amount > 0n)

  // The scan covers the last N blocks only.
  const head = (await api.rpc.chain.getHeader()).number.toNumber()
  const last = await ratioHistory(api, bob.address, 1)
  assert.deepEqual([last.from, last.to, last.changes.length], [head, head, 1])
})

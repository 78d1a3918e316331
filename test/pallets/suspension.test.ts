// A hoster struck out of a position is suspended: drawn for nothing new until `probation` blocks passed,
// reinstated by the next storage proof it passes; passed proofs take its strikes away again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type Hypercore from 'hypercore'
import { u8aToHex } from '@polkadot/util'
import type { TestProvider } from '../helpers/providers.js'
import { Net, named, setup } from '../helpers/memory-net.js'
import { proofsFor } from '../helpers/hypercore.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { provider } from '../../chain/pallets/roles.js'

const SEEDS = 8
const PROBATION = 40
// Every active position is challenged each block it has none open; one missed answer frees it.
const PARAMS = { challengePeriod: 1, performancePeriod: 1_000_000, attestersPerCheck: 1, amendmentDeadline: 50, maxStrikes: 1, responseWindow: 2, samples: 2, probation: PROBATION, strikeDecay: 3 }

const hosters = named('Hoster', 4)
const providers: TestProvider[] = [...hosters, ...named('Attester', 1)]

/** Hosts plan 0 (one replica of feed 0) and lets its hoster miss a challenge: it is struck out. Returns it. */
async function strikeOut (net: Net, cores: Hypercore[]): Promise<Uint8Array> {
  net.request(0, 1).blocks()
  await net.activateAll(cores, providers)
  const hoster = plansStorage.Positions.get(net.chain.ctx(), 0n, 0)!.hoster!
  for (let b = 0; b < 10 && net.chain.seen('roles', 'Suspended').length === 0; b++) net.blocks()
  assert.equal(net.chain.seen('roles', 'Suspended').length, 1, 'the struck-out hoster is suspended')
  return hoster
}

/** Answers every open storage challenge with real proofs. */
async function answerAll (net: Net, cores: Hypercore[]): Promise<void> {
  const ctx = net.chain.ctx()
  for (const [id, c] of challengesStorage.StorageChallenges.entries(ctx)) {
    const core = cores[Number(plansStorage.Plans.get(ctx, c.plan)!.feed)]
    net.call(net.tx.challenges.submitStorageProof(id, await proofsFor(core, c.indexes.map(Number), Number(c.length))), c.hoster)
  }
}

test('a struck-out hoster is drawn for no new plan while suspended', async (t) => {
  const { spec, cores, heads } = await setup(t, 2)
  for (let s = 0; s < SEEDS; s++) {
    const net = new Net(spec, `suspended-${s}`, PARAMS).hosters(hosters).attesters(providers.slice(4)).publish(heads).blocks()
    const struck = u8aToHex(await strikeOut(net, cores))
    // Three replicas of another feed, four hosters: a draw that ignores the suspension picks it 3 times in 4.
    net.request(1, 3).blocks()
    const drawn = net.holders(plansStorage.NextPlanId.get(net.chain.ctx()) - 1n)
    assert.equal(drawn.length, 3, `seed ${s}: the plan was served by the three others`)
    assert.ok(!drawn.includes(struck), `seed ${s}: the suspended hoster was not drawn`)
  }
})

test('after probation a suspended hoster may be drawn again, and a passed proof reinstates it; passes take strikes away', async (t) => {
  const { spec, cores, heads } = await setup(t, 2)
  const net = new Net(spec, 'probation', PARAMS).hosters(hosters).attesters(providers.slice(4)).publish(heads).blocks()
  const struck = await strikeOut(net, cores)
  assert.ok(provider(net.chain.ctx(), struck)!.suspendedAt > 0)
  // The other three hosters become unavailable: only the suspended one is left for a new plan.
  for (const h of hosters.filter((h) => u8aToHex(h.account.publicKey) !== u8aToHex(struck))) net.call(net.tx.roles.pause(1_000_000), h)
  net.request(1, 1).blocks()
  const plan = plansStorage.NextPlanId.get(net.chain.ctx()) - 1n
  assert.deepEqual(net.holders(plan), [], 'suspended: not drawn even when no one else is left')
  for (let b = 0; b < PROBATION + 70 && net.holders(plan).length === 0; b++) net.blocks()
  assert.deepEqual(net.holders(plan), [u8aToHex(struck)], 'after probation it is drawn, to prove itself')

  await net.activateAll(cores, providers)
  assert.equal(net.chain.seen('roles', 'Reinstated').length, 1, 'its setup proof reinstated it')
  const reinstated = provider(net.chain.ctx(), struck)!
  assert.equal(reinstated.suspendedAt, 0)
  const strikes = reinstated.strikes
  assert.ok(strikes >= 1)
  // Every strikeDecay (3) passed proofs take one strike away.
  for (let b = 0; b < 40 && provider(net.chain.ctx(), struck)!.strikes === strikes; b++) {
    await answerAll(net, cores)
    net.blocks()
  }
  assert.equal(provider(net.chain.ctx(), struck)!.strikes, strikes - 1, 'passed proofs took a strike away')
})

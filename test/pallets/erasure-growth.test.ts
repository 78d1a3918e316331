// Erasure plans follow their feed's growth: what the feed gains past the coded head becomes a generation,
// an erasure plan of its own over the new blocks, set up one at a time, held by any hosters of the family,
// and ended with the first plan.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { Net, named, setup, sponsor } from '../helpers/memory-net.js'
import type { TestProvider } from '../helpers/providers.js'
import { appendBlocks } from '../helpers/hypercore.js'
import { makeHeadProof } from '../../hypercore/make.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { activate, freePosition } from '../../chain/pallets/plans/lifecycle.js'
import { provider } from '../../chain/pallets/roles.js'

const PARAMS = { challengePeriod: 1_000_000, performancePeriod: 1_000_000, attestersPerCheck: 1, amendmentDeadline: 4, maxStrikes: 3, responseWindow: 4, samples: 2 }
const K = 2
const M = 2
// As many hosters as one plan has positions: a generation is served only if the first plan's hosters may hold it.
const hosters = named('Hoster', K + M)
const spare = named('Spare', 1)
const encoders = named('Encoder', 2)
const attesters = named('Attester', 1)
const fakeSlots = (length: number, byteLength: number) => Array.from({ length: K + M }, (_, i) => ({ length, byteLength, treeHash: u8aToHex(new Uint8Array(32).fill(length * 16 + i + 1)) }))

/** The open amendment of a plan (there is one at a time here). */
function amendmentOf (net: Net, plan: bigint): [bigint, NonNullable<ReturnType<typeof plansStorage.Amendments.get>>] {
  const found = plansStorage.Amendments.entries(net.chain.ctx()).find(([, a]) => a.plan === plan)
  assert.ok(found !== undefined, `plan ${plan} has an open amendment`)
  return [found[0], found[1]]
}

/** Both encoders of the plan's open amendment agree on these slots; every position then holds its slot. */
function encodeAndHold (net: Net, plan: bigint, slots: ReturnType<typeof fakeSlots>): void {
  const [id, a] = amendmentOf(net, plan)
  for (const e of a.encoders) net.call(net.tx.plans.submitEncoding(id, slots), e)
  net.blocks()
  assert.ok(net.chain.seen('plans', 'EncodingAccepted').some((d) => d.plan.toBigInt() === plan), `plan ${plan}'s encoding accepted`)
  net.write((ctx) => {
    for (const position of a.positions) activate(ctx, plan, position)
    plansStorage.Amendments.remove(ctx, id)
  })
}

test('a grown erasure plan codes the new blocks as generations, one at a time, held by the family\'s hosters', async (t) => {
  const { spec, cores, heads } = await setup(t, 1)
  const [core] = cores
  const net = new Net(spec, 'growth', PARAMS).hosters(hosters).attesters(attesters).publish(heads)
  for (const e of encoders) net.call(net.tx.roles.registerEncoder(u8aToHex(e.noise.publicKey)), e)
  net.blocks()
  assert.deepEqual(net.chain.block([[net.tx.plans.requestHosting(0, { Erasure: { k: K, m: M } }, [{ start: 0, end: 8 }]), sponsor.account.publicKey]]), ['plans.ErasureRanges'], 'an erasure plan codes the whole feed')
  net.call(net.tx.plans.requestHosting(0, { Erasure: { k: K, m: M } }, null), sponsor).blocks()
  const grow = async (blocks: number) => {
    await appendBlocks(core, blocks, 1024, 9)
    assert.deepEqual(net.chain.block([[net.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(core))), sponsor.account.publicKey]]), ['ok'])
  }

  // 1. The feed grows before the first encoding is accepted: nothing is added yet; the coded head is fixed.
  await grow(4)
  assert.equal(net.chain.seen('plans', 'GenerationAdded').length, 0, 'the first plan is not encoded yet')
  assert.equal(plansStorage.CodedHeads.get(net.chain.ctx(), 0n)!.length, 16n, 'the first plan codes the head of its draw')
  const [first] = amendmentOf(net, 0n)
  assert.deepEqual(net.chain.block([[net.tx.plans.submitEncoding(first, fakeSlots(10, 8192)), amendmentOf(net, 0n)[1].encoders[0]]]), ['plans.WrongSlotLength'], 'slots of 20 blocks code more than the plan')
  encodeAndHold(net, 0n, fakeSlots(8, 8192))

  // 2. Accepting it adds the generation of what the feed gained meanwhile: blocks [16, 20).
  const [added] = net.chain.seen('plans', 'GenerationAdded')
  assert.deepEqual([added.plan, added.generation, added.start, added.end].map(Number), [0, 1, 16, 20])
  const coded = plansStorage.CodedHeads.get(net.chain.ctx(), 1n)!
  assert.deepEqual([coded.start, coded.length, coded.startByte, coded.byteLength], [16n, 20n, 16n * 1024n, 20n * 1024n], 'it codes blocks [16, 20) and their bytes')
  assert.equal(plansStorage.GenerationOf.get(net.chain.ctx(), 1n), 0n)
  net.blocks()
  const [, g1] = amendmentOf(net, 1n)
  assert.equal(g1.encoders.length, 2, 'a generation is a new encoding')
  assert.equal(g1.hosters.length, K + M, 'on a network of k + m hosters, the first plan\'s hosters take the generation')
  // A slot of four 1 KiB blocks over two data slots: 2 KiB each, not half the whole feed.
  assert.equal(plansStorage.Positions.get(net.chain.ctx(), 1n, 0)!.bytes, 2048n, 'each position commits its share of the range')

  // 3. The feed grows again while generation 1 is set up: the next waits for it.
  await grow(3)
  assert.equal(net.chain.seen('plans', 'GenerationAdded').length, 1, 'one generation is set up at a time')
  assert.deepEqual(net.chain.block([[net.tx.plans.submitEncoding(amendmentOf(net, 1n)[0], fakeSlots(8, 8192)), g1.encoders[0]]]), ['plans.WrongSlotLength'], 'a generation\'s slots hold one block per stripe of its range')
  encodeAndHold(net, 1n, fakeSlots(2, 1024))
  const second = net.chain.seen('plans', 'GenerationAdded')[1]
  assert.deepEqual([second.plan, second.generation, second.start, second.end].map(Number), [0, 2, 20, 23], 'blocks [20, 23) next')
  assert.deepEqual(plansStorage.PlansByFeed.entriesOf(net.chain.ctx(), 0n).map(([plan]) => plan), [0n], 'the feed\'s growth reaches generations through their first plan')
  net.blocks()
  encodeAndHold(net, 2n, fakeSlots(2, 1024))

  // 4. A hoster of every generation loses its first-plan position: its feed record names another of its
  //    positions, and a newcomer takes the slot.
  const holder = plansStorage.Positions.get(net.chain.ctx(), 0n, 0)!.hoster!
  net.hosters(spare).blocks()
  net.write((ctx) => freePosition(ctx, 0n, 0, true))
  const record = plansStorage.FeedHosters.get(net.chain.ctx(), 0n, holder)
  assert.ok(record !== null && record[0] !== 0n, 'the record moved to a generation it still holds')
  net.blocks()
  const [, repair] = amendmentOf(net, 0n)
  assert.ok(u8aEq(repair.hosters[0], spare[0].account.publicKey), 'the newcomer takes the freed slot')

  // 5. A generation cannot be unpublished alone; the first plan's unpublish ends the family.
  assert.deepEqual(net.chain.block([[net.tx.plans.unpublish(1), sponsor.account.publicKey]]), ['plans.IsGeneration'])
  assert.deepEqual(net.chain.block([[net.tx.plans.unpublish(0), sponsor.account.publicKey]]), ['ok'])
  assert.deepEqual([0n, 1n, 2n].map((p) => plansStorage.Plans.get(net.chain.ctx(), p)!.status.type), ['Ended', 'Ended', 'Ended'])
  const all: TestProvider[] = [...hosters, ...spare]
  assert.deepEqual(all.map((h) => provider(net.chain.ctx(), h.account.publicKey)!.committed), all.map(() => 0n), 'every hoster is released')
  assert.equal(plansStorage.FeedHosters.entries(net.chain.ctx()).length, 0)
  assert.equal(plansStorage.Amendments.entries(net.chain.ctx()).length, 0)
})

test('a replica\'s hoster is kept out of a generation; growth goes on past a lost generation; a lost first plan ends the family', async (t) => {
  const { spec, cores, heads } = await setup(t, 1)
  const [core] = cores
  const replica = named('Replica', 1)
  const net = new Net(spec, 'growth-lost', PARAMS).hosters([...hosters, ...replica]).attesters(attesters).publish(heads)
  for (const e of encoders) net.call(net.tx.roles.registerEncoder(u8aToHex(e.noise.publicKey)), e)
  net.blocks()
  // A replica of the feed first, on the fifth hoster: it holds the feed, so no slot of it may be its too.
  net.request(0, 1).blocks()
  const [replicaAmendment, r] = amendmentOf(net, 0n)
  assert.ok(u8aEq(r.hosters[0], replica[0].account.publicKey))
  net.write((ctx) => { activate(ctx, 0n, 0); plansStorage.Amendments.remove(ctx, replicaAmendment) })
  net.call(net.tx.plans.requestHosting(0, { Erasure: { k: K, m: M } }, null), sponsor).blocks()
  encodeAndHold(net, 1n, fakeSlots(8, 8192))
  const grow = async (blocks: number) => {
    await appendBlocks(core, blocks, 1024, 9)
    net.call(net.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(core))), sponsor).blocks()
    net.blocks()
  }
  await grow(2)
  const [, g2] = amendmentOf(net, 2n)
  assert.ok(!g2.hosters.some((h) => u8aEq(h, replica[0].account.publicKey)), 'the replica\'s hoster holds no slot of the generation')
  encodeAndHold(net, 2n, fakeSlots(1, 1024))

  // Generation 2 loses three slots and its encoder finds neither k of them nor the feed: it alone is lost.
  net.write((ctx) => { for (const position of [0, 1, 2]) freePosition(ctx, 2n, position, false) })
  net.blocks()
  const [lostRepair, a] = amendmentOf(net, 2n)
  assert.deepEqual(net.chain.block([[net.tx.plans.reportDataLost(lostRepair), a.encoders[0]]]), ['ok'])
  assert.deepEqual(['Active', 'Lost'], [1n, 2n].map((p) => plansStorage.Plans.get(net.chain.ctx(), p)!.status.type))
  await grow(3)
  const added = net.chain.seen('plans', 'GenerationAdded').at(-1)
  assert.deepEqual([added.plan, added.generation, added.start, added.end].map(Number), [1, 3, 18, 21], 'the next generation starts where the lost one ended')
  encodeAndHold(net, 3n, fakeSlots(2, 1024))

  // The first plan loses three slots the same way: the data is gone, and the family ends with it.
  net.write((ctx) => { for (const position of [0, 1, 2]) freePosition(ctx, 1n, position, false) })
  net.blocks()
  const [id, b] = amendmentOf(net, 1n)
  assert.deepEqual(net.chain.block([[net.tx.plans.reportDataLost(id), b.encoders[0]]]), ['ok'])
  assert.deepEqual(net.chain.seen('plans', 'DataLost').map((d) => d.plan.toNumber()), [2, 1])
  assert.deepEqual([1n, 2n, 3n].map((p) => plansStorage.Plans.get(net.chain.ctx(), p)!.status.type), ['Lost', 'Lost', 'Ended'], 'its generations end with it')
  assert.deepEqual(hosters.map((h) => provider(net.chain.ctx(), h.account.publicKey)!.committed), hosters.map(() => 0n), 'nobody holds anything of the family')
  assert.equal(plansStorage.Positions.entriesOf(net.chain.ctx(), 3n).length, 0, 'the generation keeps no positions: nothing is charged for it')
  assert.deepEqual(plansStorage.FeedHosters.get(net.chain.ctx(), 0n, replica[0].account.publicKey), [0n, 0], 'the replica is untouched')
})

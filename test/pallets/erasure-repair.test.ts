// Erasure repair ends: an encoder that takes a repair and never serves the rebuilt slots is struck (not the
// hosters it failed), and a plan left with fewer than k slots ends as Lost on its encoder's word, once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { Net, named, setup, sponsor } from '../helpers/memory-net.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { activate, freePosition } from '../../chain/pallets/plans/lifecycle.js'
import { provider } from '../../chain/pallets/roles.js'
import { feed } from '../../chain/pallets/feeds.js'

// No challenges: the test frees positions itself.
const PARAMS = { challengePeriod: 1_000_000, performancePeriod: 1_000_000, attestersPerCheck: 1, amendmentDeadline: 4, maxStrikes: 3, responseWindow: 4, samples: 2 }
const K = 2
const M = 2

const hosters = named('Hoster', 8)
const encoders = named('Encoder', 4)
const attesters = named('Attester', 1)
const fakeSlot = (i: number) => ({ length: 8, byteLength: 8192, treeHash: u8aToHex(new Uint8Array(32).fill(i + 1)) })

/** An Erasure{2,2} plan (plan 0 of feed 0) whose four slot hosters all hold their slots. */
async function encodedPlan (t: Parameters<typeof setup>[0], seed: string): Promise<Net> {
  const { spec, heads } = await setup(t, 1)
  const net = new Net(spec, seed, PARAMS).hosters(hosters).attesters(attesters).publish(heads)
  for (const e of encoders) net.call(net.tx.roles.registerEncoder(u8aToHex(e.noise.publicKey)), e)
  net.blocks()
  net.call(net.tx.plans.requestHosting(0, { Erasure: { k: K, m: M } }, null), sponsor).blocks()
  const [[id, a]] = plansStorage.Amendments.entries(net.chain.ctx())
  const slots = Array.from({ length: K + M }, (_, i) => fakeSlot(i))
  for (const e of a.encoders) net.call(net.tx.plans.submitEncoding(id, slots), e)
  net.blocks()
  assert.equal(net.chain.seen('plans', 'EncodingAccepted').length, 1)
  assert.deepEqual(net.chain.block([[net.tx.plans.submitEncoding(id, slots), a.encoders[0]]]), ['plans.EncodingDone'], 'accepted once: not paid again')
  // The hosters' setup (proofs of slot cores) is another test's: here they simply hold their slots.
  net.write((ctx) => {
    for (const position of a.positions) activate(ctx, 0n, position)
    plansStorage.Amendments.remove(ctx, id)
  })
  return net
}

/** Frees positions as if their hosters were struck out; returns the repair amendment the next block opens. */
function lose (net: Net, positions: number[]): [bigint, ReturnType<typeof plansStorage.Amendments.get> & object] {
  net.write((ctx) => { for (const position of positions) freePosition(ctx, 0n, position, true) })
  net.blocks()
  const open = plansStorage.Amendments.entries(net.chain.ctx())
  assert.equal(open.length, 1, 'one repair amendment for the lost positions')
  const [id, a] = open[0]
  assert.equal(a.kind.type, 'Repair')
  assert.equal(a.encoders.length, 1, 'one encoder rebuilds the lost slots')
  return [id, a]
}

function passDeadline (net: Net, id: bigint): void {
  const deadline = plansStorage.Amendments.get(net.chain.ctx(), id)!.deadline
  while (net.chain.number < deadline) net.blocks()
}

test('an encoder that takes an erasure repair and never serves the slots is struck and suspended, not the new hoster', async (t) => {
  const net = await encodedPlan(t, 'silent-encoder')
  const [id, a] = lose(net, [0])
  passDeadline(net, id)
  const encoder = provider(net.chain.ctx(), a.encoders[0])!
  const hoster = provider(net.chain.ctx(), a.hosters[0])!
  assert.equal(hoster.strikes, 0, 'the new hoster had nothing to fetch: no strike')
  assert.equal(hoster.suspendedAt, 0)
  assert.equal(encoder.strikes, 1, 'the encoder that did not deliver is struck')
  assert.ok(encoder.suspendedAt > 0, 'and suspended')
  const next = plansStorage.Amendments.entries(net.chain.ctx())
  assert.equal(next.length, 1, 'the repair is tried again')
  assert.ok(!u8aEq(next[0][1].encoders[0], a.encoders[0]), 'with another encoder')
})

test('with only k slots held, an encoder that does not deliver is excused: one of them may be gone unseen', async (t) => {
  const net = await encodedPlan(t, 'excused-encoder')
  const [id, a] = lose(net, [0, 1])
  passDeadline(net, id)
  assert.equal(provider(net.chain.ctx(), a.encoders[0])!.strikes, 0, 'not struck')
  assert.equal(provider(net.chain.ctx(), a.hosters[0])!.strikes, 0)
  assert.equal(plansStorage.Amendments.entries(net.chain.ctx()).length, 1, 'the repair is tried again')
})

test('once the encoder served the rebuilt slots, a new hoster that fetched nothing is the one struck', async (t) => {
  const net = await encodedPlan(t, 'served-repair')
  const [id, a] = lose(net, [0])
  const outsider = encoders.find((e) => !u8aEq(e.account.publicKey, a.encoders[0]))!
  assert.deepEqual(net.chain.block([
    [net.tx.plans.repairServed(id), outsider.account.publicKey],
    [net.tx.plans.repairServed(id), a.encoders[0]]
  ]), ['plans.NotAssigned', 'ok'])
  assert.equal(net.chain.seen('plans', 'RepairServed').length, 1)
  // A whole deadline from then: the base, and the slot's 8 KiB at the default 1 MiB per block (one block).
  assert.equal(plansStorage.Amendments.get(net.chain.ctx(), id)!.deadline, net.chain.number + PARAMS.amendmentDeadline + 1, 'the hosters get a whole deadline from then')
  passDeadline(net, id)
  assert.equal(provider(net.chain.ctx(), a.hosters[0])!.strikes, 1, 'the hoster is at fault now')
  assert.equal(provider(net.chain.ctx(), a.encoders[0])!.strikes, 0)
})

test('with fewer than k slots held, the repair encoder\'s report ends the plan as Lost, once; while k remain it is refused', async (t) => {
  const net = await encodedPlan(t, 'data-lost')
  const coded = plansStorage.CodedHeads.get(net.chain.ctx(), 0n)!
  const f = feed(net.chain.ctx(), 0n)!
  assert.equal(coded.length, f.root.length, 'the plan records the head its slots code')
  assert.equal(u8aToHex(coded.signature), u8aToHex(f.signature))

  const [first, a] = lose(net, [0, 1])
  assert.deepEqual(net.chain.block([[net.tx.plans.reportDataLost(first), a.encoders[0]]]), ['plans.SlotsRemain'], 'two slots of two needed remain')
  net.write((ctx) => freePosition(ctx, 0n, 2, true))
  net.blocks()
  const open = plansStorage.Amendments.entries(net.chain.ctx())
  const [id, repair] = open.find(([, x]) => x.positions.includes(2))!
  const holder = plansStorage.Positions.get(net.chain.ctx(), 0n, 3)!.hoster!
  const committedBefore = provider(net.chain.ctx(), holder)!.committed
  assert.ok(committedBefore > 0n)
  assert.deepEqual(net.chain.block([
    [net.tx.plans.reportDataLost(id), sponsor.account.publicKey],
    [net.tx.plans.reportDataLost(id), repair.encoders[0]]
  ]), ['plans.NotAssigned', 'ok'])
  assert.deepEqual(net.chain.seen('plans', 'DataLost').map((d) => d.plan.toNumber()), [0])
  assert.equal(net.chain.seen('plans', 'PlanEnded').length, 1, 'the plan ends: its hosters let go')
  const plan = plansStorage.Plans.get(net.chain.ctx(), 0n)!
  assert.equal(plan.status.type, 'Lost')
  assert.equal(provider(net.chain.ctx(), holder)!.committed, committedBefore - 8192n, 'the last slot\'s hoster is released')
  assert.equal(plansStorage.Amendments.entries(net.chain.ctx()).length, 0, 'no repair is pending')
  assert.equal(plansStorage.Repairs.get(net.chain.ctx()).length, 0, 'nor queued')
  const amendments = net.chain.seen('plans', 'NewAmendment').length
  net.blocks(3 * PARAMS.amendmentDeadline)
  assert.equal(net.chain.seen('plans', 'NewAmendment').length, amendments, 'nobody is drawn for a lost plan again')
  assert.equal(net.chain.seen('plans', 'DataLost').length, 1, 'it is said once')
  assert.deepEqual(net.chain.block([[net.tx.plans.support(0, 1), sponsor.account.publicKey]]), ['plans.PlanEnded'])
})

test('a slot whose new hoster reported ready counts as held; a repair whose positions are set up takes no more reports', async (t) => {
  const net = await encodedPlan(t, 'ready-counts')
  const [id, a] = lose(net, [0, 1])
  assert.deepEqual(net.chain.block([[net.tx.plans.hostingReady(id, 0), a.hosters[0]]]), ['ok'])
  net.write((ctx) => freePosition(ctx, 0n, 2, true))
  net.blocks()
  // Held: position 3 (active) and position 0 (ready, its checks pending): k of them.
  assert.deepEqual(net.chain.block([[net.tx.plans.reportDataLost(id), a.encoders[0]]]), ['plans.SlotsRemain'])
  net.write((ctx) => { for (const position of [0, 1]) activate(ctx, 0n, position) })
  assert.deepEqual(net.chain.block([[net.tx.plans.reportDataLost(id), a.encoders[0]]]), ['plans.AmendmentNotFound'], 'its positions are all set up')
  assert.equal(net.chain.seen('plans', 'DataLost').length, 0)
})

import { test } from 'node:test'
import type { TestContext } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { startServiceProcess } from '../helpers/network.js'
import type { ServiceProcess } from '../helpers/network.js'
import { startPublisher } from '../helpers/publisher.js'
import { plainReader } from '../helpers/reader.js'
import { waitFor } from '../helpers/wait.js'
import { startLoopbackNetwork } from '../helpers/loopback-network.js'
import { startForger } from '../helpers/forger.js'
import { slotKey, slotManifest, slotStripes } from '../../erasure/slot-cores.js'
import { unframe } from '../../erasure/stripes.js'

const K = 2
const M = 1
// 63 blocks of uneven sizes: the last stripe is short, and shards carry their block's length.
const BLOCKS = Array.from({ length: 63 }, (_, i) => new Uint8Array(40_000 + i * 301).fill(i))
// What the feed gains later: a generation of its own, with its own short last stripe.
const GROWTH = Array.from({ length: 9 }, (_, i) => new Uint8Array(30_000 + i * 97).fill(200 + i))

test('erasure pinning end to end: encoders agree, hosters keep slots, challenges pass, the feed grows, a forger changes nothing, a lost slot is rebuilt from k others', { timeout: 400_000 }, async (t) => {
  const { api, log, common } = await startLoopbackNetwork(t)
  const { bootstrap } = common
  const hosters = new Map<string, ServiceProcess>()
  await Promise.all([
    ...[0, 1, 2, 3].map(async (i) => {
      const s = await startServiceProcess(t, { ...common, account: `//SlotHoster${i}`, roles: 'hoster' })
      hosters.set(s.address, s)
    }),
    // The two encoders of a new plan may not attest its hosters: a third attester does.
    ...[0, 1].map((i) => startServiceProcess(t, { ...common, account: `//Encoder${i}`, roles: 'encoder,attester' })),
    startServiceProcess(t, { ...common, account: '//SlotAttester', roles: 'attester' })
  ])
  const step = (n: number) => t.diagnostic(`step ${n} at ${Math.round(performance.now() / 1000)} s`)

  step(1)
  // 1. Erasure{2+1}: two encoders code the feed, agree on the slot roots, and three hosters start.
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('erasure')
  await core.append(BLOCKS)
  const { feedId, planId } = await pub.publisher.publish(core, { erasure: { k: K, m: M } })
  await pub.publisher.hosted(planId, K + M)
  assert.equal(log.seen('plans', 'EncodingAccepted', (d) => d.plan.toBigInt() === planId).length, 1, 'the two encoders agreed')
  assert.equal(log.seen('plans', 'EncodingDisputed').length, 0)
  const slots = await Promise.all([0, 1, 2].map(async (i) => (await api.query.plans.slots(planId, i)).unwrap()))
  assert.ok(slots.every((s) => s.length.toNumber() === Math.ceil(BLOCKS.length / K)), 'each slot has ceil(63 / 2) blocks')
  const roots = slots.map((s) => ({ length: s.length.toNumber(), treeHash: s.treeHash.toU8a() }))
  const holders = async (plan = planId) => Promise.all([0, 1, 2].map(async (p) => (await api.query.plans.positions(plan, p)).unwrap()))
  const plan0 = (await holders()).map((p) => p.hoster.unwrap().toString())

  // A third party joins slot 2's topic with a core under its key and other blocks: hosters, the repairing
  // encoder and the reader below all meet it, and must neither freeze nor stall on it (each block is checked
  // against the committed root the key fixes).
  const forger = await startForger(t, slotKey(roots[2]), slotManifest(roots[2]), Array.from({ length: roots[2].length }, () => new Uint8Array(40_008).fill(0xee)), bootstrap)
  await waitFor(() => forger.peers.length > 0, 60_000, 'the forger to replicate with a peer of slot 2')

  step(2)
  // 2. Storage challenges name slot blocks; the chain checks the proofs against the committed slot roots.
  await waitFor(() => new Set(log.seen('challenges', 'StorageProofAccepted', (d) => d.plan.toBigInt() === planId).map((d) => d.position.toNumber())).size === K + M, 60_000, 'an accepted proof for every slot')
  assert.equal(log.seen('challenges', 'StorageProofFailed', (d) => d.plan.toBigInt() === planId).length, 0)

  step(2.5)
  // 2½. The feed grows: its new blocks become a generation, coded and kept as a plan of its own; a storage
  //     challenge of each of its slots passes.
  await core.append(GROWTH)
  await pub.publisher.update(core, feedId)
  await waitFor(() => log.seen('plans', 'GenerationAdded', (d) => d.plan.toBigInt() === planId).length > 0, 60_000, 'the generation of the new blocks')
  const [added] = log.seen('plans', 'GenerationAdded', (d) => d.plan.toBigInt() === planId)
  const generation: bigint = added.generation.toBigInt()
  assert.deepEqual([added.start.toNumber(), added.end.toNumber()], [BLOCKS.length, BLOCKS.length + GROWTH.length], 'it codes exactly the new blocks')
  await pub.publisher.hosted(generation, K + M)
  const grownSlots = await Promise.all([0, 1, 2].map(async (i) => (await api.query.plans.slots(generation, i)).unwrap()))
  assert.ok(grownSlots.every((s) => s.length.toNumber() === Math.ceil(GROWTH.length / K)), 'each of its slots has ceil(9 / 2) blocks')
  const grownRoots = grownSlots.map((s) => ({ length: s.length.toNumber(), treeHash: s.treeHash.toU8a() }))
  const ofGeneration = (d: { plan: { toBigInt (): bigint } }) => d.plan.toBigInt() === generation
  await waitFor(() => new Set(log.seen('challenges', 'StorageProofAccepted', ofGeneration).map((d) => d.position.toNumber())).size === K + M, 60_000, 'an accepted proof for every slot of the generation')

  step(3)
  // 3. The publisher goes offline. A hoster's storage is wiped: it is struck out, and an encoder rebuilds
  //    its slot from the other two slots for the new hoster (its generation slot too, if it held one). The
  //    plan and its generation are back to three healthy positions.
  await pub.close()
  const wipedPosition = 0
  const wiped = hosters.get(plan0[wipedPosition])!
  await wiped.kill('SIGKILL')
  rmSync(wiped.storage, { recursive: true, force: true })
  await waitFor(() => log.seen('plans', 'PositionFreed', (d) => d.plan.toBigInt() === planId && d.hoster.toString() === wiped.address).length > 0, 120_000, 'the wiped hoster struck out')
  await waitFor(async () => (await holders()).every((p) => p.state.isActive && p.hoster.unwrap().toString() !== wiped.address), 120_000, 'three healthy positions again')
  await waitFor(async () => (await holders(generation)).every((p) => p.state.isActive && p.hoster.unwrap().toString() !== wiped.address), 120_000, 'three healthy positions of the generation')
  const repairs = log.seen('plans', 'NewAmendment', (d) => d.plan.toBigInt() === planId && d.positions.some((p: { toNumber (): number }) => p.toNumber() === wipedPosition))
  assert.equal(repairs.at(-1).encoders.length, 1, 'a repair needs one encoder: the roots are already fixed')
  const replacement = (await holders())[wipedPosition].hoster.unwrap().toString()
  await waitFor(() => log.seen('challenges', 'StorageProofAccepted', (d) => d.plan.toBigInt() === planId && d.position.toNumber() === wipedPosition && d.hoster.toString() === replacement).length > 0, 60_000, 'the rebuilt slot to pass a storage challenge')

  step(4)
  // 4. Any k slots give the feed back: a plain hypercore reader fetches slots 0 (rebuilt) and 2 (parity, also
  //    offered by the forger) of the plan and of its generation from the hosters, and Reed-Solomon decoding
  //    gives every block of the feed, byte for byte.
  for (const [blocks, slotRoots] of [[BLOCKS, roots], [GROWTH, grownRoots]] as const) {
    const decoded = await decodeSlots(t, slotRoots, bootstrap)
    blocks.forEach((block, i) => assert.ok(Buffer.from(decoded[i]).equals(block), `block ${i} of ${blocks.length}`))
    assert.ok(decoded.slice(blocks.length).every((b) => b.byteLength === 0), 'the last stripe of each is padded with empty shards')
  }
})

/** The blocks slots 0 and 2 of these roots give back, read by plain hypercore readers (the key follows from the root). */
async function decodeSlots (t: TestContext, roots: Array<{ length: number, treeHash: Uint8Array }>, bootstrap: string[]): Promise<Uint8Array[]> {
  const readers = new Map(await Promise.all([0, 2].map(async (i) => {
    const reader = await plainReader(t, slotKey(roots[i]), bootstrap)
    await reader.download({ start: 0, end: roots[i].length }).done()
    assert.ok(Buffer.from(await reader.treeHash(roots[i].length)).equals(roots[i].treeHash), `slot ${i} is the committed one`)
    return [i, reader] as const
  })))
  const decode = slotStripes(readers, K, M)
  const decoded: Uint8Array[] = []
  for (let j = 0; j < roots[0].length; j++) decoded.push(...(await decode(j)).slice(0, K).map(unframe))
  return decoded
}

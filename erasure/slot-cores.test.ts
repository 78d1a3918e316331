import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { makeFeed } from '../test/helpers/hypercore.js'
import { STRIPES_PER_BATCH, feedStripes, matchesRoot, sealSlot, slotKey, slotManifest, slotRoot, slotStripes, writeSlots } from './slot-cores.js'
import type { SlotRoot } from './slot-cores.js'
import { slotLength, unframe } from './stripes.js'
import { headOf } from './feed-proofs.js'

const K = 3
const M = 2

/** A core in a fresh directory of its own (as on another machine), closed after the test. */
async function open (t: TestContext, ...args: [] | [Uint8Array, { manifest: object }]): Promise<Hypercore> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-slot-'))
  const core = args.length === 0 ? new Hypercore(dir) : new Hypercore(dir, ...args)
  await core.ready()
  t.after(async () => { await core.close(); rmSync(dir, { recursive: true, force: true }) })
  return core
}

/** Draft cores (fresh key pairs, as each encoder makes its own) for the given slots. */
async function drafts (t: TestContext, slots: number[]): Promise<Map<number, Hypercore>> {
  return new Map(await Promise.all(slots.map(async (slot) => [slot, await open(t)] as const)))
}

/** The slot core of `root`, filled from `draft`. */
async function sealed (t: TestContext, draft: Hypercore, root: SlotRoot): Promise<Hypercore> {
  const core = await open(t, slotKey(root), { manifest: slotManifest(root) })
  await sealSlot(draft, core)
  return core
}

const all = Array.from({ length: K + M }, (_, i) => i)

test('two encoders build the same slot cores; any k slots rebuild a lost one and the feed', async (t) => {
  // 20 blocks of uneven sizes: the last stripe is short and shards need their framing.
  const feed = await makeFeed(t, 0)
  await feed.append(Array.from({ length: 20 }, (_, i) => new Uint8Array(100 + i * 37).fill(i)))
  const stripes = slotLength(feed.length, K)

  const first = await drafts(t, all)
  const second = await drafts(t, all)
  await writeSlots(first, stripes, feedStripes(feed, await headOf(feed), K, M))
  // The second encoder stops after two stripes and resumes, as after a crash.
  await writeSlots(second, 2, feedStripes(feed, await headOf(feed), K, M))
  await writeSlots(second, stripes, feedStripes(feed, await headOf(feed), K, M))
  const slots = new Map<number, Hypercore>()
  for (const slot of all) {
    const [a, b] = [first.get(slot)!, second.get(slot)!]
    const root = await slotRoot(a)
    assert.deepEqual(await slotRoot(b), root, `slot ${slot}: same root`)
    assert.equal(a.length, stripes)
    // Both encoders' slot cores are one core: its key follows from the root, and it holds the draft's blocks.
    const [x, y] = [await sealed(t, a, root), await sealed(t, b, root)]
    assert.deepEqual(x.key, y.key, `slot ${slot}: same key`)
    assert.deepEqual(await slotRoot(x), root, `slot ${slot}: the sealed core has the root`)
    assert.ok(Buffer.from((await x.get(stripes - 1))!).equals((await a.get(stripes - 1))!), `slot ${slot}: same blocks`)
    slots.set(slot, x)
  }

  // Slots 0 and 3 are lost: a repairer rebuilds them from slots 1, 2 and 4.
  const survivors = new Map([1, 2, 4].map((i) => [i, slots.get(i)!]))
  const rebuilt = await drafts(t, [0, 3])
  await writeSlots(rebuilt, stripes, slotStripes(survivors, K, M))
  for (const slot of [0, 3]) assert.ok(await matchesRoot(rebuilt.get(slot)!, await slotRoot(slots.get(slot)!)), `slot ${slot} rebuilt exactly`)
  const slot3 = await sealed(t, rebuilt.get(3)!, await slotRoot(slots.get(3)!))

  // The feed, read back from slots 2, 3 (rebuilt) and 4 only (no data slot but one).
  const decode = slotStripes(new Map([2, 3, 4].map((i) => [i, i === 3 ? slot3 : slots.get(i)!])), K, M)
  const blocks: Uint8Array[] = []
  for (let j = 0; j < stripes; j++) blocks.push(...(await decode(j)).slice(0, K).map(unframe))
  for (let i = 0; i < feed.length; i++) assert.ok(Buffer.from(blocks[i]).equals((await feed.get(i))!), `block ${i}`)
})

test('a draft that differs from the committed root is told apart, and cannot fill the slot core', async (t) => {
  const feed = await makeFeed(t, 6, 64)
  const other = await makeFeed(t, 6, 64, 1)
  const [mine, theirs] = [await drafts(t, [0]), await drafts(t, [0])]
  await writeSlots(mine, 2, feedStripes(feed, await headOf(feed), K, M))
  await writeSlots(theirs, 2, feedStripes(other, await headOf(other), K, M))
  const root = await slotRoot(mine.get(0)!)
  assert.ok(await matchesRoot(mine.get(0)!, root))
  assert.equal(await matchesRoot(theirs.get(0)!, root), false, 'other bytes, other tree')
  assert.equal(await matchesRoot(mine.get(0)!, { ...root, length: root.length + 1 }), false, 'too short')
  const slot = await open(t, slotKey(root), { manifest: slotManifest(root) })
  await assert.rejects(sealSlot(theirs.get(0)!, slot), /Prologue does not match/)
  assert.equal(slot.length, 0)
})

test('slots written batch by batch into reused memory hold every stripe as coded alone', async (t) => {
  // Blocks of growing sizes over more than two batches: each batch's shards are larger than the last's.
  const feed = await makeFeed(t, 0)
  await feed.append(Array.from({ length: K * (2 * STRIPES_PER_BATCH + 3) }, (_, i) => new Uint8Array(50 + i * 13).fill(i)))
  const stripes = slotLength(feed.length, K)
  const source = feedStripes(feed, await headOf(feed), K, M)
  const slots = await drafts(t, all)
  await writeSlots(slots, stripes, source)
  for (let j = 0; j < stripes; j++) {
    const alone = await source(j)
    for (const slot of all) assert.ok(Buffer.from((await slots.get(slot)!.get(j))!).equals(alone[slot]), `stripe ${j}, slot ${slot}`)
  }
})

import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { makeFeed } from '../test/helpers/hypercore.js'
import { feedStripes, matchesRoot, slotRoot, slotStripes, writeSlots } from './slot-cores.js'
import { slotKey, slotSigner } from './slot-key.js'
import { slotLength, unframe } from './stripes.js'

const K = 3
const M = 2

/** The writable slot cores of plan 7 over `feed`, each in a fresh directory of its own (as on another machine). */
async function slotCores (t: TestContext, feed: Hypercore, slots: number[]): Promise<Map<number, Hypercore>> {
  const cores = new Map<number, Hypercore>()
  for (const slot of slots) {
    const dir = mkdtempSync(join(tmpdir(), 'datdot-slot-'))
    const core = new Hypercore(dir, slotSigner(feed.key, 7n, slot))
    await core.ready()
    t.after(async () => { await core.close(); rmSync(dir, { recursive: true, force: true }) })
    cores.set(slot, core)
  }
  return cores
}

const all = Array.from({ length: K + M }, (_, i) => i)

test('two encoders write the same slot cores; any k slots rebuild a lost one and the feed', async (t) => {
  // 20 blocks of uneven sizes: the last stripe is short and shards need their framing.
  const feed = await makeFeed(t, 0)
  await feed.append(Array.from({ length: 20 }, (_, i) => new Uint8Array(100 + i * 37).fill(i)))
  const stripes = slotLength(feed.length, K)

  const first = await slotCores(t, feed, all)
  const second = await slotCores(t, feed, all)
  await writeSlots(first, stripes, feedStripes(feed, feed.length, K, M))
  // The second encoder stops after two stripes and resumes, as after a crash.
  await writeSlots(second, 2, feedStripes(feed, feed.length, K, M))
  await writeSlots(second, stripes, feedStripes(feed, feed.length, K, M))
  for (const slot of all) {
    const [a, b] = [first.get(slot)!, second.get(slot)!]
    assert.deepEqual(a.key, b.key, `slot ${slot}: same key`)
    assert.ok(Buffer.from(a.key).equals(slotKey(feed.key, 7n, slot)), `slot ${slot}: the key hosters open it by`)
    assert.deepEqual(await slotRoot(a), await slotRoot(b), `slot ${slot}: same root`)
    assert.equal(a.length, stripes)
  }

  // Slots 0 and 3 are lost: a repairer rebuilds them from slots 1, 2 and 4.
  const survivors = new Map([1, 2, 4].map((i) => [i, first.get(i)!]))
  const rebuilt = await slotCores(t, feed, [0, 3])
  await writeSlots(rebuilt, stripes, slotStripes(survivors, K, M))
  for (const slot of [0, 3]) assert.ok(await matchesRoot(rebuilt.get(slot)!, await slotRoot(first.get(slot)!)), `slot ${slot} rebuilt exactly`)

  // The feed, read back from slots 2, 3 and 4 only (no data slot but one).
  const decode = slotStripes(new Map([2, 3, 4].map((i) => [i, (i === 3 ? rebuilt : first).get(i)!])), K, M)
  const blocks: Uint8Array[] = []
  for (let j = 0; j < stripes; j++) blocks.push(...(await decode(j)).slice(0, K).map(unframe))
  for (let i = 0; i < feed.length; i++) assert.ok(Buffer.from(blocks[i]).equals((await feed.get(i))!), `block ${i}`)
})

test('a slot that differs from the committed root is told apart', async (t) => {
  const feed = await makeFeed(t, 6, 64)
  const other = await makeFeed(t, 6, 64, 1)
  const [mine, theirs] = [await slotCores(t, feed, [0]), await slotCores(t, feed, [0])]
  await writeSlots(mine, 2, feedStripes(feed, feed.length, K, M))
  await writeSlots(theirs, 2, feedStripes(other, other.length, K, M))
  const root = await slotRoot(mine.get(0)!)
  assert.ok(await matchesRoot(mine.get(0)!, root))
  assert.equal(await matchesRoot(theirs.get(0)!, root), false, 'other bytes, other tree')
  assert.equal(await matchesRoot(mine.get(0)!, { ...root, length: root.length + 1 }), false, 'too short')
})

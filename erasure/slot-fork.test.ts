import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { makeFeed } from '../test/helpers/hypercore.js'
import { forgeBlocks } from '../test/helpers/forger.js'
import { feedStripes, sealSlot, slotKey, slotManifest, slotRoot, writeSlots } from './slot-cores.js'
import type { SlotRoot } from './slot-cores.js'
import { slotLength } from './stripes.js'
import { headOf } from './feed-proofs.js'

const K = 2
const M = 1

async function open (t: TestContext, ...args: [] | [Uint8Array] | [Uint8Array, { manifest: object }]): Promise<Hypercore> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-fork-'))
  const core = new Hypercore(dir, ...args as [Uint8Array])
  await core.ready()
  t.after(async () => { await core.close(); rmSync(dir, { recursive: true, force: true }) })
  return core
}

/** Replicates two cores over one in-process hypercore protocol stream pair. */
function connect (a: Hypercore, b: Hypercore): void {
  const s1 = a.replicate(true) as NodeJS.ReadWriteStream
  const s2 = b.replicate(false) as NodeJS.ReadWriteStream
  s1.pipe(s2).pipe(s1)
  const ignore = () => {}
  ;(s1 as unknown as NodeJS.EventEmitter).on('error', ignore)
  ;(s2 as unknown as NodeJS.EventEmitter).on('error', ignore)
}

/** What `core` did with a peer's data within `ms`: rejected it, saw a conflict (and froze), closed. */
async function reactions (core: Hypercore, ms: number): Promise<string[]> {
  const seen: string[] = []
  const listeners = { 'verification-error': () => seen.push('rejected'), conflict: () => seen.push('conflict'), close: () => seen.push('closed') }
  for (const [event, fn] of Object.entries(listeners)) core.on(event, fn)
  await new Promise((resolve) => setTimeout(resolve, ms))
  for (const [event, fn] of Object.entries(listeners)) core.off(event, fn)
  return seen
}

// The attack: a third party wrote a forked slot from public values, replicated it to a hoster, and
// hypercore froze the hoster's copy (with slot key pairs derived from the feed key, plan and slot, the
// forger could sign a longer fork; the hoster saw a conflict and closed its core).

/** The genuine slot 0 of a feed (its root and an encoder's slot core) and a forger's core under its key. */
async function genuineAndForged (t: TestContext): Promise<{ root: SlotRoot, key: Uint8Array, encoder: Hypercore, forger: Hypercore }> {
  const feed = await makeFeed(t, 12, 500)
  const other = await makeFeed(t, 12, 500, 7)
  const stripes = slotLength(feed.length, K)
  const draft = await open(t)
  await writeSlots(new Map([[0, draft]]), stripes, feedStripes(feed, await headOf(feed), K, M))
  const root = await slotRoot(draft)
  const key = slotKey(root)
  const encoder = await open(t, key, { manifest: slotManifest(root) })
  await sealSlot(draft, encoder)
  // The forger: a core under the slot's key with the shards of another feed, one block longer.
  const forger = await open(t, key, { manifest: slotManifest(root) })
  const forged = await open(t)
  await writeSlots(new Map([[0, forged]]), stripes, feedStripes(other, await headOf(other), K, M))
  await forgeBlocks(forger, await Promise.all(Array.from({ length: stripes }, async (_, i) => (await forged.get(i))!)))
  assert.ok(Buffer.from(forger.key).equals(key), 'the forger claims the slot\'s key')
  return { root, key, encoder, forger }
}

test('a third party cannot fork a hoster\'s slot: the hoster keeps serving the genuine one', async (t) => {
  const { root, key, encoder, forger } = await genuineAndForged(t)
  // A hoster fetches the genuine slot by the key its committed root gives; then the forger replicates to it.
  const hoster = await open(t, key)
  connect(encoder, hoster)
  await hoster.update({ wait: true })
  await hoster.download({ start: 0, end: root.length }).done()
  const reacted = reactions(hoster, 3000)
  connect(forger, hoster)
  const seen = await reacted
  t.diagnostic(`the hoster's reactions to the forger: ${seen.join(', ') || 'none'}`)
  assert.ok(!seen.includes('conflict'), 'the forger\'s core is no valid fork of the slot')

  // The hoster still serves the genuine slot: a reader fetching from the hoster alone verifies every block.
  assert.equal(hoster.closed, false, 'the hoster\'s copy is not frozen')
  assert.equal(hoster.length, root.length, 'the hoster took nothing of the forger\'s')
  const reader = await open(t, key)
  connect(hoster, reader)
  for (let i = 0; i < root.length; i++) assert.ok(Buffer.from((await reader.get(i, { timeout: 10_000 }))!).equals((await encoder.get(i))!), `block ${i}`)
  assert.ok(Buffer.from(await reader.treeHash(root.length)).equals(root.treeHash), 'the reader holds the committed slot')

  // Nothing the forger serves passes hypercore's checks: a reader that only has the forger gets no block.
  const victim = await open(t, key)
  const rejected = reactions(victim, 3000)
  connect(forger, victim)
  await assert.rejects(victim.get(0, { timeout: 3000 }), /REQUEST_TIMEOUT/)
  assert.ok((await rejected).includes('rejected'), 'hypercore rejected the forger\'s proof')
  assert.equal(victim.length, 0)
})

test('a hoster whose first peer is a forger fetches the slot once an honest peer comes', async (t) => {
  const { root, key, encoder, forger } = await genuineAndForged(t)
  const hoster = await open(t, key)
  connect(forger, hoster)
  // As Network.download does: wait for an update, then fetch the blocks.
  const fetched = (async () => {
    await hoster.update({ wait: true })
    await hoster.download({ start: 0, end: root.length }).done()
  })()
  assert.deepEqual(await reactions(hoster, 2000), ['rejected'], 'the forger\'s upgrade is refused')
  assert.equal(hoster.length, 0)
  connect(encoder, hoster)
  await fetched
  assert.ok(Buffer.from(await hoster.treeHash(root.length)).equals(root.treeHash), 'the hoster holds the committed slot')
  for (let i = 0; i < root.length; i++) assert.ok(Buffer.from((await hoster.get(i, { wait: false }))!).equals((await encoder.get(i))!), `block ${i}`)
})

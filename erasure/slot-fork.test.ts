import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { makeFeed } from '../test/helpers/hypercore.js'
import { feedStripes, slotRoot, writeSlots } from './slot-cores.js'
import { slotKey, slotSigner } from './slot-key.js'
import { slotLength } from './stripes.js'

const K = 2
const M = 1

async function open (t: TestContext, ...args: ConstructorParameters<typeof Hypercore>): Promise<Hypercore> {
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

test('a third party cannot fork a hoster\'s slot: the hoster keeps serving the genuine one', async (t) => {
  const feed = await makeFeed(t, 12, 500)
  const other = await makeFeed(t, 12, 500, 7)
  const stripes = slotLength(feed.length, K)

  // The genuine slot 0 of plan 3, as the encoders write it; a hoster fetches it.
  const encoder = await open(t, slotSigner(feed.key, 3n, 0))
  await writeSlots(new Map([[0, encoder]]), stripes, feedStripes(feed, feed.length, K, M))
  const root = await slotRoot(encoder)
  const key = slotKey(feed.key, 3n, 0)
  const hoster = await open(t, key)
  connect(encoder, hoster)
  await hoster.update({ wait: true })
  await hoster.download({ start: 0, end: root.length }).done()

  // A third party builds, from public values only, a core with the slot's key and other content, and
  // replicates it to the hoster.
  const forger = await open(t, slotSigner(feed.key, 3n, 0))
  await writeSlots(new Map([[0, forger]]), stripes, feedStripes(other, other.length, K, M))
  // One block longer than the genuine slot, so that the hoster takes it for an update.
  await forger.append(new Uint8Array(8))
  assert.ok(Buffer.from(forger.key).equals(key), 'the forger claims the slot\'s key')
  const reacted = reactions(hoster, 3000)
  connect(forger, hoster)
  const seen = await reacted
  t.diagnostic(`the hoster's reactions to the forger: ${seen.join(', ') || 'none'}`)
  assert.ok(!seen.includes('conflict'), 'the forger\'s core is no valid fork of the slot')

  // The hoster still serves the genuine slot: a reader fetching from the hoster alone verifies every block.
  assert.equal(hoster.closed, false, 'the hoster\'s copy is not frozen')
  const reader = await open(t, key)
  connect(hoster, reader)
  for (let i = 0; i < root.length; i++) assert.ok(Buffer.from((await reader.get(i, { timeout: 10_000 }))!).equals((await encoder.get(i))!), `block ${i}`)
  assert.ok(Buffer.from(await reader.treeHash(root.length)).equals(root.treeHash), 'the reader holds the committed slot')
})

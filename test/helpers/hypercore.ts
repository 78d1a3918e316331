import type { TestContext } from 'node:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { u8aToHex } from '@polkadot/util'
import { makeBlockProof, makeHeadProof } from '../../hypercore/make.js'

/**
 * A writable hypercore with `blocks` blocks of `size` bytes (block i filled with i + fill), closed after the
 * test. Feeds with the same content have the same tree: give another `fill` for different data.
 */
export async function makeFeed (t: TestContext, blocks: number, size = 1024, fill = 0): Promise<Hypercore> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-feed-'))
  const core = new Hypercore(dir)
  await core.ready()
  await appendBlocks(core, blocks, size, fill)
  t.after(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return core
}

export async function appendBlocks (core: Hypercore, blocks: number, size = 1024, fill = 0): Promise<void> {
  const start = core.length
  const batch: Uint8Array[] = []
  for (let i = start; i < start + blocks; i++) batch.push(new Uint8Array(size).fill((i + fill) % 256))
  if (batch.length > 0) await core.append(batch)
}

/** Storage proofs of the blocks at `indexes` against the root of `length` blocks, as submitStorageProof takes them. */
export async function proofsFor (core: Hypercore, indexes: number[], length: number): Promise<Array<`0x${string}`>> {
  return await Promise.all(indexes.map(async (i) => u8aToHex(await makeBlockProof(core, i, length))))
}

/**
 * The arguments of Feeds.publishFeed for the core's current head. Bytes go as hex: polkadot-js reads a
 * Uint8Array given for a Bytes argument as already SCALE-encoded (length first).
 */
export async function publishArgs (core: Hypercore): Promise<{ key: `0x${string}`, manifest: `0x${string}`, head: `0x${string}` }> {
  return { key: u8aToHex(core.key), manifest: u8aToHex((await core.getManifest({ raw: true })) ?? new Uint8Array()), head: u8aToHex(await makeHeadProof(core)) }
}

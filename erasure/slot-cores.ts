import type Hypercore from 'hypercore'
import { encodeStripe, repairStripe, stripeBlocks } from './stripes.js'

/** What the chain commits of a slot: its length, its size and its merkle tree hash. */
export interface SlotRoot { readonly length: number, readonly byteLength: number, readonly treeHash: Uint8Array }

/** The k + m shards of stripe j. */
export type StripeSource = (stripe: number) => Promise<Uint8Array[]>

/** Stripes coded per batch: one append (one signature) per slot per batch instead of per block. */
const BATCH = 16

/**
 * Appends stripes to the given slot cores (slot index → writable core) until each holds `stripes` blocks.
 * Each core continues from its own length, so an encoder that stopped midway resumes where it was.
 */
export async function writeSlots (targets: ReadonlyMap<number, Hypercore>, stripes: number, source: StripeSource): Promise<void> {
  const from = Math.min(...[...targets.values()].map((core) => core.length))
  for (let start = from; start < stripes; start += BATCH) {
    const batch = await Promise.all(Array.from({ length: Math.min(BATCH, stripes - start) }, (_, j) => source(start + j)))
    await Promise.all([...targets].map(async ([slot, core]) => {
      const missing = batch.slice(Math.max(0, core.length - start)).map((shards) => shards[slot])
      if (missing.length > 0) await core.append(missing)
    }))
  }
}

/** Stripes coded from the feed itself (the feed must have blocks [0, feedLength)). */
export function feedStripes (feed: Hypercore, feedLength: number, k: number, m: number): StripeSource {
  return async (stripe) => {
    const blocks = await Promise.all(stripeBlocks(stripe, k, feedLength).map(async (i) => (await feed.get(i))!))
    return await encodeStripe(blocks, k, m)
  }
}

/** Stripes rebuilt from at least k complete slot cores (slot index → core). */
export function slotStripes (slots: ReadonlyMap<number, Hypercore>, k: number, m: number): StripeSource {
  return async (stripe) => {
    const shards = await Promise.all(Array.from({ length: k + m }, async (_, i) => (await slots.get(i)?.get(stripe)) ?? null))
    return await repairStripe(shards, k, m)
  }
}

/** The root a complete slot core gives, to commit on chain or compare with the committed one. */
export async function slotRoot (core: Hypercore): Promise<SlotRoot> {
  return { length: core.length, byteLength: core.byteLength, treeHash: await core.treeHash(core.length) }
}

/** Whether the core holds exactly the committed slot (its first `root.length` blocks hash to the committed tree). */
export async function matchesRoot (core: Hypercore, root: Pick<SlotRoot, 'length' | 'treeHash'>): Promise<boolean> {
  if (core.length < root.length) return false
  return Buffer.from(await core.treeHash(root.length)).equals(Buffer.from(root.treeHash))
}

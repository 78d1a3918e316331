import Hypercore from 'hypercore'
import { encodeStripe, repairStripe, stripeBlocks } from './stripes.js'
import { StripeArena } from './stripe-arena.js'
import { signedBlockProof } from './feed-proofs.js'
import type { FeedHead } from './feed-proofs.js'

/** What the chain commits of a slot: its length, its size and its merkle tree hash. */
export interface SlotRoot { readonly length: number, readonly byteLength: number, readonly treeHash: Uint8Array }

/** The k + m shards of stripe j (in `arena`'s memory, if given). */
export type StripeSource = (stripe: number, arena?: StripeArena) => Promise<Uint8Array[]>

/** Stripes coded per batch: one append per slot per batch instead of per block. */
export const STRIPES_PER_BATCH = 16

/**
 * The manifest of a slot core: no signer, and a prologue that fixes all of its blocks to the committed root.
 * hypercore verifies every block against that tree hash, and no key can sign another tree (with no signer,
 * nothing can extend it either), so nobody can fork a slot. The key is the manifest's hash: it follows from
 * the root alone.
 */
export function slotManifest (root: Pick<SlotRoot, 'length' | 'treeHash'>): { version: 1, signers: [], prologue: { hash: Buffer, length: number } } {
  return { version: 1, signers: [], prologue: { hash: Buffer.from(root.treeHash), length: root.length } }
}

/** The hypercore key of the slot with this root, for hosters, attesters and readers to open it by. */
export function slotKey (root: Pick<SlotRoot, 'length' | 'treeHash'>): Uint8Array {
  return Hypercore.key(slotManifest(root))
}

/**
 * Appends stripes to the given draft cores (slot index → a writable core of any key) until each holds
 * `stripes` blocks. A draft only serves to build the slot's tree: its root is what encoders agree on, and
 * `sealSlot` copies it into the slot core. Each draft continues from its own length, so an encoder that
 * stopped midway resumes where it was.
 */
export async function writeSlots (targets: ReadonlyMap<number, Hypercore>, stripes: number, source: StripeSource): Promise<void> {
  const from = Math.min(...[...targets.values()].map((core) => core.length))
  const arena = new StripeArena()
  for (let start = from; start < stripes; start += STRIPES_PER_BATCH) {
    const batch = await Promise.all(Array.from({ length: Math.min(STRIPES_PER_BATCH, stripes - start) }, (_, j) => source(start + j, arena)))
    await Promise.all([...targets].map(async ([slot, core]) => {
      const missing = batch.slice(Math.max(0, core.length - start)).map((shards) => shards[slot])
      if (missing.length > 0) await core.append(missing)
    }))
    // Appended: hypercore wrote the shards to its storage, so their memory serves the next batch.
    arena.reset()
  }
}

/**
 * Fills a slot core (opened with `slotManifest(root)`) from a complete draft of it, with hypercore's own
 * prologue copy, which checks the draft's tree against the prologue (a draft of other content throws).
 */
export async function sealSlot (draft: Hypercore, slot: Hypercore): Promise<void> {
  if (slot.length > 0 && await slot.has(0, slot.length)) return
  await slot.core.copyPrologue(draft.state)
}

/**
 * Stripes coded from the feed itself at the chain's head, of its blocks [from, head.length) (the feed must
 * have them).
 */
export function feedStripes (feed: Hypercore, head: FeedHead, k: number, m: number, from = 0): StripeSource {
  return async (stripe, arena) => {
    const proofs = await Promise.all(stripeBlocks(stripe, k, head.length, from).map(async (i) => await signedBlockProof(feed, i, head)))
    return await encodeStripe(proofs, k, m, arena)
  }
}

/** Stripes rebuilt from at least k complete slot cores (slot index → core). */
export function slotStripes (slots: ReadonlyMap<number, Hypercore>, k: number, m: number): StripeSource {
  return async (stripe, arena) => {
    const shards = await Promise.all(Array.from({ length: k + m }, async (_, i) => (await slots.get(i)?.get(stripe)) ?? null))
    return await repairStripe(shards, k, m, arena)
  }
}

/** The root a complete draft gives, to commit on chain or compare with the committed one. */
export async function slotRoot (core: Hypercore): Promise<SlotRoot> {
  return { length: core.length, byteLength: core.byteLength, treeHash: await core.treeHash(core.length) }
}

/** Whether a draft holds exactly the committed slot (its first `root.length` blocks hash to the committed tree). */
export async function matchesRoot (core: Hypercore, root: Pick<SlotRoot, 'length' | 'treeHash'>): Promise<boolean> {
  if (core.length < root.length) return false
  return Buffer.from(await core.treeHash(root.length)).equals(Buffer.from(root.treeHash))
}

import { c, wireData } from '../hypercore/internals.js'
import type { ProvableCore } from '../hypercore/make.js'

/** The feed head an encoding codes: the chain's committed length and the feed's signature of that root. */
export interface FeedHead { readonly length: number, readonly signature: Uint8Array }

/**
 * What a data shard carries: its feed block with the block's merkle proof up to the root of `head.length`
 * blocks and the feed's own signature of that root (hypercore's wire format), so that anyone holding the
 * feed key can check a data shard against the feed at any later time, with the publisher gone and whatever
 * the feed's head has become. The signature is the chain's copy, not the local core's: every encoder then
 * writes the same bytes, even one whose copy of the feed has grown further.
 */
export async function signedBlockProof (feed: ProvableCore, index: number, head: FeedHead): Promise<Uint8Array> {
  const p = await feed.proof({ block: { index, nodes: 0 }, upgrade: { start: 0, length: head.length } })
  p.upgrade!.additionalNodes = []
  p.upgrade!.signature = head.signature
  return c.encode(wireData, { ...p, request: 0, manifest: null })
}

/** The block inside a signed block proof (no check: the chain's audit verifies; a reader verified the slot). */
export function blockOfProof (proof: Uint8Array): Uint8Array {
  if (proof.byteLength === 0) return proof
  const block = wireData.decode(c.state(0, proof.byteLength, proof)).block
  if (block === null || block.value === null) throw new RangeError('a data shard carries no block')
  return block.value
}

/** A writable core's own current head, as the chain records it after publishFeed / updateFeed. */
export async function headOf (core: ProvableCore): Promise<FeedHead> {
  const p = await core.proof({ upgrade: { start: 0, length: core.length } })
  return { length: core.length, signature: p.upgrade!.signature! }
}

import { c, wireData } from './internals.js'
import type { DataMessage } from './internals.js'

/** The part of a Hypercore session the proof makers use. */
export interface ProvableCore {
  readonly length: number
  has (start: number, end?: number): Promise<boolean>
  proof (opts: { block?: { index: number, nodes: number }, hash?: { index: number, nodes: number }, upgrade: { start: number, length: number } }): Promise<DataMessage>
}

/** Why a proof cannot be made from what the core holds on its own disk; `code` is stable. */
export class ProofUnavailable extends Error {
  private constructor (readonly code: 'BLOCK_MISSING' | 'TREE_MISSING', message: string, readonly index: number) {
    super(message)
    this.name = 'ProofUnavailable'
  }

  static BLOCK_MISSING (index: number): ProofUnavailable {
    return new ProofUnavailable('BLOCK_MISSING', `block ${index} is not on this disk`, index)
  }

  /** Tree nodes of the proof are not on disk (e.g. the core never had the head of that length). */
  static TREE_MISSING (index: number, length: number, why: string): ProofUnavailable {
    return new ProofUnavailable('TREE_MISSING', `the tree nodes proving block ${index} at length ${length} are not on this disk: ${why}`, index)
  }
}

function encode (p: DataMessage): Uint8Array {
  return c.encode(wireData, { ...p, request: 0, manifest: null })
}

/** The signed head of a core as a roots proof, for publishFeed / updateFeed (only the current head is signed). */
export async function makeHeadProof (core: ProvableCore): Promise<Uint8Array> {
  const p = await core.proof({ upgrade: { start: 0, length: core.length } })
  p.upgrade!.additionalNodes = []
  return encode(p)
}

/**
 * A block with its merkle proof against the root of length `length` (which may be older than the core's
 * head), in hypercore's wire format, as submitStorageProof takes it. Made from the core's own storage
 * only: hypercore's `proof` reads the block and the tree nodes from disk and never asks a peer, so a block
 * or node that is not held throws ProofUnavailable instead of being fetched.
 */
export async function makeBlockProof (core: ProvableCore, index: number, length: number): Promise<Uint8Array> {
  if (length > core.length) throw ProofUnavailable.TREE_MISSING(index, length, `the core has length ${core.length}`)
  if (!await core.has(index)) throw ProofUnavailable.BLOCK_MISSING(index)
  let p: DataMessage
  try {
    p = await core.proof({ block: { index, nodes: 0 }, upgrade: { start: 0, length } })
  } catch (err) {
    // hypercore says INVALID_OPERATION when a tree node it needs is not stored.
    if ((err as { code?: string }).code === 'INVALID_OPERATION') throw ProofUnavailable.TREE_MISSING(index, length, (err as Error).message)
    throw err
  }
  // has() and proof() are two reads: a block cleared in between comes back without its bytes.
  if (p.block?.value == null) throw ProofUnavailable.BLOCK_MISSING(index)
  // Nodes past `length` and the head's signature belong to the current head, not the committed root.
  p.upgrade!.additionalNodes = []
  p.upgrade!.signature = null
  return encode(p)
}

/**
 * The hash of block `index` (its leaf node) with its sibling path against the root of length `length`,
 * without the block's bytes: what a hoster's receipt carries for each block it served.
 */
export async function makeHashProof (core: ProvableCore, index: number, length: number): Promise<Uint8Array> {
  const p = await core.proof({ hash: { index: 2 * index, nodes: 0 }, upgrade: { start: 0, length } })
  p.upgrade!.additionalNodes = []
  p.upgrade!.signature = null
  return encode(p)
}

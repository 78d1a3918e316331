import { c, wireData } from './internals.js'
import type { DataMessage } from './internals.js'

/** The part of a Hypercore session the proof makers use. */
export interface ProvableCore {
  readonly length: number
  proof (opts: { block?: { index: number, nodes: number }, upgrade: { start: number, length: number } }): Promise<DataMessage>
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
 * head), in hypercore's wire format, as submitStorageProof takes it.
 */
export async function makeBlockProof (core: ProvableCore, index: number, length: number): Promise<Uint8Array> {
  const p = await core.proof({ block: { index, nodes: 0 }, upgrade: { start: 0, length } })
  // Nodes past `length` and the head's signature belong to the current head, not the committed root.
  p.upgrade!.additionalNodes = []
  p.upgrade!.signature = null
  return encode(p)
}

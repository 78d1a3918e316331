import type { TypeRegistry } from '@polkadot/types'
import type { Header } from '@polkadot/types/interfaces'
import { compactToU8a, u8aConcat, u8aToHex, u8aToU8a } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import type { DigestLog } from '../frame/pallet.js'

export interface HeaderFields {
  readonly parentHash: Uint8Array
  readonly number: number
  readonly stateRoot: Uint8Array
  readonly extrinsicsRoot: Uint8Array
  readonly digest: readonly DigestLog[]
}

/** SCALE-encodes a Substrate header; its blake2_256 is the block hash, as polkadot-js computes it. */
export function encodeHeader (registry: TypeRegistry, h: HeaderFields): { bytes: Uint8Array, hash: Uint8Array } {
  const header = registry.createType('Header', {
    parentHash: h.parentHash,
    number: h.number,
    stateRoot: h.stateRoot,
    extrinsicsRoot: h.extrinsicsRoot,
    // Bytes given as hex: polkadot-js would read a Uint8Array as already length-prefixed.
    digest: { logs: h.digest.map((l) => ({ PreRuntime: [u8aToU8a(l.engine), u8aToHex(l.data)] })) }
  })
  const bytes = header.toU8a()
  return { bytes, hash: blake2AsU8a(bytes, 256) }
}

export function decodeHeader (registry: TypeRegistry, bytes: Uint8Array): Header {
  return registry.createType('Header', bytes)
}

/**
 * The extrinsics root: blake2_256 of the SCALE `Vec<Extrinsic>` (a commitment to the body in order; unlike
 * Substrate's ordered trie it has no per-extrinsic proofs, which nothing here needs).
 */
export function extrinsicsRoot (extrinsics: readonly Uint8Array[]): Uint8Array {
  return blake2AsU8a(u8aConcat(compactToU8a(extrinsics.length), ...extrinsics), 256)
}

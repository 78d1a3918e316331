// hypercore 11's own modules that the proof code needs. Hypercore publishes no stateless verifier and no
// types, and has no `exports` map, so its lib files are loaded directly (pinned to 11.37.1 in package.json).
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

import type { DataMessage } from 'hypercore'

export type { DataMessage }

interface Encoding<T> { preencode (state: EncState, v: T): void, encode (state: EncState, v: T): void, decode (state: EncState): T }
interface EncState { start: number, end: number, buffer: Uint8Array | null }

export interface HypercoreVerifier {
  readonly allowPatch: boolean
  verify (batch: unknown, signature: Uint8Array | null): boolean
}

export interface MerkleTreeBatchLike {
  length: number
  byteLength: number
  fork: number
  signature: Uint8Array | null
  hash (): Uint8Array
  verifyUpgrade (proof: DataMessage): boolean
}

export const c = require('compact-encoding') as {
  state (start?: number, end?: number, buffer?: Uint8Array): EncState
  encode<T> (enc: Encoding<T>, v: T): Uint8Array
}
export const flat = require('flat-tree') as { fullRoots (index: number): number[] }
export const Verifier = require('hypercore/lib/verifier.js') as {
  new (key: Uint8Array, manifest: unknown): HypercoreVerifier
  createManifest (manifest: unknown): unknown
  defaultSignerManifest (key: Uint8Array): unknown
  manifestHash (manifest: unknown): Uint8Array
  isValidManifest (key: Uint8Array, manifest: unknown): boolean
  isCompat (key: Uint8Array, manifest: unknown): boolean
}
export const wireData = (require('hypercore/lib/messages.js') as { wire: { data: Encoding<DataMessage> } }).wire.data
export const { MerkleTreeBatch } = require('hypercore/lib/merkle-tree.js') as {
  MerkleTreeBatch: new (session: object) => MerkleTreeBatchLike
}

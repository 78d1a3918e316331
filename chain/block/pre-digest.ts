import { u8aConcat, u8aToBn, bnToU8a } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import type { DigestLog } from '../frame/pallet.js'

/** Engine id of datdot's pre-runtime digest: the block's timestamp and the author's randomness signature. */
export const ENGINE_ID = 'dtdt'

export interface PreDigest {
  /** Unix milliseconds. */
  readonly timestamp: bigint
  /** ed25519 signature by the block author over `randomnessMessage(R(n-1), n)`. */
  readonly signature: Uint8Array
}

/** What the author signs for block n: deterministic (ed25519), so the author cannot grind the randomness. */
export function randomnessMessage (previousSeed: Uint8Array, number: number): Uint8Array {
  return blake2AsU8a(u8aConcat(previousSeed, bnToU8a(number, { bitLength: 32 })), 256)
}

export function encodePreDigest (d: PreDigest): DigestLog {
  return { engine: ENGINE_ID, data: u8aConcat(bnToU8a(d.timestamp, { bitLength: 64 }), d.signature) }
}

export function findPreDigest (logs: readonly DigestLog[]): PreDigest | null {
  const log = logs.find((l) => l.engine === ENGINE_ID)
  if (!log || log.data.length !== 72) return null
  return { timestamp: BigInt(u8aToBn(log.data.subarray(0, 8)).toString()), signature: log.data.subarray(8) }
}

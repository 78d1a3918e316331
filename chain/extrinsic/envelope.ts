import type { TypeRegistry } from '@polkadot/types'
import type { Call } from '@polkadot/types/interfaces'
import { compactFromU8a, compactToU8a } from '@polkadot/util'
import { invalid } from './invalid.js'

// The envelope of a signed v4 extrinsic, read by hand: building polkadot-js's Extrinsic codec (MultiAddress,
// MultiSignature, Era, compacts, re-encoded to check the bytes are canonical) was a quarter of the time of
// importing one; only the call is decoded by polkadot-js. The extra's layout follows SIGNED_EXTENSIONS
// (chain/metadata/substrate-types.ts): payload.test.ts fails if the two part. Layout (Substrate's UncheckedExtrinsic):
// compact length ++ 0x84 ++ MultiAddress ++ MultiSignature ++ extra (era ++ compact nonce ++ compact tip) ++ call.

/** A mortal era: valid from its birth block for `period` blocks (null: immortal). */
export interface Era { readonly period: number, readonly phase: number }

export interface Envelope {
  readonly signer: Uint8Array
  readonly scheme: 'sr25519' | 'ed25519'
  readonly signature: Uint8Array
  readonly era: Era | null
  readonly nonce: number
  readonly tip: bigint
  /** The signed extensions' extra and the call, as they are in the extrinsic: both are signed as they are. */
  readonly extra: Uint8Array
  readonly callBytes: Uint8Array
  readonly call: Call
}

const SIGNED_V4 = 0x84
const UNSIGNED_V4 = 0x04
const SCHEMES: Record<number, 'ed25519' | 'sr25519' | undefined> = { 0: 'ed25519', 1: 'sr25519' }
const ECDSA = 2
const U32_MAX = 2n ** 32n - 1n
const U128_MAX = 2n ** 128n - 1n

/** Parses a whole extrinsic (its length first); throws an InvalidTransaction saying what is wrong. */
export function parseExtrinsic (registry: TypeRegistry, bytes: Uint8Array): Envelope {
  const r = new Reader(bytes)
  const length = r.compact(U32_MAX, 'the length')
  if (Number(length) !== bytes.length - r.at) throw invalid.badFormat(`the length prefix says ${length} bytes, ${bytes.length - r.at} follow`)
  const version = r.byte('the version')
  if (version === UNSIGNED_V4) throw invalid.unsigned()
  if (version !== SIGNED_V4) throw invalid.badFormat(`version byte 0x${version.toString(16)}: only signed v4 extrinsics (0x84) are accepted`)
  if (r.byte('the signer') !== 0) throw invalid.badSigner('only account ids (MultiAddress::Id) may sign extrinsics on this chain')
  const signer = r.bytes(32, 'the signer')
  const kind = r.byte('the signature')
  const scheme = SCHEMES[kind]
  if (scheme === undefined) {
    if (kind === ECDSA) throw invalid.badSigner('only sr25519 and ed25519 signatures are accepted on this chain')
    throw invalid.badFormat(`signature variant ${kind} does not exist`)
  }
  const signature = r.bytes(64, 'the signature')
  const extraStart = r.at
  const era = readEra(r)
  const nonce = Number(r.compact(U32_MAX, 'the nonce'))
  const tip = r.compact(U128_MAX, 'the tip')
  const extra = bytes.subarray(extraStart, r.at)
  const callBytes = bytes.subarray(r.at)
  return { signer, scheme, signature, era, nonce, tip, extra, callBytes, call: decodeCall(registry, callBytes) }
}

/** The call of an extrinsic, signed or not (what fee queries weigh: their signature is not checked). */
export function callOf (registry: TypeRegistry, bytes: Uint8Array): Call {
  const r = new Reader(bytes)
  const length = r.compact(U32_MAX, 'the length')
  if (Number(length) !== bytes.length - r.at) throw invalid.badFormat(`the length prefix says ${length} bytes, ${bytes.length - r.at} follow`)
  if (r.byte('the version') !== UNSIGNED_V4) return parseExtrinsic(registry, bytes).call
  return decodeCall(registry, bytes.subarray(r.at))
}

function decodeCall (registry: TypeRegistry, callBytes: Uint8Array): Call {
  let call: Call
  try {
    // Pedantic: the call is re-encoded and compared, so that a block never holds bytes Substrate would refuse
    // (a bool of 2, an option tag of 3); the call is a small part of what re-encoding the whole extrinsic cost.
    call = registry.createTypeUnsafe<Call>('Call', [callBytes], { isPedantic: true })
  } catch (err) {
    throw invalid.badFormat((err as Error).message.split('\n')[0])
  }
  return call
}

/** Substrate's Era::decode: one 0 byte for immortal, else two bytes of period (a power of two) and phase. */
function readEra (r: Reader): Era | null {
  const first = r.byte('the era')
  if (first === 0) return null
  const encoded = first + (r.byte('the era') << 8)
  const period = 2 << (encoded % 16)
  const quantize = Math.max(period >> 12, 1)
  const phase = (encoded >> 4) * quantize
  if (period < 4 || phase >= period) throw invalid.badFormat(`era of period ${period} and phase ${phase} is not valid`)
  return { period, phase }
}

/** The block an era's transaction was signed at, seen from block `current`. */
export const birth = (era: Era, current: number): number => Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase
/** The first block at which it is no longer valid. */
export const death = (era: Era, current: number): number => birth(era, current) + era.period

class Reader {
  at = 0
  constructor (readonly data: Uint8Array) {}

  byte (what: string): number {
    if (this.at >= this.data.length) throw invalid.badFormat(`the extrinsic ends before ${what}`)
    return this.data[this.at++]
  }

  bytes (n: number, what: string): Uint8Array {
    if (this.at + n > this.data.length) throw invalid.badFormat(`the extrinsic ends within ${what}`)
    this.at += n
    return this.data.subarray(this.at - n, this.at)
  }

  /** A canonical SCALE compact of at most `max`. */
  compact (max: bigint, what: string): bigint {
    if (this.at >= this.data.length) throw invalid.badFormat(`the extrinsic ends before ${what}`)
    const [length, value] = compactFromU8a(this.data.subarray(this.at))
    const n = BigInt(value.toString())
    if (this.at + length > this.data.length) throw invalid.badFormat(`the extrinsic ends within ${what}`)
    if (n > max) throw invalid.badFormat(`${what} ${n} is out of range`)
    if (compactToU8a(n).length !== length) throw invalid.badFormat(`${what} is not canonically encoded`)
    this.at += length
    return n
  }
}

import type { TypeRegistry } from '@polkadot/types'
import type { Call } from '@polkadot/types/interfaces'
import { bnToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import { invalid } from './invalid.js'
import type { SignatureJob } from './verify-pool.js'
import { MAX_EXTRINSIC_BYTES } from '../block/limits.js'
import { birth, parseExtrinsic } from './envelope.js'
import type { Envelope, Era } from './envelope.js'

/** An extrinsic that decoded, is signed for this chain and whose era is live. */
export interface CheckedExtrinsic {
  readonly bytes: Uint8Array
  readonly hash: Uint8Array
  readonly hashHex: string
  readonly signer: Uint8Array
  readonly nonce: number
  /** What the sender offers besides the fee, for priority in the pool. */
  readonly tip: bigint
  readonly call: Call
  /** null: immortal. */
  readonly era: Era | null
}

/** What the checks need to know of the chain. */
export interface CheckEnv {
  readonly registry: TypeRegistry
  readonly genesisHash: Uint8Array
  readonly specVersion: number
  readonly transactionVersion: number
  /** The number of the block the transaction would go into. */
  readonly blockNumber: number
  /** The hash of a past block, if it is still known. */
  blockHash (n: number): Uint8Array | null
}

/** How many earlier periods of an expired mortal era are tried, to say "expired" rather than "bad signature". */
const EXPIRED_PERIODS_TRIED = 4

/** Verifies one signature; the node passes its worker pool, tests may verify in place. */
export type Verify = (job: SignatureJob) => Promise<boolean>

/**
 * Decodes and checks everything about an extrinsic that does not depend on the pool: the format, the
 * signed extensions (spec and transaction version, genesis, mortality) and the signature.
 */
export async function checkExtrinsic (bytes: Uint8Array, env: CheckEnv, verify: Verify): Promise<CheckedExtrinsic> {
  // Before decoding: a block could never include it.
  if (bytes.length > MAX_EXTRINSIC_BYTES) throw invalid.tooLong(bytes.length, MAX_EXTRINSIC_BYTES)
  const ext = parseExtrinsic(env.registry, bytes)
  const { era } = ext
  const born = era === null ? 0 : birth(era, env.blockNumber)
  const birthHash = era === null ? env.genesisHash : env.blockHash(born)
  if (birthHash === null) throw invalid.ancientBirthBlock(born)

  const verifyOver = (blockHash: Uint8Array) => verify({ scheme: ext.scheme, signature: ext.signature, publicKey: ext.signer, message: signedPayload(env, ext, blockHash) })
  if (await verifyOver(birthHash)) {
    const hash = blake2AsU8a(bytes, 256)
    return { bytes, hash, hashHex: u8aToHex(hash), signer: ext.signer, nonce: ext.nonce, tip: ext.tip, call: ext.call, era }
  }
  if (era !== null) {
    // A signature over an earlier birth block of the same era means the era ran out.
    for (let k = 1, b = born - era.period; k <= EXPIRED_PERIODS_TRIED && b >= 0; k++, b -= era.period) {
      const hash = env.blockHash(b)
      if (hash !== null && await verifyOver(hash)) throw invalid.expired(b, b + era.period, env.blockNumber)
    }
  }
  throw invalid.badProof()
}

/**
 * The signed payload (Substrate's SignedPayload): the call, the extensions' extra (era, nonce, tip) and their
 * additional data (spec and transaction version, genesis, the era's birth block), the first two as they are
 * in the extrinsic (payload.test.ts checks it against polkadot-js's ExtrinsicPayload).
 */
export function signedPayload (env: Pick<CheckEnv, 'genesisHash' | 'specVersion' | 'transactionVersion'>, ext: Envelope, blockHash: Uint8Array): Uint8Array {
  const signed = u8aConcat(ext.callBytes, ext.extra, u32(env.specVersion), u32(env.transactionVersion), env.genesisHash, blockHash)
  // Substrate signs the blake2_256 of payloads longer than 256 bytes.
  return signed.length > 256 ? blake2AsU8a(signed, 256) : signed
}

const u32 = (n: number): Uint8Array => bnToU8a(n, { bitLength: 32, isLe: true })

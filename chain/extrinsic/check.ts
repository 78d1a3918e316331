import type { TypeRegistry } from '@polkadot/types'
import type { Call, ExtrinsicEra, ExtrinsicPayload } from '@polkadot/types/interfaces'
import type { Enum } from '@polkadot/types-codec'
import type { Extrinsic } from '@polkadot/types/interfaces/extrinsics'
import { u8aToHex } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import { invalid } from './invalid.js'
import type { SignatureJob } from './verify-pool.js'
import { MAX_EXTRINSIC_BYTES } from '../block/limits.js'

/** An extrinsic that decoded, is signed for this chain and whose era is live. */
export interface CheckedExtrinsic {
  readonly bytes: Uint8Array
  readonly hash: Uint8Array
  readonly hashHex: string
  readonly signer: Uint8Array
  readonly nonce: number
  readonly call: Call
  readonly era: ExtrinsicEra
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

export function decodeExtrinsic (registry: TypeRegistry, bytes: Uint8Array): Extrinsic {
  let ext: Extrinsic
  try {
    ext = registry.createTypeUnsafe<Extrinsic>('Extrinsic', [bytes], { isPedantic: true })
  } catch (err) {
    throw invalid.badFormat((err as Error).message.split('\n')[0])
  }
  return ext
}

/** Verifies one signature; the node passes its worker pool, tests may verify in place. */
export type Verify = (job: SignatureJob) => Promise<boolean>

/**
 * Decodes and checks everything about an extrinsic that does not depend on the pool: the format, the
 * signed extensions (spec and transaction version, genesis, mortality) and the signature.
 */
export async function checkExtrinsic (bytes: Uint8Array, env: CheckEnv, verify: Verify): Promise<CheckedExtrinsic> {
  // Before decoding: a block could never include it.
  if (bytes.length > MAX_EXTRINSIC_BYTES) throw invalid.tooLong(bytes.length, MAX_EXTRINSIC_BYTES)
  const ext = decodeExtrinsic(env.registry, bytes)
  if (!ext.isSigned) throw invalid.unsigned()
  // GenericMultiAddress is a plain Enum without isId/asId: read its variant by name.
  const signer = ext.signer as unknown as Enum
  if (signer.type !== 'Id') throw invalid.badSigner('only account ids (MultiAddress::Id) may sign extrinsics on this chain')
  const who = signer.inner.toU8a()
  const era = ext.era
  const nonce = ext.nonce.toNumber()

  const birth = era.isMortalEra ? era.asMortalEra.birth(env.blockNumber) : 0
  const birthHash = era.isMortalEra ? env.blockHash(birth) : env.genesisHash
  if (birthHash === null) throw invalid.ancientBirthBlock(birth)

  const signed = signatureOf(ext, who)
  const verifyOver = (blockHash: Uint8Array) => verify({ ...signed, message: payload(env, ext, blockHash) })
  if (await verifyOver(birthHash)) {
    const hash = blake2AsU8a(bytes, 256)
    return { bytes, hash, hashHex: u8aToHex(hash), signer: who, nonce, call: ext.method as Call, era }
  }
  if (era.isMortalEra) {
    // A signature over an earlier birth block of the same era means the era ran out.
    const period = era.asMortalEra.period.toNumber()
    for (let k = 1, b = birth - period; k <= EXPIRED_PERIODS_TRIED && b >= 0; k++, b -= period) {
      const hash = env.blockHash(b)
      if (hash !== null && await verifyOver(hash)) throw invalid.expired(b, b + period, env.blockNumber)
    }
  }
  throw invalid.badProof()
}

function payload (env: CheckEnv, ext: Extrinsic, blockHash: Uint8Array): Uint8Array {
  const data = env.registry.createTypeUnsafe<ExtrinsicPayload>('ExtrinsicPayload', [{
    method: ext.method.toHex(),
    era: ext.era,
    nonce: ext.nonce,
    tip: ext.tip,
    specVersion: env.specVersion,
    transactionVersion: env.transactionVersion,
    genesisHash: env.genesisHash,
    blockHash
  }, { version: ext.version & 0x7f }])
  const signed = data.toU8a({ method: true })
  // Substrate signs the blake2_256 of payloads longer than 256 bytes.
  return signed.length > 256 ? blake2AsU8a(signed, 256) : signed
}

function signatureOf (ext: Extrinsic, who: Uint8Array): Omit<SignatureJob, 'message'> {
  const multi = (ext.inner as unknown as { signature: { multiSignature: Enum } }).signature.multiSignature
  const signature = multi.inner.toU8a()
  if (multi.type === 'Sr25519') return { scheme: 'sr25519', signature, publicKey: who }
  if (multi.type === 'Ed25519') return { scheme: 'ed25519', signature, publicKey: who }
  throw invalid.badSigner('only sr25519 and ed25519 signatures are accepted on this chain')
}

import { payloadOf, shardSize } from '../../../erasure/stripes.js'
import { parityOf } from '../../../erasure/parity.js'
import { ProofRefused, verifySignedBlockProof } from '../../../hypercore/verify.js'
import type { HypercoreVerifier } from '../../../hypercore/internals.js'

/** What is wrong with an encoding an audit failed. */
export type FaultName = 'Malformed' | 'NotTheFeed' | 'WrongLength' | 'ParityMismatch'

export type StripeVerdict =
  | { readonly type: 'Passed' }
  /** Too few shards came to decide, and none of those that came is wrong. */
  | { readonly type: 'Inconclusive' }
  | { readonly type: 'Failed', readonly fault: FaultName, readonly detail: string }

export interface StripeUnderAudit {
  readonly k: number
  readonly m: number
  /** Blocks in each slot: the committed slot length. */
  readonly slotLength: number
  readonly stripe: number
  /** The feed's hypercore Verifier (its key and manifest). */
  readonly feed: HypercoreVerifier
  /** The stripe's k + m shards as the hosters proved them against the committed slot roots; null: not given. */
  readonly shards: ReadonlyArray<Uint8Array | null>
}

class Fault extends Error {
  constructor (readonly fault: FaultName, message: string) { super(message) }
}

/**
 * Judges one stripe of an erasure encoding. Every shard given is exactly what the encoders committed (it was
 * proved against their slot root), so whatever is wrong in it is theirs. A data shard must frame the feed's
 * signed proof of block stripe·k + i (empty only past the encoded feed length, the same signed length for
 * the whole stripe, and consistent with the slot length); the shard size must be the one the payloads give;
 * each parity shard must be the library's parity of the data shards, recomputed here.
 */
export function judgeStripe (s: StripeUnderAudit): StripeVerdict {
  try {
    return judge(s)
  } catch (err) {
    if (err instanceof Fault) return { type: 'Failed', fault: err.fault, detail: err.message }
    throw err
  }
}

function judge ({ k, m, slotLength, stripe, feed, shards }: StripeUnderAudit): StripeVerdict {
  const present = shards.flatMap((s, i) => (s === null ? [] : [i]))
  if (present.length === 0) return { type: 'Inconclusive' }
  const size = shards[present[0]]!.byteLength
  if (size === 0 || size % 8 !== 0 || present.some((i) => shards[i]!.byteLength !== size)) throw new Fault('Malformed', 'the shards of the stripe are not of one size, a multiple of 8 bytes')
  const payloads = new Map<number, Uint8Array>()
  for (const i of present.filter((i) => i < k)) {
    const shard = shards[i]!
    let payload: Uint8Array
    try {
      payload = payloadOf(shard)
    } catch (err) {
      throw new Fault('Malformed', `data shard ${i}: ${(err as Error).message}`)
    }
    if (shard.subarray(4 + payload.byteLength).some((b) => b !== 0)) throw new Fault('Malformed', `data shard ${i} is not zero-padded`)
    payloads.set(i, payload)
  }
  // The feed length the encoding coded, from the signed proofs the data shards carry.
  let encodedLength: number | null = null
  for (const [i, payload] of payloads) {
    if (payload.byteLength === 0) continue
    let length: number
    try {
      length = verifySignedBlockProof(feed, payload, stripe * k + i).length
    } catch (err) {
      if (err instanceof ProofRefused) throw new Fault('NotTheFeed', `data shard ${i}: ${err.message}`)
      throw err
    }
    if (encodedLength !== null && length !== encodedLength) throw new Fault('WrongLength', `the data shards prove blocks of roots of ${encodedLength} and ${length} blocks`)
    encodedLength = length
  }
  if (encodedLength !== null && Math.ceil(encodedLength / k) !== slotLength) throw new Fault('WrongLength', `a feed of ${encodedLength} blocks gives slots of ${Math.ceil(encodedLength / k)} blocks, not ${slotLength}`)
  for (const [i, payload] of payloads) {
    const index = stripe * k + i
    // Block stripe·k of every stripe lies within the feed (slotLength = ceil(length / k)).
    const within = encodedLength === null ? i === 0 : index < encodedLength
    if (payload.byteLength === 0 && within) throw new Fault('NotTheFeed', `data shard ${i} is empty, but block ${index} is within the feed`)
  }
  if (payloads.size < k) return { type: 'Inconclusive' }
  const data = Array.from({ length: k }, (_, i) => shards[i]!)
  if (shardSize([...payloads.values()]) !== size) throw new Fault('Malformed', `the shards are ${size} bytes; their payloads give ${shardSize([...payloads.values()])}`)
  const parity = parityOf(data, m)
  for (const i of present) {
    if (i >= k && !Buffer.from(parity[i - k]).equals(Buffer.from(shards[i]!))) throw new Fault('ParityMismatch', `parity shard ${i - k} is not the code of the data shards`)
  }
  return present.length === k + m ? { type: 'Passed' } : { type: 'Inconclusive' }
}

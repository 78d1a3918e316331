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
  /** The feed blocks [start, end) the plan codes: end is its coded head (a generation starts past 0). */
  readonly start: number
  readonly end: number
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
 * signed proof of block start + stripe·k + i against the root of the plan's coded head (empty only past it);
 * the shard size must be the one the payloads give; each parity shard must be the library's parity of the
 * data shards, recomputed here.
 */
export function judgeStripe (s: StripeUnderAudit): StripeVerdict {
  try {
    return judge(s)
  } catch (err) {
    if (err instanceof Fault) return { type: 'Failed', fault: err.fault, detail: err.message }
    throw err
  }
}

function judge ({ k, m, start, end, stripe, feed, shards }: StripeUnderAudit): StripeVerdict {
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
  // Every block is proven against the root of the coded head: a shard of an older root (fewer blocks) would
  // leave blocks uncoded for good.
  for (const [i, payload] of payloads) {
    if (payload.byteLength === 0) continue
    let length: number
    try {
      length = verifySignedBlockProof(feed, payload, start + stripe * k + i).length
    } catch (err) {
      if (err instanceof ProofRefused) throw new Fault('NotTheFeed', `data shard ${i}: ${err.message}`)
      throw err
    }
    if (length !== end) throw new Fault('WrongLength', `data shard ${i} proves its block against a root of ${length} blocks; the plan codes ${end}`)
  }
  for (const [i, payload] of payloads) {
    const index = start + stripe * k + i
    if (payload.byteLength === 0 && index < end) throw new Fault('NotTheFeed', `data shard ${i} is empty, but block ${index} is coded`)
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

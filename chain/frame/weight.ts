/**
 * Weights as Substrate counts them: picoseconds of reference execution time (`refTime`). They are declared
 * per call from the storage reads and writes it makes (Substrate's RocksDB weights: 25 µs a read, 100 µs a
 * write) plus its own work, not benchmarked on this node: they bound a block's work and price it in fees.
 */
const MICROS = 1_000_000n
export const MILLIS = 1_000n * MICROS
export const SECOND = 1_000n * MILLIS

const DB_READ = 25n * MICROS
const DB_WRITE = 100n * MICROS

/** What every extrinsic costs before its call: decoding, the signature, the nonce and the fee (Substrate's ExtrinsicBaseWeight). */
export const EXTRINSIC_BASE_WEIGHT = 125n * MICROS

/** A call's weight from the storage it touches and the microseconds of its own work. */
export const dbWeight = (reads: number, writes: number, micros = 0): bigint =>
  BigInt(reads) * DB_READ + BigInt(writes) * DB_WRITE + BigInt(micros) * MICROS

/** Substrate's DispatchClass: normal extrinsics fill at most 75% of a block; operational ones may use all of it. */
type DispatchClassName = 'Normal' | 'Operational'

/** What a call costs: its weight, its class, and whether its sender pays a fee for it. */
export interface CallCost<A> {
  readonly weight: bigint | ((args: A) => bigint)
  /**
   * Free calls are paid work (proofs, reports): operational and fee-less. The pool runs them before it
   * admits them and a block leaves them out if they fail, so a failing one is never included for free.
   * Their `tag` names the duty they do (Substrate's `provides`): the pool holds one transaction per signer
   * and tag, so that copies of one valid proof cannot wait there in numbers.
   */
  readonly free?: { readonly tag: (args: A) => string }
}

export interface CallInfo {
  readonly weight: bigint
  readonly class: DispatchClassName
  readonly pays: boolean
  /** A free call's duty (see CallCost), as `Pallet.call:tag`; null for a paid one. */
  readonly tag: string | null
}

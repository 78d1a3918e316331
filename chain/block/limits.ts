import { SECOND } from '../frame/weight.js'

const MiB = 1024 * 1024

/** Substrate's default BlockLength: the bytes of extrinsics one block may carry. */
export const MAX_BLOCK_BYTES = 5 * MiB

/** Substrate's default block weight: two seconds of reference execution time. */
export const MAX_BLOCK_WEIGHT = 2n * SECOND

/**
 * Normal extrinsics fill at most 75% of a block's bytes and weight (Substrate's NORMAL_DISPATCH_RATIO); the rest
 * is kept for operational ones, the free proofs and reports whose deadlines do not wait.
 */
export const normalShare = (limit: number): number => (limit * 3) / 4
export const normalWeightShare = (limit: bigint): bigint => (limit * 3n) / 4n

/** One extrinsic may fill the block's normal share: 3.75 MiB. */
export const MAX_EXTRINSIC_BYTES = normalShare(MAX_BLOCK_BYTES)

/** A block's limits, as the pool fills one. */
export interface BlockLimits {
  readonly count: number
  readonly bytes: number
  readonly weight: bigint
}

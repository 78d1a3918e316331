import { constant, definePallet } from '../frame/pallet.js'
import type { DispatchCtx } from '../frame/pallet.js'
import { EXTRINSIC_BASE_WEIGHT, MILLIS } from '../frame/weight.js'
import type { CallInfo } from '../frame/weight.js'
import { AccountId32, named, u128 } from '../types/ty.js'

/** Ratio every paid extrinsic costs, besides its length and weight. */
const BASE_FEE = 1n
/** Ratio per KiB (or part of one) of the extrinsic's bytes. */
const LENGTH_FEE_PER_KIB = 1n
/** Ratio per millisecond (or part of one) of the extrinsic's weight, the base extrinsic weight included. */
const WEIGHT_FEE_PER_MILLI = 1n

/** Substrate's InclusionFee: what a paid extrinsic costs before its tip. */
export interface InclusionFee { readonly baseFee: bigint, readonly lenFee: bigint, readonly adjustedWeightFee: bigint }

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b

/** What including an extrinsic of `length` bytes costs, or null for a free call (which pays its tip only). */
export function inclusionFee (info: CallInfo, length: number): InclusionFee | null {
  if (!info.pays) return null
  return {
    baseFee: BASE_FEE,
    lenFee: LENGTH_FEE_PER_KIB * ceilDiv(BigInt(length), 1024n),
    adjustedWeightFee: WEIGHT_FEE_PER_MILLI * ceilDiv(info.weight + EXTRINSIC_BASE_WEIGHT, MILLIS)
  }
}

export const partialFee = (fee: InclusionFee | null): bigint => fee === null ? 0n : fee.baseFee + fee.lenFee + fee.adjustedWeightFee

/** The inclusion fee and the tip: what the sender must hold for the extrinsic to be included. */
export const totalFee = (info: CallInfo, length: number, tip: bigint): bigint => partialFee(inclusionFee(info, length)) + tip

/**
 * Fees in ratio, charged from the sender before its call runs (by the runtime, with its nonce) and burned: ratio measures disk given against
 * disk used, so a fee is no one's earning. A sender that cannot pay is refused by the pool and left out of
 * blocks; nothing it sends then creates its account.
 */
export const TransactionPayment = definePallet({
  name: 'TransactionPayment',
  events: {
    /** Substrate's event: `actualFee` (tip included) was charged from `who`. */
    TransactionFeePaid: named({ who: AccountId32, actualFee: u128, tip: u128 })
  },
  constants: {
    BaseFee: constant(u128, BASE_FEE, 'Ratio every paid extrinsic costs, besides its length and weight.'),
    LengthFeePerKib: constant(u128, LENGTH_FEE_PER_KIB, 'Ratio per KiB (or part of one) of a paid extrinsic.'),
    WeightFeePerMilli: constant(u128, WEIGHT_FEE_PER_MILLI, 'Ratio per millisecond (or part of one) of a paid extrinsic\'s weight.')
  }
})

export function feePaid (ctx: DispatchCtx, who: Uint8Array, fee: bigint, tip: bigint): void {
  TransactionPayment.emit(ctx, { type: 'TransactionFeePaid', value: { who, actualFee: fee, tip } })
}

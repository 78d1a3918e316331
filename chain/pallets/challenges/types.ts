import { AccountId32, bool, enumOf, fixed, seq, struct, u16, u32, u64 } from '../../types/ty.js'
import type { JsOf } from '../../types/ty.js'

export const CheckKind = enumOf('pallet_challenges::CheckKind', { Storage: null, Performance: null })
export type CheckKindName = 'Storage' | 'Performance'

/** A check to open, or to close at its deadline. */
export const Due = struct('pallet_challenges::Due', { kind: CheckKind, plan: u64, position: u16, id: u64 })
export type DueValue = JsOf<typeof Due>

export const StorageChallenge = struct('pallet_challenges::StorageChallenge', {
  plan: u64,
  position: u16,
  hoster: AccountId32,
  indexes: seq(u64),
  /** The root the proofs must lead to: the feed's (or the erasure slot's) length and tree hash. */
  length: u64,
  treeHash: fixed(32),
  deadline: u32
})
export type StorageChallengeValue = JsOf<typeof StorageChallenge>

export const Report = struct('pallet_challenges::Report', { attester: AccountId32, success: bool, latencyMs: u32, throughput: u64 })
export type ReportValue = JsOf<typeof Report>

export const PerformanceCheck = struct('pallet_challenges::PerformanceCheck', {
  plan: u64,
  position: u16,
  hoster: AccountId32,
  attesters: seq(AccountId32),
  reports: seq(Report),
  deadline: u32
})
export type PerformanceCheckValue = JsOf<typeof PerformanceCheck>

export const Verdict = enumOf('pallet_challenges::Verdict', { Served: null, NotServed: null, Inconclusive: null })

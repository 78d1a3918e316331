import { AccountId32, bool, bytes, enumOf, fixed, option, seq, struct, u16, u32, u64 } from '../../types/ty.js'
import type { JsOf } from '../../types/ty.js'

/** What a check closing at its deadline is. */
export const CheckKind = enumOf('pallet_challenges::CheckKind', { Storage: null, Performance: null })
export type CheckKindValue = JsOf<typeof CheckKind>

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

export const Report = struct('pallet_challenges::Report', {
  attester: AccountId32,
  /** Served: the report carried the hoster's receipt for the sampled blocks, verified on submission. */
  success: bool,
  latencyMs: u32,
  throughput: u64,
  /** The IPv4 /24 prefix the attester reached the hoster at (a.b.c as (a << 16) | (b << 8) | c), 0 if unknown. */
  network: u32
})
export type ReportValue = JsOf<typeof Report>

/**
 * The hoster's signed receipt for the blocks it served an attester: the sampled indexes, each block's
 * hash (hypercore's leaf hash) with its sibling path against the check's root (hypercore's proof format,
 * no block bytes), and the hoster's noise-key signature of receiptMessage(receiptContext(check, attester),
 * indexes, hashes).
 */
export const Receipt = struct('pallet_challenges::Receipt', { indexes: seq(u64), hashes: seq(fixed(32)), proofs: seq(bytes), signature: fixed(64) })
export type ReceiptValue = JsOf<typeof Receipt>

export const PerformanceCheck = struct('pallet_challenges::PerformanceCheck', {
  plan: u64,
  position: u16,
  hoster: AccountId32,
  attesters: seq(AccountId32),
  reports: seq(Report),
  deadline: u32,
  /** The root the receipts' hashes must lead to (as for a storage challenge). */
  length: u64,
  treeHash: fixed(32),
  /** The blocks to fetch: empty until drawn from the seed of the block after the check opened. */
  indexes: seq(u64),
  /** Set when the check confirms a setup: the amendment that assigned the hoster. */
  setup: option(u64),
  /** A prompt re-check after a NotServed verdict (containment): its NotServed is a strike. */
  retry: bool
})
export type PerformanceCheckValue = JsOf<typeof PerformanceCheck>

/** NotServed is final; Contained is a first NotServed, which opens a prompt re-check instead of a strike. */
export const Verdict = enumOf('pallet_challenges::Verdict', { Served: null, NotServed: null, Inconclusive: null, Contained: null })
export type VerdictName = 'Served' | 'NotServed' | 'Inconclusive' | 'Contained'


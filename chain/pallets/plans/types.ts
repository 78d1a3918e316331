import { AccountId32, bool, bytes, enumOf, fixed, option, seq, struct, u128, u16, u32, u64 } from '../../types/ty.js'
import type { JsOf } from '../../types/ty.js'

export const Mode = enumOf('pallet_plans::Mode', {
  /** Each of `replicas` hosters keeps the whole feed (or its ranges) and serves it to readers. */
  Replicate: struct('pallet_plans::Replicate', { replicas: u16 }),
  /** k + m hosters each keep one Reed-Solomon slot; any k slots rebuild the data. */
  Erasure: struct('pallet_plans::Erasure', { k: u16, m: u16 })
})
export type ModeValue = JsOf<typeof Mode>

/** Block indexes [start, end) of a feed. */
export const Range = struct('pallet_plans::Range', { start: u64, end: u64 })
export type RangeValue = JsOf<typeof Range>

/** Ended: unpublished. Lost: an erasure plan kept fewer than k slots and nothing could rebuild them (DataLost). */
export const PlanStatus = enumOf('pallet_plans::PlanStatus', { Queued: null, Active: null, Ended: null, Lost: null })

export const Plan = struct('pallet_plans::Plan', {
  feed: u64,
  sponsor: AccountId32,
  mode: Mode,
  /** None: the whole feed, growing with it. */
  ranges: option(seq(Range)),
  status: PlanStatus,
  /** Ratio others reserved to back this plan's priority in the queue. */
  backing: u128,
  positions: u16,
  createdAt: u32
})
export type PlanValue = JsOf<typeof Plan>

/**
 * What an erasure plan's slots code: the feed's blocks [start, length), their bytes [startByte, byteLength)
 * of the feed, and the feed's signature of the root of `length` blocks (FeedHead). A first plan starts at 0;
 * a generation (plans/growth.ts) where the one before it ends.
 */
export const CodedHead = struct('pallet_plans::CodedHead', { start: u64, length: u64, startByte: u64, byteLength: u64, signature: bytes })
export type CodedHeadValue = JsOf<typeof CodedHead>

/** A committed root of an erasure slot: the hypercore the slot's hoster keeps. */
export const SlotRoot = struct('pallet_plans::SlotRoot', { length: u64, byteLength: u64, treeHash: fixed(32) })
export type SlotRootValue = JsOf<typeof SlotRoot>

export const PositionState = enumOf('pallet_plans::PositionState', {
  /** Waiting for a hoster. */
  Vacant: null,
  /** A hoster was assigned by this amendment and is setting up. */
  Setup: u64,
  Active: null
})

export const Position = struct('pallet_plans::Position', {
  hoster: option(AccountId32),
  state: PositionState,
  /** The hoster reported its copy complete (setup only). */
  ready: bool,
  /** Bytes the hoster holds for this position (what it committed of its capacity). */
  bytes: u64,
  strikes: u32,
  /** Block up to which hosting was paid (the start, or the last accepted proof). */
  paidUntil: u32
})
export type PositionValue = JsOf<typeof Position>

export const AmendmentKind = enumOf('pallet_plans::AmendmentKind', { New: null, Repair: null })

export const Amendment = struct('pallet_plans::Amendment', {
  plan: u64,
  kind: AmendmentKind,
  positions: seq(u16),
  hosters: seq(AccountId32),
  encoders: seq(AccountId32),
  attesters: seq(AccountId32),
  deadline: u32,
  /** Erasure: the first encoder's slot roots, waiting for a second encoder to agree. */
  proposed: option(struct('pallet_plans::ProposedEncoding', { encoder: AccountId32, slots: seq(SlotRoot) })),
  /**
   * Erasure: the encoders delivered. A new encoding: its roots were accepted. A repair: the encoder reported
   * the rebuilt slots served (repairServed); until then a missed deadline is its fault.
   */
  delivered: bool
})
export type AmendmentValue = JsOf<typeof Amendment>

/** What a position's setup has shown so far: the new hoster's storage proof, and its retrievability check. */
export const SetupProgress = struct('pallet_plans::SetupProgress', { amendment: u64, stored: bool, retrieved: bool })

/** Why a queued plan could not be served yet: the providers the draw came up short of. */
export const WaitReason = enumOf('pallet_plans::WaitReason', { Hosters: null, Encoders: null, Attesters: null })
export type WaitReasonName = JsOf<typeof WaitReason>['type']

/**
 * A queued plan the chain tried and could not serve: since when, why, and when it tries again (at `retryAt`,
 * or sooner if the providers' supply changed since: `supply` is Roles' count of such changes at the last try).
 */
export const QueueWait = struct('pallet_plans::QueueWait', { since: u32, reason: WaitReason, tries: u32, retryAt: u32, supply: u32 })
export type QueueWaitValue = JsOf<typeof QueueWait>

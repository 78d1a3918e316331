import { doubleMap, map, value } from '../../frame/storage.js'
import { AccountId32, seq, tuple, u128, u16, u32, u64 } from '../../types/ty.js'
import { Amendment, CodedHead, Plan, Position, QueueWait, SetupProgress, SlotRoot } from './types.js'
import { idSchedule } from '../../frame/schedule.js'

/** The Plans pallet's storage: kept apart so that the challenge logic can use it without the calls. */
export const plansStorage = {
  NextPlanId: value({ type: u64, default: 0n }),
  Plans: map({ hasher: 'Twox64Concat', key: u64, value: Plan }),
  Positions: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: Position }),
  /** Erasure plans: each position's slot root, once two encoders agreed on it. */
  Slots: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: SlotRoot }),
  /**
   * Erasure plans: the feed blocks and head their slots code, fixed when the plan's first encoders are drawn
   * (when a generation is added, for a generation), so that both code the same length, a re-encoding codes
   * the same blocks, and a repair with too few slots left can code the feed again to the same roots. Kept
   * when the plan ends: it says what the plan coded.
   */
  CodedHeads: map({ hasher: 'Twox64Concat', key: u64, value: CodedHead }),
  /** Erasure plans: the generations that code what their feed gained since (plans/growth.ts) → the block each was added. */
  Generations: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u64], value: u32 }),
  /** An erasure plan's newest generation: the next one starts where it ends. */
  LastGeneration: map({ hasher: 'Twox64Concat', key: u64, value: u64 }),
  /** A generation → the first plan of its family. */
  GenerationOf: map({ hasher: 'Twox64Concat', key: u64, value: u64 }),
  /** New plans waiting for their first providers (at most MAX_QUEUE), served by priority. */
  Queue: value({ type: seq(u64), default: [] }),
  /** Plans that lost positions, waiting for new providers: never refused, served before new plans, in turn. */
  Repairs: value({ type: seq(u64), default: [] }),
  /** Queued plans a draw came up short for: why, and when they are tried again. */
  Waiting: map({ hasher: 'Twox64Concat', key: u64, value: QueueWait }),
  NextAmendmentId: value({ type: u64, default: 0n }),
  Amendments: map({ hasher: 'Twox64Concat', key: u64, value: Amendment }),
  /** Amendments whose deadline is the block. */
  AmendmentDeadlines: idSchedule(),
  /** What each hoster holds: (plan, position) → the block it was assigned. A service rebuilds its duties from it. */
  HosterPositions: doubleMap({ hashers: ['Blake2_128Concat', 'Twox64Concat'], keys: [AccountId32, tuple(u64, u16)], value: u32 }),
  /**
   * Who holds each feed, for which (plan, position): one account holds one position per feed across all
   * plans, or it would store the feed once and be paid (and proven) for several copies. The generations of
   * one erasure plan code other blocks: an account may hold a slot of each; the record names one of them.
   */
  FeedHosters: doubleMap({ hashers: ['Twox64Concat', 'Blake2_128Concat'], keys: [u64, AccountId32], value: tuple(u64, u16) }),
  /** The plans of each feed (→ the block they were requested), so that a feed's growth reaches its hosters. */
  PlansByFeed: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u64], value: u32 }),
  /** Hosters a plan took a position from for failing (→ the block): not drawn for it again for a while. */
  StruckFrom: doubleMap({ hashers: ['Twox64Concat', 'Blake2_128Concat'], keys: [u64, AccountId32], value: u32 }),
  /** Ratio each supporter reserved for a plan. */
  Support: doubleMap({ hashers: ['Twox64Concat', 'Blake2_128Concat'], keys: [u64, AccountId32], value: u128 }),
  /** Blocks of its core a hoster in setup reported holding (its last report): it shows progress. */
  SetupFetched: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: u64 }),
  /** Positions whose hoster reported ready: the evidence of their setup so far. */
  SetupProgress: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: SetupProgress })
}

/** Most new plans waiting in the queue: requests beyond it are refused rather than growing every block's work. */
export const MAX_QUEUE = 1024

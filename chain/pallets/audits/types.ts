import { AccountId32, enumOf, seq, struct, u16, u32, u64 } from '../../types/ty.js'
import type { JsOf } from '../../types/ty.js'

/** An erasure plan whose slot roots are committed: who committed them, and its place in the dense index. */
export const EncodedPlan = struct('pallet_audits::EncodedPlan', {
  /** Its index in EncodedPlans (0..EncodedCount). */
  index: u32,
  /** The encoders whose agreeing roots the chain accepted: they answer for the encoding. */
  encoders: seq(AccountId32)
})
export type EncodedPlanValue = JsOf<typeof EncodedPlan>

/** An open audit of one stripe of an erasure plan. */
export const Audit = struct('pallet_audits::Audit', {
  plan: u64,
  stripe: u64,
  /** The positions asked for their shard (those active when it opened) and their hosters. */
  positions: seq(u16),
  hosters: seq(AccountId32),
  deadline: u32
})
export type AuditValue = JsOf<typeof Audit>

/** Why an audit failed an encoding (see verdict.ts). */
export const AuditFault = enumOf('pallet_audits::AuditFault', {
  /** Shards of different sizes, bad framing or padding, or a shard size the payloads do not give. */
  Malformed: null,
  /** A data shard does not carry the feed's signed proof of its block. */
  NotTheFeed: null,
  /** The data shards code a feed length that does not give the committed slot length. */
  WrongLength: null,
  /** A parity shard is not the Reed-Solomon code of the data shards. */
  ParityMismatch: null
})

import { doubleMap, map, value } from '../../frame/storage.js'
import { AccountId32, bytes, u16, u32, u64 } from '../../types/ty.js'
import { Audit, EncodedPlan } from './types.js'
import { idSchedule } from '../../frame/schedule.js'

export const auditsStorage = {
  /** Erasure plans with committed slot roots, by plan. */
  Encoded: map({ hasher: 'Twox64Concat', key: u64, value: EncodedPlan }),
  /** The same plans at dense indexes 0..EncodedCount, so that a block draws the plans it audits in O(1) each. */
  EncodedPlans: map({ hasher: 'Twox64Concat', key: u32, value: u64 }),
  EncodedCount: value({ type: u32, default: 0 }),
  NextAuditId: value({ type: u64, default: 0n }),
  Audits: map({ hasher: 'Twox64Concat', key: u64, value: Audit }),
  /** The open audit of a plan, if any (one at a time). */
  PlanAudit: map({ hasher: 'Twox64Concat', key: u64, value: u64 }),
  /** The shards given so far: (audit, position) → the slot block, as proved against the slot root. */
  Shards: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: bytes }),
  /** Audits whose deadline is the block. */
  Deadlines: idSchedule(),
  /** Open audits per hoster → deadline: a restarted hoster finds what it must answer. */
  HosterAudits: doubleMap({ hashers: ['Blake2_128Concat', 'Twox64Concat'], keys: [AccountId32, u64], value: u32 })
}

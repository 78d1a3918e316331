import { doubleMap, map, value } from '../../frame/storage.js'
import { AccountId32, u16, u32, u64 } from '../../types/ty.js'
import { CheckKind, PerformanceCheck, StorageChallenge } from './types.js'
import { idSchedule, schedule } from '../../frame/schedule.js'
import { activeStorage } from './active.js'

/** Blocks an expired challenge is remembered. */
export const LAPSE_MEMORY = 1000

export const challengesStorage = {
  NextId: value({ type: u64, default: 0n }),
  StorageChallenges: map({ hasher: 'Twox64Concat', key: u64, value: StorageChallenge }),
  PerformanceChecks: map({ hasher: 'Twox64Concat', key: u64, value: PerformanceCheck }),
  /** Open checks by deadline: (block, check) → its kind. Nothing says when a check will open: each block draws its own. */
  Closing: schedule(CheckKind),
  ...activeStorage,
  /** The open storage challenge of a position (one at a time: a position drawn while one is open is skipped). */
  OpenStorage: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: u64 }),
  /** The open performance check of a position. */
  OpenPerformance: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: u64 }),
  /** Storage challenges that expired unanswered, remembered for a while so a late proof is told so. */
  Lapsed: map({ hasher: 'Twox64Concat', key: u64, value: u32 }),
  /** The expired storage challenges by the block they expired at, forgotten LAPSE_MEMORY blocks later. */
  LapsedAt: idSchedule(),
  /** Open storage challenges per hoster, and open performance checks per attester: → deadline. */
  HosterChallenges: doubleMap({ hashers: ['Blake2_128Concat', 'Twox64Concat'], keys: [AccountId32, u64], value: u32 }),
  AttesterChecks: doubleMap({ hashers: ['Blake2_128Concat', 'Twox64Concat'], keys: [AccountId32, u64], value: u32 }),
  /** Performance checks whose block indexes are drawn at the block, from its seed (one block after they opened). */
  Sampling: idSchedule(),
  /** Each position's served latency in ms, smoothed over its checks (a quarter new, three quarters old). */
  Latency: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: u32 })
}

import { doubleMap, map, value } from '../../frame/storage.js'
import { AccountId32, seq, u16, u32, u64 } from '../../types/ty.js'
import { Due, NextChecks, PerformanceCheck, StorageChallenge } from './types.js'

/** Blocks an expired challenge is remembered. */
export const LAPSE_MEMORY = 1000

export const challengesStorage = {
  NextId: value({ type: u64, default: 0n }),
  StorageChallenges: map({ hasher: 'Twox64Concat', key: u64, value: StorageChallenge }),
  PerformanceChecks: map({ hasher: 'Twox64Concat', key: u64, value: PerformanceCheck }),
  /** Checks to open at a block: a block's work is the checks due in it, whatever the number of feeds. */
  Opening: map({ hasher: 'Twox64Concat', key: u32, value: seq(Due), default: [] }),
  /** Open checks whose deadline is the block. */
  Closing: map({ hasher: 'Twox64Concat', key: u32, value: seq(Due), default: [] }),
  Scheduled: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: NextChecks }),
  /** Open storage challenges per hoster, and open performance checks per attester: → deadline. */
  /** Storage challenges that expired unanswered, remembered for a while so a late proof is told so. */
  Lapsed: map({ hasher: 'Twox64Concat', key: u64, value: u32 }),
  LapsedAt: map({ hasher: 'Twox64Concat', key: u32, value: seq(u64), default: [] }),
  HosterChallenges: doubleMap({ hashers: ['Blake2_128Concat', 'Twox64Concat'], keys: [AccountId32, u64], value: u32 }),
  AttesterChecks: doubleMap({ hashers: ['Blake2_128Concat', 'Twox64Concat'], keys: [AccountId32, u64], value: u32 })
}

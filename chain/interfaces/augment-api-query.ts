// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/storage';

import type { ApiTypes, AugmentedQuery, QueryableStorageEntry } from '@polkadot/api-base/types';
import type { Bytes, Option, U8aFixed, Vec, bool, u128, u16, u32, u64 } from '@polkadot/types-codec';
import type { AnyNumber, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSystemAccountInfo, FrameSystemEventRecord, PalletAuditsAudit, PalletAuditsEncodedPlan, PalletChallengesCheckKind, PalletChallengesPerformanceCheck, PalletChallengesStorageChallenge, PalletFeedsFeed, PalletParamsParams, PalletPlansAmendment, PalletPlansCodedHead, PalletPlansPlan, PalletPlansPosition, PalletPlansQueueWait, PalletPlansSetupProgress, PalletPlansSlotRoot, PalletRolesProvider, PalletRolesRole, SpRuntimeDigest } from '@polkadot/types/lookup';
import type { Observable } from '@polkadot/types/types';

export type __AugmentedQuery<ApiType extends ApiTypes> = AugmentedQuery<ApiType, () => unknown>;
export type __QueryableStorageEntry<ApiType extends ApiTypes> = QueryableStorageEntry<ApiType>;

declare module '@polkadot/api-base/types/storage' {
  interface AugmentedQueries<ApiType extends ApiTypes> {
    audits: {
      audits: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletAuditsAudit>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      deadlines: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<bool>>, [u32, u64]> & QueryableStorageEntry<ApiType, [u32, u64]>;
      encoded: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletAuditsEncodedPlan>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      encodedCount: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      encodedPlans: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u32]> & QueryableStorageEntry<ApiType, [u32]>;
      hosterAudits: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [AccountId32, u64]> & QueryableStorageEntry<ApiType, [AccountId32, u64]>;
      nextAuditId: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      planAudit: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      shards: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<Bytes>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    challenges: {
      /**
       * How many positions are active (hosting), so open to checks.
       **/
      activeCount: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Where an active position is in ActivePositions.
       **/
      activeIndex: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      /**
       * Active positions (plan, position) at dense indexes 0..ActiveCount.
       **/
      activePositions: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<ITuple<[u64, u16]>>>, [u32]> & QueryableStorageEntry<ApiType, [u32]>;
      attesterChecks: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [AccountId32, u64]> & QueryableStorageEntry<ApiType, [AccountId32, u64]>;
      closing: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletChallengesCheckKind>>, [u32, u64]> & QueryableStorageEntry<ApiType, [u32, u64]>;
      hosterChallenges: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [AccountId32, u64]> & QueryableStorageEntry<ApiType, [AccountId32, u64]>;
      lapsed: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      lapsedAt: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<bool>>, [u32, u64]> & QueryableStorageEntry<ApiType, [u32, u64]>;
      latency: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      nextId: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      openPerformance: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      openStorage: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      performanceChecks: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletChallengesPerformanceCheck>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      sampling: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<bool>>, [u32, u64]> & QueryableStorageEntry<ApiType, [u32, u64]>;
      storageChallenges: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletChallengesStorageChallenge>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    feeds: {
      /**
       * Feed id by hypercore key.
       **/
      feedByKey: AugmentedQuery<ApiType, (arg: U8aFixed | string | Uint8Array) => Observable<Option<u64>>, [U8aFixed]> & QueryableStorageEntry<ApiType, [U8aFixed]>;
      feeds: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletFeedsFeed>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      nextFeedId: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    params: {
      /**
       * The parameters in force.
       **/
      current: AugmentedQuery<ApiType, () => Observable<PalletParamsParams>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    plans: {
      amendmentDeadlines: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<bool>>, [u32, u64]> & QueryableStorageEntry<ApiType, [u32, u64]>;
      amendments: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansAmendment>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      codedHeads: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansCodedHead>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      feedHosters: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<ITuple<[u64, u16]>>>, [u64, AccountId32]> & QueryableStorageEntry<ApiType, [u64, AccountId32]>;
      generationOf: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      generations: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [u64, u64]> & QueryableStorageEntry<ApiType, [u64, u64]>;
      hosterPositions: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: ITuple<[u64, u16]> | [u64 | AnyNumber | Uint8Array, u16 | AnyNumber | Uint8Array]) => Observable<Option<u32>>, [AccountId32, ITuple<[u64, u16]>]> & QueryableStorageEntry<ApiType, [AccountId32, ITuple<[u64, u16]>]>;
      lastGeneration: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      nextAmendmentId: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      nextPlanId: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      plans: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansPlan>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      plansByFeed: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [u64, u64]> & QueryableStorageEntry<ApiType, [u64, u64]>;
      positions: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansPosition>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      queue: AugmentedQuery<ApiType, () => Observable<Vec<u64>>, []> & QueryableStorageEntry<ApiType, []>;
      repairs: AugmentedQuery<ApiType, () => Observable<Vec<u64>>, []> & QueryableStorageEntry<ApiType, []>;
      setupFetched: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      setupProgress: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansSetupProgress>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      slots: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: u16 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansSlotRoot>>, [u64, u16]> & QueryableStorageEntry<ApiType, [u64, u16]>;
      struckFrom: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u32>>, [u64, AccountId32]> & QueryableStorageEntry<ApiType, [u64, AccountId32]>;
      support: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u128>>, [u64, AccountId32]> & QueryableStorageEntry<ApiType, [u64, AccountId32]>;
      waiting: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletPlansQueueWait>>, [u64]> & QueryableStorageEntry<ApiType, [u64]>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    randomness: {
      /**
       * ed25519 public key of the block author: the node's own key, never one from the chain spec outside --dev.
       **/
      authority: AugmentedQuery<ApiType, () => Observable<U8aFixed>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * R(n) = blake2_256(R(n-1) ++ author signature of block n).
       **/
      seed: AugmentedQuery<ApiType, () => Observable<H256>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    roles: {
      memberCount: AugmentedQuery<ApiType, (arg: PalletRolesRole | 'Hoster' | 'Encoder' | 'Attester' | number | Uint8Array) => Observable<u32>, [PalletRolesRole]> & QueryableStorageEntry<ApiType, [PalletRolesRole]>;
      memberIndex: AugmentedQuery<ApiType, (arg1: PalletRolesRole | 'Hoster' | 'Encoder' | 'Attester' | number | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u32>>, [PalletRolesRole, AccountId32]> & QueryableStorageEntry<ApiType, [PalletRolesRole, AccountId32]>;
      members: AugmentedQuery<ApiType, (arg1: PalletRolesRole | 'Hoster' | 'Encoder' | 'Attester' | number | Uint8Array, arg2: u32 | AnyNumber | Uint8Array) => Observable<Option<AccountId32>>, [PalletRolesRole, u32]> & QueryableStorageEntry<ApiType, [PalletRolesRole, u32]>;
      /**
       * The public IPv4 /24 network (its first three bytes) attesters last reached each hoster at; a plan's hosters are drawn from distinct networks where they are known.
       **/
      networks: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<U8aFixed>>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      /**
       * The account each noise key belongs to: one machine, one provider, so that accounts sharing a machine cannot pass for several hosters of a plan.
       **/
      noiseKeyOwner: AugmentedQuery<ApiType, (arg: U8aFixed | string | Uint8Array) => Observable<Option<AccountId32>>, [U8aFixed]> & QueryableStorageEntry<ApiType, [U8aFixed]>;
      /**
       * Every registered provider.
       **/
      providers: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<PalletRolesProvider>>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      /**
       * Counts the changes that may let a waiting plan be served now: a provider registered, offered more capacity, resumed, or had capacity released.
       **/
      supply: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    sudo: {
      /**
       * The account whose calls through `sudo` have the root origin.
       **/
      key: AugmentedQuery<ApiType, () => Observable<Option<AccountId32>>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    system: {
      /**
       * Nonce and ratio of every account.
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<FrameSystemAccountInfo>, [AccountId32]> & QueryableStorageEntry<ApiType, [AccountId32]>;
      /**
       * Hashes of the recent blocks, by number (the last `BlockHashCount`).
       **/
      blockHash: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<H256>, [u32]> & QueryableStorageEntry<ApiType, [u32]>;
      digest: AugmentedQuery<ApiType, () => Observable<SpRuntimeDigest>, []> & QueryableStorageEntry<ApiType, []>;
      eventCount: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * The events of the last block.
       **/
      events: AugmentedQuery<ApiType, () => Observable<Vec<FrameSystemEventRecord>>, []> & QueryableStorageEntry<ApiType, []>;
      extrinsicCount: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * The number of the block being built or last built.
       **/
      number: AugmentedQuery<ApiType, () => Observable<u32>, []> & QueryableStorageEntry<ApiType, []>;
      parentHash: AugmentedQuery<ApiType, () => Observable<H256>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
    timestamp: {
      /**
       * Unix time in milliseconds of the current block.
       **/
      now: AugmentedQuery<ApiType, () => Observable<u64>, []> & QueryableStorageEntry<ApiType, []>;
      /**
       * Generic query
       **/
      [key: string]: QueryableStorageEntry<ApiType>;
    };
  } // AugmentedQueries
} // declare module

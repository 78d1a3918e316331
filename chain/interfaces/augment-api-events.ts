// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/events';

import type { ApiTypes, AugmentedEvent } from '@polkadot/api-base/types';
import type { Null, Result, U8aFixed, Vec, u128, u16, u32, u64 } from '@polkadot/types-codec';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportDispatchDispatchInfo, PalletAuditsAuditFault, PalletChallengesVerdict, PalletParamsParams, PalletPlansMode, PalletPlansWaitReason, PalletRatioReason, PalletRolesRole, SpRuntimeDispatchError } from '@polkadot/types/lookup';

export type __AugmentedEvent<ApiType extends ApiTypes> = AugmentedEvent<ApiType>;

declare module '@polkadot/api-base/types/events' {
  interface AugmentedEvents<ApiType extends ApiTypes> {
    audits: {
      AuditInconclusive: AugmentedEvent<ApiType, [audit: u64, plan: u64, stripe: u64], { audit: u64, plan: u64, stripe: u64 }>;
      AuditOpened: AugmentedEvent<ApiType, [audit: u64, plan: u64, stripe: u64, positions: Vec<u16>, hosters: Vec<AccountId32>, deadline: u32], { audit: u64, plan: u64, stripe: u64, positions: Vec<u16>, hosters: Vec<AccountId32>, deadline: u32 }>;
      AuditPassed: AugmentedEvent<ApiType, [audit: u64, plan: u64, stripe: u64], { audit: u64, plan: u64, stripe: u64 }>;
      AuditUnanswered: AugmentedEvent<ApiType, [audit: u64, plan: u64, position: u16, hoster: AccountId32], { audit: u64, plan: u64, position: u16, hoster: AccountId32 }>;
      EncodingFailed: AugmentedEvent<ApiType, [audit: u64, plan: u64, stripe: u64, encoders: Vec<AccountId32>, fault: PalletAuditsAuditFault], { audit: u64, plan: u64, stripe: u64, encoders: Vec<AccountId32>, fault: PalletAuditsAuditFault }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    challenges: {
      PerformanceCheck: AugmentedEvent<ApiType, [id: u64, plan: u64, position: u16, hoster: AccountId32, attesters: Vec<AccountId32>, deadline: u32], { id: u64, plan: u64, position: u16, hoster: AccountId32, attesters: Vec<AccountId32>, deadline: u32 }>;
      PerformanceReported: AugmentedEvent<ApiType, [id: u64, attester: AccountId32], { id: u64, attester: AccountId32 }>;
      PerformanceResult: AugmentedEvent<ApiType, [id: u64, plan: u64, position: u16, hoster: AccountId32, verdict: PalletChallengesVerdict, latencyMs: u32, throughput: u64, network: u32], { id: u64, plan: u64, position: u16, hoster: AccountId32, verdict: PalletChallengesVerdict, latencyMs: u32, throughput: u64, network: u32 }>;
      PerformanceSamples: AugmentedEvent<ApiType, [id: u64, indexes: Vec<u64>], { id: u64, indexes: Vec<u64> }>;
      StorageChallenge: AugmentedEvent<ApiType, [id: u64, plan: u64, position: u16, hoster: AccountId32, indexes: Vec<u64>, rootLength: u64, deadline: u32], { id: u64, plan: u64, position: u16, hoster: AccountId32, indexes: Vec<u64>, rootLength: u64, deadline: u32 }>;
      StorageProofAccepted: AugmentedEvent<ApiType, [id: u64, plan: u64, position: u16, hoster: AccountId32, paid: u128], { id: u64, plan: u64, position: u16, hoster: AccountId32, paid: u128 }>;
      StorageProofFailed: AugmentedEvent<ApiType, [id: u64, plan: u64, position: u16, hoster: AccountId32], { id: u64, plan: u64, position: u16, hoster: AccountId32 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    feeds: {
      FeedPublished: AugmentedEvent<ApiType, [feed: u64, key: U8aFixed, publisher: AccountId32, blocks: u64, byteLength: u64], { feed: u64, key: U8aFixed, publisher: AccountId32, blocks: u64, byteLength: u64 }>;
      FeedUpdated: AugmentedEvent<ApiType, [feed: u64, blocks: u64, byteLength: u64], { feed: u64, blocks: u64, byteLength: u64 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    params: {
      ParamsChanged: AugmentedEvent<ApiType, [params: PalletParamsParams], { params: PalletParamsParams }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    plans: {
      DataLost: AugmentedEvent<ApiType, [plan: u64], { plan: u64 }>;
      EncodingAccepted: AugmentedEvent<ApiType, [amendment: u64, plan: u64], { amendment: u64, plan: u64 }>;
      EncodingDisputed: AugmentedEvent<ApiType, [amendment: u64, plan: u64], { amendment: u64, plan: u64 }>;
      EncodingProposed: AugmentedEvent<ApiType, [amendment: u64, plan: u64, encoder: AccountId32], { amendment: u64, plan: u64, encoder: AccountId32 }>;
      GenerationAdded: AugmentedEvent<ApiType, [plan: u64, generation: u64, start: u64, end: u64], { plan: u64, generation: u64, start: u64, end: u64 }>;
      HostingReady: AugmentedEvent<ApiType, [amendment: u64, plan: u64, position: u16, hoster: AccountId32], { amendment: u64, plan: u64, position: u16, hoster: AccountId32 }>;
      HostingRequested: AugmentedEvent<ApiType, [plan: u64, feed: u64, sponsor: AccountId32, mode: PalletPlansMode], { plan: u64, feed: u64, sponsor: AccountId32, mode: PalletPlansMode }>;
      HostingStarted: AugmentedEvent<ApiType, [plan: u64, position: u16, hoster: AccountId32], { plan: u64, position: u16, hoster: AccountId32 }>;
      NewAmendment: AugmentedEvent<ApiType, [id: u64, plan: u64, positions: Vec<u16>, hosters: Vec<AccountId32>, encoders: Vec<AccountId32>, attesters: Vec<AccountId32>, deadline: u32], { id: u64, plan: u64, positions: Vec<u16>, hosters: Vec<AccountId32>, encoders: Vec<AccountId32>, attesters: Vec<AccountId32>, deadline: u32 }>;
      PlanEnded: AugmentedEvent<ApiType, [plan: u64], { plan: u64 }>;
      PlanSupported: AugmentedEvent<ApiType, [plan: u64, supporter: AccountId32, amount: u128], { plan: u64, supporter: AccountId32, amount: u128 }>;
      PlanWaiting: AugmentedEvent<ApiType, [plan: u64, reason: PalletPlansWaitReason], { plan: u64, reason: PalletPlansWaitReason }>;
      PositionFreed: AugmentedEvent<ApiType, [plan: u64, position: u16, hoster: AccountId32], { plan: u64, position: u16, hoster: AccountId32 }>;
      RepairServed: AugmentedEvent<ApiType, [amendment: u64, plan: u64, encoder: AccountId32], { amendment: u64, plan: u64, encoder: AccountId32 }>;
      SetupFailed: AugmentedEvent<ApiType, [amendment: u64, plan: u64, position: u16, hoster: AccountId32], { amendment: u64, plan: u64, position: u16, hoster: AccountId32 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    ratio: {
      Paid: AugmentedEvent<ApiType, [payer: AccountId32, payee: AccountId32, amount: u128, reason: PalletRatioReason, plan: u64], { payer: AccountId32, payee: AccountId32, amount: u128, reason: PalletRatioReason, plan: u64 }>;
      Rewarded: AugmentedEvent<ApiType, [who: AccountId32, amount: u128, reason: PalletRatioReason], { who: AccountId32, amount: u128, reason: PalletRatioReason }>;
      Transferred: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128], { from: AccountId32, to: AccountId32, amount: u128 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    roles: {
      CapacityChanged: AugmentedEvent<ApiType, [who: AccountId32, capacity: u64], { who: AccountId32, capacity: u64 }>;
      Paused: AugmentedEvent<ApiType, [who: AccountId32, until: u32], { who: AccountId32, until: u32 }>;
      Registered: AugmentedEvent<ApiType, [who: AccountId32, role: PalletRolesRole, noiseKey: U8aFixed], { who: AccountId32, role: PalletRolesRole, noiseKey: U8aFixed }>;
      Reinstated: AugmentedEvent<ApiType, [who: AccountId32], { who: AccountId32 }>;
      Suspended: AugmentedEvent<ApiType, [who: AccountId32, strikes: u32], { who: AccountId32, strikes: u32 }>;
      Unregistered: AugmentedEvent<ApiType, [who: AccountId32, role: PalletRolesRole], { who: AccountId32, role: PalletRolesRole }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    sudo: {
      Sudid: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    system: {
      ExtrinsicFailed: AugmentedEvent<ApiType, [dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSupportDispatchDispatchInfo], { dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSupportDispatchDispatchInfo }>;
      ExtrinsicSuccess: AugmentedEvent<ApiType, [dispatchInfo: FrameSupportDispatchDispatchInfo], { dispatchInfo: FrameSupportDispatchDispatchInfo }>;
      NewAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      Remarked: AugmentedEvent<ApiType, [sender: AccountId32, hash_: H256], { sender: AccountId32, hash_: H256 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
    transactionPayment: {
      TransactionFeePaid: AugmentedEvent<ApiType, [who: AccountId32, actualFee: u128, tip: u128], { who: AccountId32, actualFee: u128, tip: u128 }>;
      /**
       * Generic event
       **/
      [key: string]: AugmentedEvent<ApiType>;
    };
  } // AugmentedEvents
} // declare module

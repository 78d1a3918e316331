// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/submittable';

import type { ApiTypes, AugmentedSubmittable, SubmittableExtrinsic, SubmittableExtrinsicFunction } from '@polkadot/api-base/types';
import type { Bytes, Option, Struct, U8aFixed, Vec, bool, u128, u16, u32, u64 } from '@polkadot/types-codec';
import type { AnyNumber, IMethod } from '@polkadot/types-codec/types';
import type { AccountId32, Call } from '@polkadot/types/interfaces/runtime';
import type { PalletChallengesReceipt, PalletParamsParams, PalletPlansMode, PalletPlansSlotRoot, PalletRolesRole } from '@polkadot/types/lookup';

export type __AugmentedSubmittable = AugmentedSubmittable<() => unknown>;
export type __SubmittableExtrinsic<ApiType extends ApiTypes> = SubmittableExtrinsic<ApiType>;
export type __SubmittableExtrinsicFunction<ApiType extends ApiTypes> = SubmittableExtrinsicFunction<ApiType>;

declare module '@polkadot/api-base/types/submittable' {
  interface AugmentedSubmittables<ApiType extends ApiTypes> {
    audits: {
      /**
       * A hoster answers an encoding audit: its slot's block at the audited stripe, with its hypercore merkle proof against the committed slot root.
       **/
      submitAuditShard: AugmentedSubmittable<(audit: u64 | AnyNumber | Uint8Array, position: u16 | AnyNumber | Uint8Array, proof: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, u16, Bytes]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    challenges: {
      /**
       * An attester reports on a performance check: whether the hoster served the sampled blocks (with the hoster's signed receipt for them), its latency and throughput, and the /24 network it reached the hoster at.
       **/
      submitPerformanceReport: AugmentedSubmittable<(check: u64 | AnyNumber | Uint8Array, success: bool | boolean | Uint8Array, latencyMs: u32 | AnyNumber | Uint8Array, throughput: u64 | AnyNumber | Uint8Array, network: u32 | AnyNumber | Uint8Array, receipt: Option<PalletChallengesReceipt> | null | Uint8Array | PalletChallengesReceipt | { indexes?: any; hashes?: any; proofs?: any; signature?: any } | string) => SubmittableExtrinsic<ApiType>, [u64, bool, u32, u64, u32, Option<PalletChallengesReceipt>]>;
      /**
       * Answers a storage challenge: for each challenged index, the block and its hypercore merkle proof.
       **/
      submitStorageProof: AugmentedSubmittable<(challenge: u64 | AnyNumber | Uint8Array, proofs: Vec<Bytes> | (Bytes | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [u64, Vec<Bytes>]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    feeds: {
      /**
       * Records a hypercore and its signed head (a roots proof made with hypercore's proof API).
       **/
      publishFeed: AugmentedSubmittable<(key: U8aFixed | string | Uint8Array, manifest: Bytes | string | Uint8Array, head: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [U8aFixed, Bytes, Bytes]>;
      /**
       * Records a newer signed head of a feed; anyone may submit it.
       **/
      updateFeed: AugmentedSubmittable<(feed: u64 | AnyNumber | Uint8Array, head: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, Bytes]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    params: {
      /**
       * Sets every parameter (root only, through sudo).
       **/
      setParams: AugmentedSubmittable<(params: PalletParamsParams | { challengePeriod?: any; samples?: any; responseWindow?: any; maxStrikes?: any; performancePeriod?: any; attestersPerCheck?: any; amendmentDeadline?: any; setupThroughput?: any; ratioPerMibBlock?: any; attesterReward?: any; encoderReward?: any; maxAmendmentsPerBlock?: any; auditPeriod?: any; followWindow?: any; notServedQuorum?: any; attesterReputationFloor?: any; probation?: any; strikeDecay?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletParamsParams]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    plans: {
      /**
       * A hoster reports its copy of the position complete; the chain then asks it for a storage proof and has attesters check that it serves.
       **/
      hostingReady: AugmentedSubmittable<(amendment: u64 | AnyNumber | Uint8Array, position: u16 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, u16]>;
      /**
       * The encoder of an erasure repair reports the rebuilt slots served, for the new hosters to fetch (they then have amendmentDeadline blocks).
       **/
      repairServed: AugmentedSubmittable<(amendment: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * The encoder of an erasure repair reports that it could fetch neither k slots nor the feed; accepted only while the chain sees fewer than k slots held.
       **/
      reportDataLost: AugmentedSubmittable<(amendment: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * A hoster setting a position up reports how many blocks it holds so far: one that shows progress is not struck for missing the deadline.
       **/
      reportProgress: AugmentedSubmittable<(amendment: u64 | AnyNumber | Uint8Array, position: u16 | AnyNumber | Uint8Array, blocks: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, u16, u64]>;
      /**
       * Asks the network to host a feed: Replicate { replicas } or Erasure { k, m }, optionally only block ranges.
       **/
      requestHosting: AugmentedSubmittable<(feed: u64 | AnyNumber | Uint8Array, mode: PalletPlansMode | { Replicate: any } | { Erasure: any } | string | Uint8Array, ranges: Option<Vec<{
    readonly start: u64;
    readonly end: u64;
  } & Struct>> | null | Uint8Array | Vec<{
    readonly start: u64;
    readonly end: u64;
  } & Struct>) => SubmittableExtrinsic<ApiType>, [u64, PalletPlansMode, Option<Vec<{
    readonly start: u64;
    readonly end: u64;
  } & Struct>>]>;
      /**
       * An encoder submits the slot roots of an erasure plan; two agreeing encoders fix them.
       **/
      submitEncoding: AugmentedSubmittable<(amendment: u64 | AnyNumber | Uint8Array, slots: Vec<PalletPlansSlotRoot> | (PalletPlansSlotRoot | { length?: any; byteLength?: any; treeHash?: any } | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [u64, Vec<PalletPlansSlotRoot>]>;
      /**
       * Reserves ratio to back a plan's priority in the queue; it is returned when the plan ends.
       **/
      support: AugmentedSubmittable<(plan: u64 | AnyNumber | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, u128]>;
      /**
       * Ends a plan: hosters are released and backing returned.
       **/
      unpublish: AugmentedSubmittable<(plan: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    ratio: {
      /**
       * Transfers ratio to another account.
       **/
      transferRatio: AugmentedSubmittable<(to: AccountId32 | string | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32, u128]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    roles: {
      /**
       * Takes no new work until block `until` (0 resumes at once).
       **/
      pause: AugmentedSubmittable<(until: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Registers the account as an attester.
       **/
      registerAttester: AugmentedSubmittable<(noiseKey: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [U8aFixed]>;
      /**
       * Registers the account as an encoder.
       **/
      registerEncoder: AugmentedSubmittable<(noiseKey: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [U8aFixed]>;
      /**
       * Registers the account as a hoster offering `capacity` bytes, or changes its capacity.
       **/
      registerHoster: AugmentedSubmittable<(noiseKey: U8aFixed | string | Uint8Array, capacity: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [U8aFixed, u64]>;
      /**
       * Gives up a role.
       **/
      unregister: AugmentedSubmittable<(role: PalletRolesRole | 'Hoster' | 'Encoder' | 'Attester' | number | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletRolesRole]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    sudo: {
      /**
       * Dispatches a call with the root origin.
       **/
      sudo: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
    system: {
      /**
       * Makes a remark; it changes nothing but the nonce.
       **/
      remark: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Makes a remark and emits `Remarked` with its hash.
       **/
      remarkWithEvent: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Generic tx
       **/
      [key: string]: SubmittableExtrinsicFunction<ApiType>;
    };
  } // AugmentedSubmittables
} // declare module

// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/errors';

import type { ApiTypes, AugmentedError } from '@polkadot/api-base/types';

export type __AugmentedError<ApiType extends ApiTypes> = AugmentedError<ApiType>;

declare module '@polkadot/api-base/types/errors' {
  interface AugmentedErrors<ApiType extends ApiTypes> {
    audits: {
      /**
       * This position has already given its shard for the audit.
       **/
      AlreadyAnswered: AugmentedError<ApiType>;
      /**
       * No open audit with this id (it may have closed at its deadline).
       **/
      AuditNotFound: AugmentedError<ApiType>;
      /**
       * The account is not the hoster this audit asks for this position.
       **/
      NotAudited: AugmentedError<ApiType>;
      /**
       * The proof does not verify: the block, its merkle path or its index does not match the committed slot root.
       **/
      ProofInvalid: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    challenges: {
      /**
       * The attester has already reported on this check.
       **/
      AlreadyReported: AugmentedError<ApiType>;
      /**
       * The challenge's deadline has passed: it counted as failed.
       **/
      ChallengeExpired: AugmentedError<ApiType>;
      /**
       * No open challenge with this id.
       **/
      ChallengeNotFound: AugmentedError<ApiType>;
      /**
       * The account is not an attester of this check.
       **/
      NotAttester: AugmentedError<ApiType>;
      /**
       * The challenge is addressed to another hoster.
       **/
      NotChallenged: AugmentedError<ApiType>;
      /**
       * A proof does not verify: the block, its merkle path or its index does not match the committed root.
       **/
      ProofInvalid: AugmentedError<ApiType>;
      /**
       * A receipt's block hash does not lead to the check's committed root with its sibling path.
       **/
      ReceiptHashInvalid: AugmentedError<ApiType>;
      /**
       * A served report needs the hoster's signed receipt for the sampled blocks.
       **/
      ReceiptMissing: AugmentedError<ApiType>;
      /**
       * The receipt is not signed by the hoster's registered noise key for this check and attester.
       **/
      ReceiptSignatureInvalid: AugmentedError<ApiType>;
      /**
       * The receipt is not for the blocks the check sampled (one hash and one proof per sampled index, in order).
       **/
      ReceiptWrongIndexes: AugmentedError<ApiType>;
      /**
       * The check's blocks are drawn in the block after it opened: report after PerformanceSamples.
       **/
      SamplesPending: AugmentedError<ApiType>;
      /**
       * Give exactly one proof per challenged index, in the order of the indexes.
       **/
      WrongProofCount: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    feeds: {
      /**
       * A feed must have at least one block.
       **/
      EmptyFeed: AugmentedError<ApiType>;
      /**
       * This hypercore is already published; use its feed id.
       **/
      FeedExists: AugmentedError<ApiType>;
      /**
       * No feed with this id.
       **/
      FeedNotFound: AugmentedError<ApiType>;
      /**
       * The manifest does not belong to the feed key.
       **/
      InvalidManifest: AugmentedError<ApiType>;
      /**
       * The root is not signed by the feed key: forged, or of another hypercore.
       **/
      InvalidRootSignature: AugmentedError<ApiType>;
      /**
       * The head is not a hypercore roots proof (an upgrade from block 0 with every full root and the signature).
       **/
      MalformedRoot: AugmentedError<ApiType>;
      /**
       * The root is not newer than the one on chain: its length must be greater.
       **/
      StaleRoot: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    params: {
      /**
       * A parameter is out of range: periods, windows, samples and counts must be at least 1.
       **/
      InvalidParams: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    plans: {
      /**
       * The position was reported ready already; its setup checks are under way.
       **/
      AlreadyReady: AugmentedError<ApiType>;
      /**
       * No open amendment with this id (it may have passed its deadline).
       **/
      AmendmentNotFound: AugmentedError<ApiType>;
      /**
       * The encoding of this amendment was accepted already.
       **/
      EncodingDone: AugmentedError<ApiType>;
      /**
       * The erasure slots are not agreed on yet: wait for EncodingAccepted.
       **/
      EncodingPending: AugmentedError<ApiType>;
      /**
       * An erasure plan codes the whole feed, and follows its growth: ranges are for Replicate plans.
       **/
      ErasureRanges: AugmentedError<ApiType>;
      /**
       * No feed with this id.
       **/
      FeedNotFound: AugmentedError<ApiType>;
      /**
       * The account has less ratio than the amount.
       **/
      InsufficientRatio: AugmentedError<ApiType>;
      /**
       * Replicate takes 1 to 32 replicas; Erasure takes 1 ≤ k ≤ 24 and 1 ≤ m ≤ 6.
       **/
      InvalidMode: AugmentedError<ApiType>;
      /**
       * Ranges must be non-empty, ordered, non-overlapping block ranges [start, end) within the feed.
       **/
      InvalidRanges: AugmentedError<ApiType>;
      /**
       * The plan is a generation of an erasure plan: it ends with that plan (unpublish the first plan).
       **/
      IsGeneration: AugmentedError<ApiType>;
      /**
       * A progress report must name more blocks than the last one.
       **/
      NoProgress: AugmentedError<ApiType>;
      /**
       * The amendment is not a repair of an erasure plan whose slots are agreed on.
       **/
      NotARepair: AugmentedError<ApiType>;
      /**
       * The account is not assigned to this amendment and position.
       **/
      NotAssigned: AugmentedError<ApiType>;
      /**
       * The position is not being set up by this amendment.
       **/
      NotInSetup: AugmentedError<ApiType>;
      /**
       * Only the plan's sponsor may do this.
       **/
      NotSponsor: AugmentedError<ApiType>;
      /**
       * The plan has ended.
       **/
      PlanEnded: AugmentedError<ApiType>;
      /**
       * No plan with this id.
       **/
      PlanNotFound: AugmentedError<ApiType>;
      /**
       * Too many plans wait for providers; try again later.
       **/
      QueueFull: AugmentedError<ApiType>;
      /**
       * At least k of the plan's slots are still held: rebuild from them.
       **/
      SlotsRemain: AugmentedError<ApiType>;
      /**
       * The slots of an encoding all hold the same number of blocks (one per stripe), at least one.
       **/
      UnevenSlots: AugmentedError<ApiType>;
      /**
       * An encoding gives exactly one slot root per position (k + m).
       **/
      WrongSlotCount: AugmentedError<ApiType>;
      /**
       * A slot holds one block per stripe of the blocks the plan codes: ceil(blocks / k).
       **/
      WrongSlotLength: AugmentedError<ApiType>;
      /**
       * The amount must be more than zero.
       **/
      ZeroAmount: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    randomness: {
      /**
       * The block author did not sign the randomness of this block.
       **/
      BadRandomnessSignature: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    ratio: {
      /**
       * The receiving account does not exist yet: the transfer must give it at least the existential deposit.
       **/
      ExistentialDeposit: AugmentedError<ApiType>;
      /**
       * The account has less ratio than the amount.
       **/
      InsufficientRatio: AugmentedError<ApiType>;
      /**
       * An account cannot transfer ratio to itself.
       **/
      SelfTransfer: AugmentedError<ApiType>;
      /**
       * The amount must be more than zero.
       **/
      ZeroAmount: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    roles: {
      /**
       * The new capacity is below the bytes the hoster already holds for plans.
       **/
      CapacityBelowCommitted: AugmentedError<ApiType>;
      /**
       * The hoster has not enough free capacity.
       **/
      InsufficientCapacity: AugmentedError<ApiType>;
      /**
       * Pause until a future block, or 0 to resume.
       **/
      InvalidPause: AugmentedError<ApiType>;
      /**
       * The account is registered with another noise key; one service runs all roles of an account with one key.
       **/
      NoiseKeyMismatch: AugmentedError<ApiType>;
      /**
       * Another account is registered with this noise key; a noise key belongs to one provider until it gives up its last role.
       **/
      NoiseKeyTaken: AugmentedError<ApiType>;
      /**
       * The account is not registered for this role.
       **/
      NotRegistered: AugmentedError<ApiType>;
      /**
       * The hoster still holds data for plans; pause it and wait until its positions are handed over, or unpublish them.
       **/
      StillHosting: AugmentedError<ApiType>;
      /**
       * A hoster must offer more than zero bytes.
       **/
      ZeroCapacity: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    sudo: {
      /**
       * Only the sudo key may make this call.
       **/
      RequireSudo: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    system: {
      /**
       * The origin filter prevents this call.
       **/
      CallFiltered: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
    timestamp: {
      /**
       * A block may not have an earlier timestamp than its parent.
       **/
      TimeWentBackwards: AugmentedError<ApiType>;
      /**
       * Generic error
       **/
      [key: string]: AugmentedError<ApiType>;
    };
  } // AugmentedErrors
} // declare module

// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/lookup';

import type { Bytes, Compact, Enum, Null, Option, Result, Struct, U8aFixed, Vec, bool, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { AccountId32, Call, H256 } from '@polkadot/types/interfaces/runtime';
import type { Event } from '@polkadot/types/interfaces/system';

declare module '@polkadot/types/lookup' {
  /** @name FrameSystemAccountInfo (0) */
  interface FrameSystemAccountInfo extends Struct {
    readonly nonce: u32;
    readonly consumers: u32;
    readonly providers: u32;
    readonly sufficients: u32;
    readonly data: PalletBalancesAccountData;
  }

  /** @name PalletBalancesAccountData (2) */
  interface PalletBalancesAccountData extends Struct {
    readonly free: u128;
    readonly reserved: u128;
    readonly frozen: u128;
    readonly flags: u128;
  }

  /** @name SpRuntimeDigest (8) */
  interface SpRuntimeDigest extends Struct {
    readonly logs: Vec<SpRuntimeDigestDigestItem>;
  }

  /** @name SpRuntimeDigestDigestItem (9) */
  interface SpRuntimeDigestDigestItem extends Enum {
    readonly isOther: boolean;
    readonly asOther: Bytes;
    readonly isConsensus: boolean;
    readonly asConsensus: {
      readonly engine: U8aFixed;
      readonly data: Bytes;
    } & Struct;
    readonly isSeal: boolean;
    readonly asSeal: {
      readonly engine: U8aFixed;
      readonly data: Bytes;
    } & Struct;
    readonly isPreRuntime: boolean;
    readonly asPreRuntime: {
      readonly engine: U8aFixed;
      readonly data: Bytes;
    } & Struct;
    readonly isRuntimeEnvironmentUpdated: boolean;
    readonly type: 'Other' | 'Consensus' | 'Seal' | 'PreRuntime' | 'RuntimeEnvironmentUpdated';
  }

  /** @name FrameSystemEventRecord (14) */
  interface FrameSystemEventRecord extends Struct {
    readonly phase: FrameSystemPhase;
    readonly event: Event;
    readonly topics: Vec<H256>;
  }

  /** @name FrameSystemPhase (15) */
  interface FrameSystemPhase extends Enum {
    readonly isApplyExtrinsic: boolean;
    readonly asApplyExtrinsic: u32;
    readonly isFinalization: boolean;
    readonly isInitialization: boolean;
    readonly type: 'ApplyExtrinsic' | 'Finalization' | 'Initialization';
  }

  /** @name FrameSystemCall (18) */
  interface FrameSystemCall extends Enum {
    readonly isRemark: boolean;
    readonly asRemark: {
      readonly remark: Bytes;
    } & Struct;
    readonly isRemarkWithEvent: boolean;
    readonly asRemarkWithEvent: {
      readonly remark: Bytes;
    } & Struct;
    readonly type: 'Remark' | 'RemarkWithEvent';
  }

  /** @name FrameSystemEvent (19) */
  interface FrameSystemEvent extends Enum {
    readonly isExtrinsicSuccess: boolean;
    readonly asExtrinsicSuccess: {
      readonly dispatchInfo: FrameSupportDispatchDispatchInfo;
    } & Struct;
    readonly isExtrinsicFailed: boolean;
    readonly asExtrinsicFailed: {
      readonly dispatchError: SpRuntimeDispatchError;
      readonly dispatchInfo: FrameSupportDispatchDispatchInfo;
    } & Struct;
    readonly isNewAccount: boolean;
    readonly asNewAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isRemarked: boolean;
    readonly asRemarked: {
      readonly sender: AccountId32;
      readonly hash_: H256;
    } & Struct;
    readonly type: 'ExtrinsicSuccess' | 'ExtrinsicFailed' | 'NewAccount' | 'Remarked';
  }

  /** @name FrameSupportDispatchDispatchInfo (20) */
  interface FrameSupportDispatchDispatchInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly paysFee: FrameSupportDispatchPays;
  }

  /** @name SpWeightsWeightV2Weight (21) */
  interface SpWeightsWeightV2Weight extends Struct {
    readonly refTime: Compact<u64>;
    readonly proofSize: Compact<u64>;
  }

  /** @name FrameSupportDispatchDispatchClass (24) */
  interface FrameSupportDispatchDispatchClass extends Enum {
    readonly isNormal: boolean;
    readonly isOperational: boolean;
    readonly isMandatory: boolean;
    readonly type: 'Normal' | 'Operational' | 'Mandatory';
  }

  /** @name FrameSupportDispatchPays (25) */
  interface FrameSupportDispatchPays extends Enum {
    readonly isYes: boolean;
    readonly isNo: boolean;
    readonly type: 'Yes' | 'No';
  }

  /** @name SpRuntimeDispatchError (26) */
  interface SpRuntimeDispatchError extends Enum {
    readonly isOther: boolean;
    readonly isCannotLookup: boolean;
    readonly isBadOrigin: boolean;
    readonly isModule: boolean;
    readonly asModule: SpRuntimeModuleError;
    readonly isConsumerRemaining: boolean;
    readonly isNoProviders: boolean;
    readonly isTooManyConsumers: boolean;
    readonly isToken: boolean;
    readonly asToken: SpRuntimeTokenError;
    readonly isArithmetic: boolean;
    readonly asArithmetic: SpArithmeticArithmeticError;
    readonly isTransactional: boolean;
    readonly asTransactional: SpRuntimeTransactionalError;
    readonly isExhausted: boolean;
    readonly isCorruption: boolean;
    readonly isUnavailable: boolean;
    readonly isRootNotAllowed: boolean;
    readonly type: 'Other' | 'CannotLookup' | 'BadOrigin' | 'Module' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Token' | 'Arithmetic' | 'Transactional' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed';
  }

  /** @name SpRuntimeModuleError (27) */
  interface SpRuntimeModuleError extends Struct {
    readonly index: u8;
    readonly error: U8aFixed;
  }

  /** @name SpRuntimeTokenError (28) */
  interface SpRuntimeTokenError extends Enum {
    readonly isFundsUnavailable: boolean;
    readonly isOnlyProvider: boolean;
    readonly isBelowMinimum: boolean;
    readonly isCannotCreate: boolean;
    readonly isUnknownAsset: boolean;
    readonly isFrozen: boolean;
    readonly isUnsupported: boolean;
    readonly type: 'FundsUnavailable' | 'OnlyProvider' | 'BelowMinimum' | 'CannotCreate' | 'UnknownAsset' | 'Frozen' | 'Unsupported';
  }

  /** @name SpArithmeticArithmeticError (29) */
  interface SpArithmeticArithmeticError extends Enum {
    readonly isUnderflow: boolean;
    readonly isOverflow: boolean;
    readonly isDivisionByZero: boolean;
    readonly type: 'Underflow' | 'Overflow' | 'DivisionByZero';
  }

  /** @name SpRuntimeTransactionalError (30) */
  interface SpRuntimeTransactionalError extends Enum {
    readonly isLimitReached: boolean;
    readonly isNoLayer: boolean;
    readonly type: 'LimitReached' | 'NoLayer';
  }

  /** @name FrameSystemError (32) */
  interface FrameSystemError extends Enum {
    readonly isCallFiltered: boolean;
    readonly type: 'CallFiltered';
  }

  /** @name PalletTimestampError (33) */
  interface PalletTimestampError extends Enum {
    readonly isTimeWentBackwards: boolean;
    readonly type: 'TimeWentBackwards';
  }

  /** @name PalletRandomnessError (34) */
  interface PalletRandomnessError extends Enum {
    readonly isBadRandomnessSignature: boolean;
    readonly type: 'BadRandomnessSignature';
  }

  /** @name PalletSudoCall (35) */
  interface PalletSudoCall extends Enum {
    readonly isSudo: boolean;
    readonly asSudo: {
      readonly call: Call;
    } & Struct;
    readonly type: 'Sudo';
  }

  /** @name PalletSudoEvent (37) */
  interface PalletSudoEvent extends Enum {
    readonly isSudid: boolean;
    readonly asSudid: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'Sudid';
  }

  /** @name PalletSudoError (40) */
  interface PalletSudoError extends Enum {
    readonly isRequireSudo: boolean;
    readonly type: 'RequireSudo';
  }

  /** @name PalletTransactionPaymentEvent (41) */
  interface PalletTransactionPaymentEvent extends Enum {
    readonly isTransactionFeePaid: boolean;
    readonly asTransactionFeePaid: {
      readonly who: AccountId32;
      readonly actualFee: u128;
      readonly tip: u128;
    } & Struct;
    readonly type: 'TransactionFeePaid';
  }

  /** @name PalletParamsParams (42) */
  interface PalletParamsParams extends Struct {
    readonly challengePeriod: u32;
    readonly samples: u32;
    readonly responseWindow: u32;
    readonly maxStrikes: u32;
    readonly performancePeriod: u32;
    readonly attestersPerCheck: u32;
    readonly amendmentDeadline: u32;
    readonly setupThroughput: u32;
    readonly ratioPerMibBlock: u128;
    readonly attesterReward: u128;
    readonly encoderReward: u128;
    readonly maxAmendmentsPerBlock: u32;
    readonly auditPeriod: u32;
    readonly followWindow: u32;
    readonly notServedQuorum: u32;
    readonly attesterReputationFloor: u32;
    readonly probation: u32;
    readonly strikeDecay: u32;
  }

  /** @name PalletParamsCall (43) */
  interface PalletParamsCall extends Enum {
    readonly isSetParams: boolean;
    readonly asSetParams: {
      readonly params: PalletParamsParams;
    } & Struct;
    readonly type: 'SetParams';
  }

  /** @name PalletParamsEvent (44) */
  interface PalletParamsEvent extends Enum {
    readonly isParamsChanged: boolean;
    readonly asParamsChanged: {
      readonly params: PalletParamsParams;
    } & Struct;
    readonly type: 'ParamsChanged';
  }

  /** @name PalletParamsError (45) */
  interface PalletParamsError extends Enum {
    readonly isInvalidParams: boolean;
    readonly type: 'InvalidParams';
  }

  /** @name PalletRatioCall (46) */
  interface PalletRatioCall extends Enum {
    readonly isTransferRatio: boolean;
    readonly asTransferRatio: {
      readonly to: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly type: 'TransferRatio';
  }

  /** @name PalletRatioEvent (47) */
  interface PalletRatioEvent extends Enum {
    readonly isTransferred: boolean;
    readonly asTransferred: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isPaid: boolean;
    readonly asPaid: {
      readonly payer: AccountId32;
      readonly payee: AccountId32;
      readonly amount: u128;
      readonly reason: PalletRatioReason;
      readonly plan: u64;
    } & Struct;
    readonly isRewarded: boolean;
    readonly asRewarded: {
      readonly who: AccountId32;
      readonly amount: u128;
      readonly reason: PalletRatioReason;
    } & Struct;
    readonly type: 'Transferred' | 'Paid' | 'Rewarded';
  }

  /** @name PalletRatioReason (48) */
  interface PalletRatioReason extends Enum {
    readonly isHosting: boolean;
    readonly isAttesting: boolean;
    readonly isEncoding: boolean;
    readonly type: 'Hosting' | 'Attesting' | 'Encoding';
  }

  /** @name PalletRatioError (49) */
  interface PalletRatioError extends Enum {
    readonly isInsufficientRatio: boolean;
    readonly isZeroAmount: boolean;
    readonly isSelfTransfer: boolean;
    readonly isExistentialDeposit: boolean;
    readonly type: 'InsufficientRatio' | 'ZeroAmount' | 'SelfTransfer' | 'ExistentialDeposit';
  }

  /** @name PalletRolesProvider (50) */
  interface PalletRolesProvider extends Struct {
    readonly noiseKey: U8aFixed;
    readonly hoster: bool;
    readonly encoder: bool;
    readonly attester: bool;
    readonly capacity: u64;
    readonly committed: u64;
    readonly pausedUntil: u32;
    readonly strikes: u32;
    readonly reputation: u32;
    readonly suspendedAt: u32;
    readonly passed: u32;
  }

  /** @name PalletRolesRole (52) */
  interface PalletRolesRole extends Enum {
    readonly isHoster: boolean;
    readonly isEncoder: boolean;
    readonly isAttester: boolean;
    readonly type: 'Hoster' | 'Encoder' | 'Attester';
  }

  /** @name PalletRolesCall (56) */
  interface PalletRolesCall extends Enum {
    readonly isRegisterHoster: boolean;
    readonly asRegisterHoster: {
      readonly noiseKey: U8aFixed;
      readonly capacity: u64;
    } & Struct;
    readonly isRegisterEncoder: boolean;
    readonly asRegisterEncoder: {
      readonly noiseKey: U8aFixed;
    } & Struct;
    readonly isRegisterAttester: boolean;
    readonly asRegisterAttester: {
      readonly noiseKey: U8aFixed;
    } & Struct;
    readonly isUnregister: boolean;
    readonly asUnregister: {
      readonly role: PalletRolesRole;
    } & Struct;
    readonly isPause: boolean;
    readonly asPause: {
      readonly until: u32;
    } & Struct;
    readonly type: 'RegisterHoster' | 'RegisterEncoder' | 'RegisterAttester' | 'Unregister' | 'Pause';
  }

  /** @name PalletRolesEvent (57) */
  interface PalletRolesEvent extends Enum {
    readonly isRegistered: boolean;
    readonly asRegistered: {
      readonly who: AccountId32;
      readonly role: PalletRolesRole;
      readonly noiseKey: U8aFixed;
    } & Struct;
    readonly isUnregistered: boolean;
    readonly asUnregistered: {
      readonly who: AccountId32;
      readonly role: PalletRolesRole;
    } & Struct;
    readonly isCapacityChanged: boolean;
    readonly asCapacityChanged: {
      readonly who: AccountId32;
      readonly capacity: u64;
    } & Struct;
    readonly isPaused: boolean;
    readonly asPaused: {
      readonly who: AccountId32;
      readonly until: u32;
    } & Struct;
    readonly isSuspended: boolean;
    readonly asSuspended: {
      readonly who: AccountId32;
      readonly strikes: u32;
    } & Struct;
    readonly isReinstated: boolean;
    readonly asReinstated: {
      readonly who: AccountId32;
    } & Struct;
    readonly type: 'Registered' | 'Unregistered' | 'CapacityChanged' | 'Paused' | 'Suspended' | 'Reinstated';
  }

  /** @name PalletRolesError (58) */
  interface PalletRolesError extends Enum {
    readonly isNotRegistered: boolean;
    readonly isNoiseKeyMismatch: boolean;
    readonly isNoiseKeyTaken: boolean;
    readonly isZeroCapacity: boolean;
    readonly isCapacityBelowCommitted: boolean;
    readonly isStillHosting: boolean;
    readonly isInsufficientCapacity: boolean;
    readonly isInvalidPause: boolean;
    readonly type: 'NotRegistered' | 'NoiseKeyMismatch' | 'NoiseKeyTaken' | 'ZeroCapacity' | 'CapacityBelowCommitted' | 'StillHosting' | 'InsufficientCapacity' | 'InvalidPause';
  }

  /** @name PalletFeedsFeed (59) */
  interface PalletFeedsFeed extends Struct {
    readonly key: U8aFixed;
    readonly manifest: Bytes;
    readonly publisher: AccountId32;
    readonly root: PalletFeedsFeedRoot;
    readonly signature: Bytes;
    readonly updatedAt: u32;
    readonly history: Vec<PalletFeedsRecordedRoot>;
  }

  /** @name PalletFeedsFeedRoot (60) */
  interface PalletFeedsFeedRoot extends Struct {
    readonly length: u64;
    readonly byteLength: u64;
    readonly treeHash: U8aFixed;
  }

  /** @name PalletFeedsRecordedRoot (61) */
  interface PalletFeedsRecordedRoot extends Struct {
    readonly root: PalletFeedsFeedRoot;
    readonly at: u32;
  }

  /** @name PalletFeedsCall (63) */
  interface PalletFeedsCall extends Enum {
    readonly isPublishFeed: boolean;
    readonly asPublishFeed: {
      readonly key: U8aFixed;
      readonly manifest: Bytes;
      readonly head: Bytes;
    } & Struct;
    readonly isUpdateFeed: boolean;
    readonly asUpdateFeed: {
      readonly feed: u64;
      readonly head: Bytes;
    } & Struct;
    readonly type: 'PublishFeed' | 'UpdateFeed';
  }

  /** @name PalletFeedsEvent (64) */
  interface PalletFeedsEvent extends Enum {
    readonly isFeedPublished: boolean;
    readonly asFeedPublished: {
      readonly feed: u64;
      readonly key: U8aFixed;
      readonly publisher: AccountId32;
      readonly blocks: u64;
      readonly byteLength: u64;
    } & Struct;
    readonly isFeedUpdated: boolean;
    readonly asFeedUpdated: {
      readonly feed: u64;
      readonly blocks: u64;
      readonly byteLength: u64;
    } & Struct;
    readonly type: 'FeedPublished' | 'FeedUpdated';
  }

  /** @name PalletFeedsError (65) */
  interface PalletFeedsError extends Enum {
    readonly isFeedExists: boolean;
    readonly isFeedNotFound: boolean;
    readonly isInvalidManifest: boolean;
    readonly isMalformedRoot: boolean;
    readonly isInvalidRootSignature: boolean;
    readonly isStaleRoot: boolean;
    readonly isEmptyFeed: boolean;
    readonly type: 'FeedExists' | 'FeedNotFound' | 'InvalidManifest' | 'MalformedRoot' | 'InvalidRootSignature' | 'StaleRoot' | 'EmptyFeed';
  }

  /** @name PalletPlansPlan (66) */
  interface PalletPlansPlan extends Struct {
    readonly feed: u64;
    readonly sponsor: AccountId32;
    readonly mode: PalletPlansMode;
    readonly ranges: Option<Vec<{
      readonly start: u64;
      readonly end: u64;
    } & Struct>>;
    readonly status: PalletPlansPlanStatus;
    readonly backing: u128;
    readonly positions: u16;
    readonly createdAt: u32;
  }

  /** @name PalletPlansMode (67) */
  interface PalletPlansMode extends Enum {
    readonly isReplicate: boolean;
    readonly asReplicate: PalletPlansReplicate;
    readonly isErasure: boolean;
    readonly asErasure: PalletPlansErasure;
    readonly type: 'Replicate' | 'Erasure';
  }

  /** @name PalletPlansReplicate (68) */
  interface PalletPlansReplicate extends Struct {
    readonly replicas: u16;
  }

  /** @name PalletPlansErasure (69) */
  interface PalletPlansErasure extends Struct {
    readonly k: u16;
    readonly m: u16;
  }

  /** @name PalletPlansPlanStatus (73) */
  interface PalletPlansPlanStatus extends Enum {
    readonly isQueued: boolean;
    readonly isActive: boolean;
    readonly isEnded: boolean;
    readonly isLost: boolean;
    readonly type: 'Queued' | 'Active' | 'Ended' | 'Lost';
  }

  /** @name PalletPlansPosition (74) */
  interface PalletPlansPosition extends Struct {
    readonly hoster: Option<AccountId32>;
    readonly state: PalletPlansPositionState;
    readonly ready: bool;
    readonly bytes: u64;
    readonly strikes: u32;
    readonly paidUntil: u32;
  }

  /** @name PalletPlansPositionState (76) */
  interface PalletPlansPositionState extends Enum {
    readonly isVacant: boolean;
    readonly isSetup: boolean;
    readonly asSetup: u64;
    readonly isActive: boolean;
    readonly type: 'Vacant' | 'Setup' | 'Active';
  }

  /** @name PalletPlansSlotRoot (78) */
  interface PalletPlansSlotRoot extends Struct {
    readonly length: u64;
    readonly byteLength: u64;
    readonly treeHash: U8aFixed;
  }

  /** @name PalletPlansCodedHead (79) */
  interface PalletPlansCodedHead extends Struct {
    readonly start: u64;
    readonly length: u64;
    readonly startByte: u64;
    readonly byteLength: u64;
    readonly signature: Bytes;
  }

  /** @name PalletPlansQueueWait (82) */
  interface PalletPlansQueueWait extends Struct {
    readonly since: u32;
    readonly reason: PalletPlansWaitReason;
    readonly tries: u32;
    readonly retryAt: u32;
    readonly supply: u32;
  }

  /** @name PalletPlansWaitReason (83) */
  interface PalletPlansWaitReason extends Enum {
    readonly isHosters: boolean;
    readonly isEncoders: boolean;
    readonly isAttesters: boolean;
    readonly type: 'Hosters' | 'Encoders' | 'Attesters';
  }

  /** @name PalletPlansAmendment (84) */
  interface PalletPlansAmendment extends Struct {
    readonly plan: u64;
    readonly kind: PalletPlansAmendmentKind;
    readonly positions: Vec<u16>;
    readonly hosters: Vec<AccountId32>;
    readonly encoders: Vec<AccountId32>;
    readonly attesters: Vec<AccountId32>;
    readonly deadline: u32;
    readonly proposed: Option<PalletPlansProposedEncoding>;
    readonly delivered: bool;
  }

  /** @name PalletPlansAmendmentKind (85) */
  interface PalletPlansAmendmentKind extends Enum {
    readonly isNew: boolean;
    readonly isRepair: boolean;
    readonly type: 'New' | 'Repair';
  }

  /** @name PalletPlansProposedEncoding (88) */
  interface PalletPlansProposedEncoding extends Struct {
    readonly encoder: AccountId32;
    readonly slots: Vec<PalletPlansSlotRoot>;
  }

  /** @name PalletPlansSetupProgress (94) */
  interface PalletPlansSetupProgress extends Struct {
    readonly amendment: u64;
    readonly stored: bool;
    readonly retrieved: bool;
  }

  /** @name PalletPlansCall (95) */
  interface PalletPlansCall extends Enum {
    readonly isRequestHosting: boolean;
    readonly asRequestHosting: {
      readonly feed: u64;
      readonly mode: PalletPlansMode;
      readonly ranges: Option<Vec<{
      readonly start: u64;
      readonly end: u64;
    } & Struct>>;
    } & Struct;
    readonly isUnpublish: boolean;
    readonly asUnpublish: {
      readonly plan: u64;
    } & Struct;
    readonly isSupport: boolean;
    readonly asSupport: {
      readonly plan: u64;
      readonly amount: u128;
    } & Struct;
    readonly isHostingReady: boolean;
    readonly asHostingReady: {
      readonly amendment: u64;
      readonly position: u16;
    } & Struct;
    readonly isReportProgress: boolean;
    readonly asReportProgress: {
      readonly amendment: u64;
      readonly position: u16;
      readonly blocks: u64;
    } & Struct;
    readonly isSubmitEncoding: boolean;
    readonly asSubmitEncoding: {
      readonly amendment: u64;
      readonly slots: Vec<PalletPlansSlotRoot>;
    } & Struct;
    readonly isRepairServed: boolean;
    readonly asRepairServed: {
      readonly amendment: u64;
    } & Struct;
    readonly isReportDataLost: boolean;
    readonly asReportDataLost: {
      readonly amendment: u64;
    } & Struct;
    readonly type: 'RequestHosting' | 'Unpublish' | 'Support' | 'HostingReady' | 'ReportProgress' | 'SubmitEncoding' | 'RepairServed' | 'ReportDataLost';
  }

  /** @name PalletPlansEvent (96) */
  interface PalletPlansEvent extends Enum {
    readonly isHostingRequested: boolean;
    readonly asHostingRequested: {
      readonly plan: u64;
      readonly feed: u64;
      readonly sponsor: AccountId32;
      readonly mode: PalletPlansMode;
    } & Struct;
    readonly isNewAmendment: boolean;
    readonly asNewAmendment: {
      readonly id: u64;
      readonly plan: u64;
      readonly positions: Vec<u16>;
      readonly hosters: Vec<AccountId32>;
      readonly encoders: Vec<AccountId32>;
      readonly attesters: Vec<AccountId32>;
      readonly deadline: u32;
    } & Struct;
    readonly isHostingReady: boolean;
    readonly asHostingReady: {
      readonly amendment: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
    } & Struct;
    readonly isHostingStarted: boolean;
    readonly asHostingStarted: {
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
    } & Struct;
    readonly isSetupFailed: boolean;
    readonly asSetupFailed: {
      readonly amendment: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
    } & Struct;
    readonly isEncodingProposed: boolean;
    readonly asEncodingProposed: {
      readonly amendment: u64;
      readonly plan: u64;
      readonly encoder: AccountId32;
    } & Struct;
    readonly isEncodingAccepted: boolean;
    readonly asEncodingAccepted: {
      readonly amendment: u64;
      readonly plan: u64;
    } & Struct;
    readonly isEncodingDisputed: boolean;
    readonly asEncodingDisputed: {
      readonly amendment: u64;
      readonly plan: u64;
    } & Struct;
    readonly isPositionFreed: boolean;
    readonly asPositionFreed: {
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
    } & Struct;
    readonly isPlanWaiting: boolean;
    readonly asPlanWaiting: {
      readonly plan: u64;
      readonly reason: PalletPlansWaitReason;
    } & Struct;
    readonly isPlanSupported: boolean;
    readonly asPlanSupported: {
      readonly plan: u64;
      readonly supporter: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isRepairServed: boolean;
    readonly asRepairServed: {
      readonly amendment: u64;
      readonly plan: u64;
      readonly encoder: AccountId32;
    } & Struct;
    readonly isDataLost: boolean;
    readonly asDataLost: {
      readonly plan: u64;
    } & Struct;
    readonly isGenerationAdded: boolean;
    readonly asGenerationAdded: {
      readonly plan: u64;
      readonly generation: u64;
      readonly start: u64;
      readonly end: u64;
    } & Struct;
    readonly isPlanEnded: boolean;
    readonly asPlanEnded: {
      readonly plan: u64;
    } & Struct;
    readonly type: 'HostingRequested' | 'NewAmendment' | 'HostingReady' | 'HostingStarted' | 'SetupFailed' | 'EncodingProposed' | 'EncodingAccepted' | 'EncodingDisputed' | 'PositionFreed' | 'PlanWaiting' | 'PlanSupported' | 'RepairServed' | 'DataLost' | 'GenerationAdded' | 'PlanEnded';
  }

  /** @name PalletPlansError (97) */
  interface PalletPlansError extends Enum {
    readonly isFeedNotFound: boolean;
    readonly isPlanNotFound: boolean;
    readonly isPlanEnded: boolean;
    readonly isInvalidMode: boolean;
    readonly isInvalidRanges: boolean;
    readonly isErasureRanges: boolean;
    readonly isIsGeneration: boolean;
    readonly isNotSponsor: boolean;
    readonly isQueueFull: boolean;
    readonly isAmendmentNotFound: boolean;
    readonly isNotAssigned: boolean;
    readonly isNotInSetup: boolean;
    readonly isNoProgress: boolean;
    readonly isEncodingPending: boolean;
    readonly isWrongSlotCount: boolean;
    readonly isUnevenSlots: boolean;
    readonly isWrongSlotLength: boolean;
    readonly isNotARepair: boolean;
    readonly isSlotsRemain: boolean;
    readonly isEncodingDone: boolean;
    readonly isInsufficientRatio: boolean;
    readonly isZeroAmount: boolean;
    readonly isAlreadyReady: boolean;
    readonly type: 'FeedNotFound' | 'PlanNotFound' | 'PlanEnded' | 'InvalidMode' | 'InvalidRanges' | 'ErasureRanges' | 'IsGeneration' | 'NotSponsor' | 'QueueFull' | 'AmendmentNotFound' | 'NotAssigned' | 'NotInSetup' | 'NoProgress' | 'EncodingPending' | 'WrongSlotCount' | 'UnevenSlots' | 'WrongSlotLength' | 'NotARepair' | 'SlotsRemain' | 'EncodingDone' | 'InsufficientRatio' | 'ZeroAmount' | 'AlreadyReady';
  }

  /** @name PalletChallengesStorageChallenge (98) */
  interface PalletChallengesStorageChallenge extends Struct {
    readonly plan: u64;
    readonly position: u16;
    readonly hoster: AccountId32;
    readonly indexes: Vec<u64>;
    readonly length: u64;
    readonly treeHash: U8aFixed;
    readonly deadline: u32;
  }

  /** @name PalletChallengesPerformanceCheck (99) */
  interface PalletChallengesPerformanceCheck extends Struct {
    readonly plan: u64;
    readonly position: u16;
    readonly hoster: AccountId32;
    readonly attesters: Vec<AccountId32>;
    readonly reports: Vec<PalletChallengesReport>;
    readonly deadline: u32;
    readonly length: u64;
    readonly treeHash: U8aFixed;
    readonly indexes: Vec<u64>;
    readonly setup: Option<u64>;
    readonly retry: bool;
  }

  /** @name PalletChallengesReport (100) */
  interface PalletChallengesReport extends Struct {
    readonly attester: AccountId32;
    readonly success: bool;
    readonly latencyMs: u32;
    readonly throughput: u64;
    readonly network: u32;
  }

  /** @name PalletChallengesCheckKind (103) */
  interface PalletChallengesCheckKind extends Enum {
    readonly isStorage: boolean;
    readonly isPerformance: boolean;
    readonly type: 'Storage' | 'Performance';
  }

  /** @name PalletChallengesCall (105) */
  interface PalletChallengesCall extends Enum {
    readonly isSubmitStorageProof: boolean;
    readonly asSubmitStorageProof: {
      readonly challenge: u64;
      readonly proofs: Vec<Bytes>;
    } & Struct;
    readonly isSubmitPerformanceReport: boolean;
    readonly asSubmitPerformanceReport: {
      readonly check: u64;
      readonly success: bool;
      readonly latencyMs: u32;
      readonly throughput: u64;
      readonly network: u32;
      readonly receipt: Option<PalletChallengesReceipt>;
    } & Struct;
    readonly type: 'SubmitStorageProof' | 'SubmitPerformanceReport';
  }

  /** @name PalletChallengesReceipt (107) */
  interface PalletChallengesReceipt extends Struct {
    readonly indexes: Vec<u64>;
    readonly hashes: Vec<U8aFixed>;
    readonly proofs: Vec<Bytes>;
    readonly signature: U8aFixed;
  }

  /** @name PalletChallengesEvent (111) */
  interface PalletChallengesEvent extends Enum {
    readonly isStorageChallenge: boolean;
    readonly asStorageChallenge: {
      readonly id: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
      readonly indexes: Vec<u64>;
      readonly rootLength: u64;
      readonly deadline: u32;
    } & Struct;
    readonly isStorageProofAccepted: boolean;
    readonly asStorageProofAccepted: {
      readonly id: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
      readonly paid: u128;
    } & Struct;
    readonly isStorageProofFailed: boolean;
    readonly asStorageProofFailed: {
      readonly id: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
    } & Struct;
    readonly isPerformanceCheck: boolean;
    readonly asPerformanceCheck: {
      readonly id: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
      readonly attesters: Vec<AccountId32>;
      readonly deadline: u32;
    } & Struct;
    readonly isPerformanceSamples: boolean;
    readonly asPerformanceSamples: {
      readonly id: u64;
      readonly indexes: Vec<u64>;
    } & Struct;
    readonly isPerformanceReported: boolean;
    readonly asPerformanceReported: {
      readonly id: u64;
      readonly attester: AccountId32;
    } & Struct;
    readonly isPerformanceResult: boolean;
    readonly asPerformanceResult: {
      readonly id: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
      readonly verdict: PalletChallengesVerdict;
      readonly latencyMs: u32;
      readonly throughput: u64;
      readonly network: u32;
    } & Struct;
    readonly type: 'StorageChallenge' | 'StorageProofAccepted' | 'StorageProofFailed' | 'PerformanceCheck' | 'PerformanceSamples' | 'PerformanceReported' | 'PerformanceResult';
  }

  /** @name PalletChallengesVerdict (112) */
  interface PalletChallengesVerdict extends Enum {
    readonly isServed: boolean;
    readonly isNotServed: boolean;
    readonly isInconclusive: boolean;
    readonly isContained: boolean;
    readonly type: 'Served' | 'NotServed' | 'Inconclusive' | 'Contained';
  }

  /** @name PalletChallengesError (113) */
  interface PalletChallengesError extends Enum {
    readonly isChallengeNotFound: boolean;
    readonly isChallengeExpired: boolean;
    readonly isNotChallenged: boolean;
    readonly isWrongProofCount: boolean;
    readonly isProofInvalid: boolean;
    readonly isNotAttester: boolean;
    readonly isAlreadyReported: boolean;
    readonly isSamplesPending: boolean;
    readonly isReceiptMissing: boolean;
    readonly isReceiptWrongIndexes: boolean;
    readonly isReceiptSignatureInvalid: boolean;
    readonly isReceiptHashInvalid: boolean;
    readonly type: 'ChallengeNotFound' | 'ChallengeExpired' | 'NotChallenged' | 'WrongProofCount' | 'ProofInvalid' | 'NotAttester' | 'AlreadyReported' | 'SamplesPending' | 'ReceiptMissing' | 'ReceiptWrongIndexes' | 'ReceiptSignatureInvalid' | 'ReceiptHashInvalid';
  }

  /** @name PalletAuditsEncodedPlan (114) */
  interface PalletAuditsEncodedPlan extends Struct {
    readonly index: u32;
    readonly encoders: Vec<AccountId32>;
  }

  /** @name PalletAuditsAudit (115) */
  interface PalletAuditsAudit extends Struct {
    readonly plan: u64;
    readonly stripe: u64;
    readonly positions: Vec<u16>;
    readonly hosters: Vec<AccountId32>;
    readonly deadline: u32;
  }

  /** @name PalletAuditsCall (116) */
  interface PalletAuditsCall extends Enum {
    readonly isSubmitAuditShard: boolean;
    readonly asSubmitAuditShard: {
      readonly audit: u64;
      readonly position: u16;
      readonly proof: Bytes;
    } & Struct;
    readonly type: 'SubmitAuditShard';
  }

  /** @name PalletAuditsEvent (117) */
  interface PalletAuditsEvent extends Enum {
    readonly isAuditOpened: boolean;
    readonly asAuditOpened: {
      readonly audit: u64;
      readonly plan: u64;
      readonly stripe: u64;
      readonly positions: Vec<u16>;
      readonly hosters: Vec<AccountId32>;
      readonly deadline: u32;
    } & Struct;
    readonly isAuditPassed: boolean;
    readonly asAuditPassed: {
      readonly audit: u64;
      readonly plan: u64;
      readonly stripe: u64;
    } & Struct;
    readonly isAuditInconclusive: boolean;
    readonly asAuditInconclusive: {
      readonly audit: u64;
      readonly plan: u64;
      readonly stripe: u64;
    } & Struct;
    readonly isAuditUnanswered: boolean;
    readonly asAuditUnanswered: {
      readonly audit: u64;
      readonly plan: u64;
      readonly position: u16;
      readonly hoster: AccountId32;
    } & Struct;
    readonly isEncodingFailed: boolean;
    readonly asEncodingFailed: {
      readonly audit: u64;
      readonly plan: u64;
      readonly stripe: u64;
      readonly encoders: Vec<AccountId32>;
      readonly fault: PalletAuditsAuditFault;
    } & Struct;
    readonly type: 'AuditOpened' | 'AuditPassed' | 'AuditInconclusive' | 'AuditUnanswered' | 'EncodingFailed';
  }

  /** @name PalletAuditsAuditFault (118) */
  interface PalletAuditsAuditFault extends Enum {
    readonly isMalformed: boolean;
    readonly isNotTheFeed: boolean;
    readonly isWrongLength: boolean;
    readonly isParityMismatch: boolean;
    readonly type: 'Malformed' | 'NotTheFeed' | 'WrongLength' | 'ParityMismatch';
  }

  /** @name PalletAuditsError (119) */
  interface PalletAuditsError extends Enum {
    readonly isAuditNotFound: boolean;
    readonly isNotAudited: boolean;
    readonly isAlreadyAnswered: boolean;
    readonly isProofInvalid: boolean;
    readonly type: 'AuditNotFound' | 'NotAudited' | 'AlreadyAnswered' | 'ProofInvalid';
  }

  /** @name SpRuntimeMultiSignature (123) */
  interface SpRuntimeMultiSignature extends Enum {
    readonly isEd25519: boolean;
    readonly asEd25519: SpCoreEd25519Signature;
    readonly isSr25519: boolean;
    readonly asSr25519: SpCoreSr25519Signature;
    readonly isEcdsa: boolean;
    readonly asEcdsa: SpCoreEcdsaSignature;
    readonly type: 'Ed25519' | 'Sr25519' | 'Ecdsa';
  }

  /** @name SpCoreEd25519Signature (124) */
  interface SpCoreEd25519Signature extends U8aFixed {}

  /** @name SpCoreSr25519Signature (125) */
  interface SpCoreSr25519Signature extends U8aFixed {}

  /** @name SpCoreEcdsaSignature (126) */
  interface SpCoreEcdsaSignature extends U8aFixed {}

  /** @name FrameSystemExtensionsCheckSpecVersion (128) */
  type FrameSystemExtensionsCheckSpecVersion = Null;

  /** @name FrameSystemExtensionsCheckTxVersion (129) */
  type FrameSystemExtensionsCheckTxVersion = Null;

  /** @name FrameSystemExtensionsCheckGenesis (130) */
  type FrameSystemExtensionsCheckGenesis = Null;

  /** @name DatdotRuntimeRuntime (135) */
  type DatdotRuntimeRuntime = Null;

} // declare module

// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/types/registry';

import type { DatdotRuntimeRuntime, FrameSupportDispatchDispatchClass, FrameSupportDispatchDispatchInfo, FrameSupportDispatchPays, FrameSystemAccountInfo, FrameSystemCall, FrameSystemError, FrameSystemEvent, FrameSystemEventRecord, FrameSystemExtensionsCheckGenesis, FrameSystemExtensionsCheckSpecVersion, FrameSystemExtensionsCheckTxVersion, FrameSystemPhase, PalletAuditsAudit, PalletAuditsAuditFault, PalletAuditsCall, PalletAuditsEncodedPlan, PalletAuditsError, PalletAuditsEvent, PalletBalancesAccountData, PalletChallengesCall, PalletChallengesCheckKind, PalletChallengesError, PalletChallengesEvent, PalletChallengesPerformanceCheck, PalletChallengesReceipt, PalletChallengesReport, PalletChallengesStorageChallenge, PalletChallengesVerdict, PalletFeedsCall, PalletFeedsError, PalletFeedsEvent, PalletFeedsFeed, PalletFeedsFeedRoot, PalletFeedsRecordedRoot, PalletParamsCall, PalletParamsError, PalletParamsEvent, PalletParamsParams, PalletPlansAmendment, PalletPlansAmendmentKind, PalletPlansCall, PalletPlansCodedHead, PalletPlansErasure, PalletPlansError, PalletPlansEvent, PalletPlansMode, PalletPlansPlan, PalletPlansPlanStatus, PalletPlansPosition, PalletPlansPositionState, PalletPlansProposedEncoding, PalletPlansQueueWait, PalletPlansReplicate, PalletPlansSetupProgress, PalletPlansSlotRoot, PalletPlansWaitReason, PalletRandomnessError, PalletRatioCall, PalletRatioError, PalletRatioEvent, PalletRatioReason, PalletRolesCall, PalletRolesError, PalletRolesEvent, PalletRolesProvider, PalletRolesRole, PalletSudoCall, PalletSudoError, PalletSudoEvent, PalletTimestampError, PalletTransactionPaymentEvent, SpArithmeticArithmeticError, SpCoreEcdsaSignature, SpCoreEd25519Signature, SpCoreSr25519Signature, SpRuntimeDigest, SpRuntimeDigestDigestItem, SpRuntimeDispatchError, SpRuntimeModuleError, SpRuntimeMultiSignature, SpRuntimeTokenError, SpRuntimeTransactionalError, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

declare module '@polkadot/types/types/registry' {
  interface InterfaceTypes {
    DatdotRuntimeRuntime: DatdotRuntimeRuntime;
    FrameSupportDispatchDispatchClass: FrameSupportDispatchDispatchClass;
    FrameSupportDispatchDispatchInfo: FrameSupportDispatchDispatchInfo;
    FrameSupportDispatchPays: FrameSupportDispatchPays;
    FrameSystemAccountInfo: FrameSystemAccountInfo;
    FrameSystemCall: FrameSystemCall;
    FrameSystemError: FrameSystemError;
    FrameSystemEvent: FrameSystemEvent;
    FrameSystemEventRecord: FrameSystemEventRecord;
    FrameSystemExtensionsCheckGenesis: FrameSystemExtensionsCheckGenesis;
    FrameSystemExtensionsCheckSpecVersion: FrameSystemExtensionsCheckSpecVersion;
    FrameSystemExtensionsCheckTxVersion: FrameSystemExtensionsCheckTxVersion;
    FrameSystemPhase: FrameSystemPhase;
    PalletAuditsAudit: PalletAuditsAudit;
    PalletAuditsAuditFault: PalletAuditsAuditFault;
    PalletAuditsCall: PalletAuditsCall;
    PalletAuditsEncodedPlan: PalletAuditsEncodedPlan;
    PalletAuditsError: PalletAuditsError;
    PalletAuditsEvent: PalletAuditsEvent;
    PalletBalancesAccountData: PalletBalancesAccountData;
    PalletChallengesCall: PalletChallengesCall;
    PalletChallengesCheckKind: PalletChallengesCheckKind;
    PalletChallengesError: PalletChallengesError;
    PalletChallengesEvent: PalletChallengesEvent;
    PalletChallengesPerformanceCheck: PalletChallengesPerformanceCheck;
    PalletChallengesReceipt: PalletChallengesReceipt;
    PalletChallengesReport: PalletChallengesReport;
    PalletChallengesStorageChallenge: PalletChallengesStorageChallenge;
    PalletChallengesVerdict: PalletChallengesVerdict;
    PalletFeedsCall: PalletFeedsCall;
    PalletFeedsError: PalletFeedsError;
    PalletFeedsEvent: PalletFeedsEvent;
    PalletFeedsFeed: PalletFeedsFeed;
    PalletFeedsFeedRoot: PalletFeedsFeedRoot;
    PalletFeedsRecordedRoot: PalletFeedsRecordedRoot;
    PalletParamsCall: PalletParamsCall;
    PalletParamsError: PalletParamsError;
    PalletParamsEvent: PalletParamsEvent;
    PalletParamsParams: PalletParamsParams;
    PalletPlansAmendment: PalletPlansAmendment;
    PalletPlansAmendmentKind: PalletPlansAmendmentKind;
    PalletPlansCall: PalletPlansCall;
    PalletPlansCodedHead: PalletPlansCodedHead;
    PalletPlansErasure: PalletPlansErasure;
    PalletPlansError: PalletPlansError;
    PalletPlansEvent: PalletPlansEvent;
    PalletPlansMode: PalletPlansMode;
    PalletPlansPlan: PalletPlansPlan;
    PalletPlansPlanStatus: PalletPlansPlanStatus;
    PalletPlansPosition: PalletPlansPosition;
    PalletPlansPositionState: PalletPlansPositionState;
    PalletPlansProposedEncoding: PalletPlansProposedEncoding;
    PalletPlansQueueWait: PalletPlansQueueWait;
    PalletPlansReplicate: PalletPlansReplicate;
    PalletPlansSetupProgress: PalletPlansSetupProgress;
    PalletPlansSlotRoot: PalletPlansSlotRoot;
    PalletPlansWaitReason: PalletPlansWaitReason;
    PalletRandomnessError: PalletRandomnessError;
    PalletRatioCall: PalletRatioCall;
    PalletRatioError: PalletRatioError;
    PalletRatioEvent: PalletRatioEvent;
    PalletRatioReason: PalletRatioReason;
    PalletRolesCall: PalletRolesCall;
    PalletRolesError: PalletRolesError;
    PalletRolesEvent: PalletRolesEvent;
    PalletRolesProvider: PalletRolesProvider;
    PalletRolesRole: PalletRolesRole;
    PalletSudoCall: PalletSudoCall;
    PalletSudoError: PalletSudoError;
    PalletSudoEvent: PalletSudoEvent;
    PalletTimestampError: PalletTimestampError;
    PalletTransactionPaymentEvent: PalletTransactionPaymentEvent;
    SpArithmeticArithmeticError: SpArithmeticArithmeticError;
    SpCoreEcdsaSignature: SpCoreEcdsaSignature;
    SpCoreEd25519Signature: SpCoreEd25519Signature;
    SpCoreSr25519Signature: SpCoreSr25519Signature;
    SpRuntimeDigest: SpRuntimeDigest;
    SpRuntimeDigestDigestItem: SpRuntimeDigestDigestItem;
    SpRuntimeDispatchError: SpRuntimeDispatchError;
    SpRuntimeModuleError: SpRuntimeModuleError;
    SpRuntimeMultiSignature: SpRuntimeMultiSignature;
    SpRuntimeTokenError: SpRuntimeTokenError;
    SpRuntimeTransactionalError: SpRuntimeTransactionalError;
    SpWeightsWeightV2Weight: SpWeightsWeightV2Weight;
  } // InterfaceTypes
} // declare module

// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

/* eslint-disable sort-keys */

export default {
  /**
   * Lookup0: frame_system::AccountInfo
   **/
  FrameSystemAccountInfo: {
    nonce: 'u32',
    consumers: 'u32',
    providers: 'u32',
    sufficients: 'u32',
    data: 'PalletBalancesAccountData'
  },
  /**
   * Lookup2: pallet_balances::types::AccountData
   **/
  PalletBalancesAccountData: {
    free: 'u128',
    reserved: 'u128',
    frozen: 'u128',
    flags: 'u128'
  },
  /**
   * Lookup8: sp_runtime::generic::digest::Digest
   **/
  SpRuntimeDigest: {
    logs: 'Vec<SpRuntimeDigestDigestItem>'
  },
  /**
   * Lookup9: sp_runtime::generic::digest::DigestItem
   **/
  SpRuntimeDigestDigestItem: {
    _enum: {
      Other: 'Bytes',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      Consensus: {
        engine: '[u8;4]',
        data: 'Bytes',
      },
      Seal: {
        engine: '[u8;4]',
        data: 'Bytes',
      },
      PreRuntime: {
        engine: '[u8;4]',
        data: 'Bytes',
      },
      __Unused7: 'Null',
      RuntimeEnvironmentUpdated: 'Null'
    }
  },
  /**
   * Lookup14: frame_system::EventRecord<datdot_runtime::RuntimeEvent, primitive_types::H256>
   **/
  FrameSystemEventRecord: {
    phase: 'FrameSystemPhase',
    event: 'Event',
    topics: 'Vec<H256>'
  },
  /**
   * Lookup15: frame_system::Phase
   **/
  FrameSystemPhase: {
    _enum: {
      ApplyExtrinsic: 'u32',
      Finalization: 'Null',
      Initialization: 'Null'
    }
  },
  /**
   * Lookup18: frame_system::pallet::Call
   **/
  FrameSystemCall: {
    _enum: {
      remark: {
        remark: 'Bytes',
      },
      remark_with_event: {
        remark: 'Bytes'
      }
    }
  },
  /**
   * Lookup19: frame_system::pallet::Event
   **/
  FrameSystemEvent: {
    _enum: {
      ExtrinsicSuccess: {
        dispatchInfo: 'FrameSupportDispatchDispatchInfo',
      },
      ExtrinsicFailed: {
        dispatchError: 'SpRuntimeDispatchError',
        dispatchInfo: 'FrameSupportDispatchDispatchInfo',
      },
      NewAccount: {
        account: 'AccountId32',
      },
      Remarked: {
        _alias: {
          hash_: 'hash',
        },
        sender: 'AccountId32',
        hash_: 'H256'
      }
    }
  },
  /**
   * Lookup20: frame_support::dispatch::DispatchInfo
   **/
  FrameSupportDispatchDispatchInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    paysFee: 'FrameSupportDispatchPays'
  },
  /**
   * Lookup21: sp_weights::weight_v2::Weight
   **/
  SpWeightsWeightV2Weight: {
    refTime: 'Compact<u64>',
    proofSize: 'Compact<u64>'
  },
  /**
   * Lookup24: frame_support::dispatch::DispatchClass
   **/
  FrameSupportDispatchDispatchClass: {
    _enum: ['Normal', 'Operational', 'Mandatory']
  },
  /**
   * Lookup25: frame_support::dispatch::Pays
   **/
  FrameSupportDispatchPays: {
    _enum: ['Yes', 'No']
  },
  /**
   * Lookup26: sp_runtime::DispatchError
   **/
  SpRuntimeDispatchError: {
    _enum: {
      Other: 'Null',
      CannotLookup: 'Null',
      BadOrigin: 'Null',
      Module: 'SpRuntimeModuleError',
      ConsumerRemaining: 'Null',
      NoProviders: 'Null',
      TooManyConsumers: 'Null',
      Token: 'SpRuntimeTokenError',
      Arithmetic: 'SpArithmeticArithmeticError',
      Transactional: 'SpRuntimeTransactionalError',
      Exhausted: 'Null',
      Corruption: 'Null',
      Unavailable: 'Null',
      RootNotAllowed: 'Null'
    }
  },
  /**
   * Lookup27: sp_runtime::ModuleError
   **/
  SpRuntimeModuleError: {
    index: 'u8',
    error: '[u8;4]'
  },
  /**
   * Lookup28: sp_runtime::TokenError
   **/
  SpRuntimeTokenError: {
    _enum: ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported']
  },
  /**
   * Lookup29: sp_arithmetic::ArithmeticError
   **/
  SpArithmeticArithmeticError: {
    _enum: ['Underflow', 'Overflow', 'DivisionByZero']
  },
  /**
   * Lookup30: sp_runtime::TransactionalError
   **/
  SpRuntimeTransactionalError: {
    _enum: ['LimitReached', 'NoLayer']
  },
  /**
   * Lookup32: frame_system::pallet::Error
   **/
  FrameSystemError: {
    _enum: ['CallFiltered']
  },
  /**
   * Lookup33: pallet_timestamp::pallet::Error
   **/
  PalletTimestampError: {
    _enum: ['TimeWentBackwards']
  },
  /**
   * Lookup34: pallet_randomness::pallet::Error
   **/
  PalletRandomnessError: {
    _enum: ['BadRandomnessSignature']
  },
  /**
   * Lookup35: pallet_sudo::pallet::Call
   **/
  PalletSudoCall: {
    _enum: {
      sudo: {
        call: 'Call'
      }
    }
  },
  /**
   * Lookup37: pallet_sudo::pallet::Event
   **/
  PalletSudoEvent: {
    _enum: {
      Sudid: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup40: pallet_sudo::pallet::Error
   **/
  PalletSudoError: {
    _enum: ['RequireSudo']
  },
  /**
   * Lookup41: pallet_transaction_payment::pallet::Event
   **/
  PalletTransactionPaymentEvent: {
    _enum: {
      TransactionFeePaid: {
        who: 'AccountId32',
        actualFee: 'u128',
        tip: 'u128'
      }
    }
  },
  /**
   * Lookup42: pallet_params::Params
   **/
  PalletParamsParams: {
    challengePeriod: 'u32',
    samples: 'u32',
    responseWindow: 'u32',
    maxStrikes: 'u32',
    performancePeriod: 'u32',
    attestersPerCheck: 'u32',
    amendmentDeadline: 'u32',
    setupThroughput: 'u32',
    ratioPerMibBlock: 'u128',
    attesterReward: 'u128',
    encoderReward: 'u128',
    maxAmendmentsPerBlock: 'u32',
    auditPeriod: 'u32',
    followWindow: 'u32',
    notServedQuorum: 'u32',
    attesterReputationFloor: 'u32',
    probation: 'u32',
    strikeDecay: 'u32'
  },
  /**
   * Lookup43: pallet_params::pallet::Call
   **/
  PalletParamsCall: {
    _enum: {
      set_params: {
        params: 'PalletParamsParams'
      }
    }
  },
  /**
   * Lookup44: pallet_params::pallet::Event
   **/
  PalletParamsEvent: {
    _enum: {
      ParamsChanged: {
        params: 'PalletParamsParams'
      }
    }
  },
  /**
   * Lookup45: pallet_params::pallet::Error
   **/
  PalletParamsError: {
    _enum: ['InvalidParams']
  },
  /**
   * Lookup46: pallet_ratio::pallet::Call
   **/
  PalletRatioCall: {
    _enum: {
      transfer_ratio: {
        to: 'AccountId32',
        amount: 'u128'
      }
    }
  },
  /**
   * Lookup47: pallet_ratio::pallet::Event
   **/
  PalletRatioEvent: {
    _enum: {
      Transferred: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
      },
      Paid: {
        payer: 'AccountId32',
        payee: 'AccountId32',
        amount: 'u128',
        reason: 'PalletRatioReason',
        plan: 'u64',
      },
      Rewarded: {
        who: 'AccountId32',
        amount: 'u128',
        reason: 'PalletRatioReason'
      }
    }
  },
  /**
   * Lookup48: pallet_ratio::Reason
   **/
  PalletRatioReason: {
    _enum: ['Hosting', 'Attesting', 'Encoding']
  },
  /**
   * Lookup49: pallet_ratio::pallet::Error
   **/
  PalletRatioError: {
    _enum: ['InsufficientRatio', 'ZeroAmount', 'SelfTransfer', 'ExistentialDeposit']
  },
  /**
   * Lookup50: pallet_roles::Provider
   **/
  PalletRolesProvider: {
    noiseKey: '[u8;32]',
    hoster: 'bool',
    encoder: 'bool',
    attester: 'bool',
    capacity: 'u64',
    committed: 'u64',
    pausedUntil: 'u32',
    strikes: 'u32',
    reputation: 'u32',
    suspendedAt: 'u32',
    passed: 'u32'
  },
  /**
   * Lookup52: pallet_roles::Role
   **/
  PalletRolesRole: {
    _enum: ['Hoster', 'Encoder', 'Attester']
  },
  /**
   * Lookup56: pallet_roles::pallet::Call
   **/
  PalletRolesCall: {
    _enum: {
      register_hoster: {
        noiseKey: '[u8;32]',
        capacity: 'u64',
      },
      register_encoder: {
        noiseKey: '[u8;32]',
      },
      register_attester: {
        noiseKey: '[u8;32]',
      },
      unregister: {
        role: 'PalletRolesRole',
      },
      pause: {
        until: 'u32'
      }
    }
  },
  /**
   * Lookup57: pallet_roles::pallet::Event
   **/
  PalletRolesEvent: {
    _enum: {
      Registered: {
        who: 'AccountId32',
        role: 'PalletRolesRole',
        noiseKey: '[u8;32]',
      },
      Unregistered: {
        who: 'AccountId32',
        role: 'PalletRolesRole',
      },
      CapacityChanged: {
        who: 'AccountId32',
        capacity: 'u64',
      },
      Paused: {
        who: 'AccountId32',
        until: 'u32',
      },
      Suspended: {
        who: 'AccountId32',
        strikes: 'u32',
      },
      Reinstated: {
        who: 'AccountId32'
      }
    }
  },
  /**
   * Lookup58: pallet_roles::pallet::Error
   **/
  PalletRolesError: {
    _enum: ['NotRegistered', 'NoiseKeyMismatch', 'NoiseKeyTaken', 'ZeroCapacity', 'CapacityBelowCommitted', 'StillHosting', 'InsufficientCapacity', 'InvalidPause']
  },
  /**
   * Lookup59: pallet_feeds::Feed
   **/
  PalletFeedsFeed: {
    key: '[u8;32]',
    manifest: 'Bytes',
    publisher: 'AccountId32',
    root: 'PalletFeedsFeedRoot',
    signature: 'Bytes',
    updatedAt: 'u32',
    history: 'Vec<PalletFeedsRecordedRoot>'
  },
  /**
   * Lookup60: pallet_feeds::FeedRoot
   **/
  PalletFeedsFeedRoot: {
    length: 'u64',
    byteLength: 'u64',
    treeHash: '[u8;32]'
  },
  /**
   * Lookup61: pallet_feeds::RecordedRoot
   **/
  PalletFeedsRecordedRoot: {
    root: 'PalletFeedsFeedRoot',
    at: 'u32'
  },
  /**
   * Lookup63: pallet_feeds::pallet::Call
   **/
  PalletFeedsCall: {
    _enum: {
      publish_feed: {
        key: '[u8;32]',
        manifest: 'Bytes',
        head: 'Bytes',
      },
      update_feed: {
        feed: 'u64',
        head: 'Bytes'
      }
    }
  },
  /**
   * Lookup64: pallet_feeds::pallet::Event
   **/
  PalletFeedsEvent: {
    _enum: {
      FeedPublished: {
        feed: 'u64',
        key: '[u8;32]',
        publisher: 'AccountId32',
        blocks: 'u64',
        byteLength: 'u64',
      },
      FeedUpdated: {
        feed: 'u64',
        blocks: 'u64',
        byteLength: 'u64'
      }
    }
  },
  /**
   * Lookup65: pallet_feeds::pallet::Error
   **/
  PalletFeedsError: {
    _enum: ['FeedExists', 'FeedNotFound', 'InvalidManifest', 'MalformedRoot', 'InvalidRootSignature', 'StaleRoot', 'EmptyFeed']
  },
  /**
   * Lookup66: pallet_plans::Plan
   **/
  PalletPlansPlan: {
    feed: 'u64',
    sponsor: 'AccountId32',
    mode: 'PalletPlansMode',
    ranges: 'Option<Vec<{"start":"u64","end":"u64"}>>',
    status: 'PalletPlansPlanStatus',
    backing: 'u128',
    positions: 'u16',
    createdAt: 'u32'
  },
  /**
   * Lookup67: pallet_plans::Mode
   **/
  PalletPlansMode: {
    _enum: {
      Replicate: 'PalletPlansReplicate',
      Erasure: 'PalletPlansErasure'
    }
  },
  /**
   * Lookup68: pallet_plans::Replicate
   **/
  PalletPlansReplicate: {
    replicas: 'u16'
  },
  /**
   * Lookup69: pallet_plans::Erasure
   **/
  PalletPlansErasure: {
    k: 'u16',
    m: 'u16'
  },
  /**
   * Lookup73: pallet_plans::PlanStatus
   **/
  PalletPlansPlanStatus: {
    _enum: ['Queued', 'Active', 'Ended', 'Lost']
  },
  /**
   * Lookup74: pallet_plans::Position
   **/
  PalletPlansPosition: {
    hoster: 'Option<AccountId32>',
    state: 'PalletPlansPositionState',
    ready: 'bool',
    bytes: 'u64',
    strikes: 'u32',
    paidUntil: 'u32'
  },
  /**
   * Lookup76: pallet_plans::PositionState
   **/
  PalletPlansPositionState: {
    _enum: {
      Vacant: 'Null',
      Setup: 'u64',
      Active: 'Null'
    }
  },
  /**
   * Lookup78: pallet_plans::SlotRoot
   **/
  PalletPlansSlotRoot: {
    length: 'u64',
    byteLength: 'u64',
    treeHash: '[u8;32]'
  },
  /**
   * Lookup79: pallet_plans::CodedHead
   **/
  PalletPlansCodedHead: {
    start: 'u64',
    length: 'u64',
    startByte: 'u64',
    byteLength: 'u64',
    signature: 'Bytes'
  },
  /**
   * Lookup82: pallet_plans::QueueWait
   **/
  PalletPlansQueueWait: {
    since: 'u32',
    reason: 'PalletPlansWaitReason',
    tries: 'u32',
    retryAt: 'u32',
    supply: 'u32'
  },
  /**
   * Lookup83: pallet_plans::WaitReason
   **/
  PalletPlansWaitReason: {
    _enum: ['Hosters', 'Encoders', 'Attesters']
  },
  /**
   * Lookup84: pallet_plans::Amendment
   **/
  PalletPlansAmendment: {
    plan: 'u64',
    kind: 'PalletPlansAmendmentKind',
    positions: 'Vec<u16>',
    hosters: 'Vec<AccountId32>',
    encoders: 'Vec<AccountId32>',
    attesters: 'Vec<AccountId32>',
    deadline: 'u32',
    proposed: 'Option<PalletPlansProposedEncoding>',
    delivered: 'bool'
  },
  /**
   * Lookup85: pallet_plans::AmendmentKind
   **/
  PalletPlansAmendmentKind: {
    _enum: ['New', 'Repair']
  },
  /**
   * Lookup88: pallet_plans::ProposedEncoding
   **/
  PalletPlansProposedEncoding: {
    encoder: 'AccountId32',
    slots: 'Vec<PalletPlansSlotRoot>'
  },
  /**
   * Lookup94: pallet_plans::SetupProgress
   **/
  PalletPlansSetupProgress: {
    amendment: 'u64',
    stored: 'bool',
    retrieved: 'bool'
  },
  /**
   * Lookup95: pallet_plans::pallet::Call
   **/
  PalletPlansCall: {
    _enum: {
      request_hosting: {
        feed: 'u64',
        mode: 'PalletPlansMode',
        ranges: 'Option<Vec<{"start":"u64","end":"u64"}>>',
      },
      unpublish: {
        plan: 'u64',
      },
      support: {
        plan: 'u64',
        amount: 'u128',
      },
      hosting_ready: {
        amendment: 'u64',
        position: 'u16',
      },
      report_progress: {
        amendment: 'u64',
        position: 'u16',
        blocks: 'u64',
      },
      submit_encoding: {
        amendment: 'u64',
        slots: 'Vec<PalletPlansSlotRoot>',
      },
      repair_served: {
        amendment: 'u64',
      },
      report_data_lost: {
        amendment: 'u64'
      }
    }
  },
  /**
   * Lookup96: pallet_plans::pallet::Event
   **/
  PalletPlansEvent: {
    _enum: {
      HostingRequested: {
        plan: 'u64',
        feed: 'u64',
        sponsor: 'AccountId32',
        mode: 'PalletPlansMode',
      },
      NewAmendment: {
        id: 'u64',
        plan: 'u64',
        positions: 'Vec<u16>',
        hosters: 'Vec<AccountId32>',
        encoders: 'Vec<AccountId32>',
        attesters: 'Vec<AccountId32>',
        deadline: 'u32',
      },
      HostingReady: {
        amendment: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
      },
      HostingStarted: {
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
      },
      SetupFailed: {
        amendment: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
      },
      EncodingProposed: {
        amendment: 'u64',
        plan: 'u64',
        encoder: 'AccountId32',
      },
      EncodingAccepted: {
        amendment: 'u64',
        plan: 'u64',
      },
      EncodingDisputed: {
        amendment: 'u64',
        plan: 'u64',
      },
      PositionFreed: {
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
      },
      PlanWaiting: {
        plan: 'u64',
        reason: 'PalletPlansWaitReason',
      },
      PlanSupported: {
        plan: 'u64',
        supporter: 'AccountId32',
        amount: 'u128',
      },
      RepairServed: {
        amendment: 'u64',
        plan: 'u64',
        encoder: 'AccountId32',
      },
      DataLost: {
        plan: 'u64',
      },
      GenerationAdded: {
        plan: 'u64',
        generation: 'u64',
        start: 'u64',
        end: 'u64',
      },
      PlanEnded: {
        plan: 'u64'
      }
    }
  },
  /**
   * Lookup97: pallet_plans::pallet::Error
   **/
  PalletPlansError: {
    _enum: ['FeedNotFound', 'PlanNotFound', 'PlanEnded', 'InvalidMode', 'InvalidRanges', 'ErasureRanges', 'IsGeneration', 'NotSponsor', 'QueueFull', 'AmendmentNotFound', 'NotAssigned', 'NotInSetup', 'NoProgress', 'EncodingPending', 'WrongSlotCount', 'UnevenSlots', 'WrongSlotLength', 'NotARepair', 'SlotsRemain', 'EncodingDone', 'InsufficientRatio', 'ZeroAmount', 'AlreadyReady']
  },
  /**
   * Lookup98: pallet_challenges::StorageChallenge
   **/
  PalletChallengesStorageChallenge: {
    plan: 'u64',
    position: 'u16',
    hoster: 'AccountId32',
    indexes: 'Vec<u64>',
    length: 'u64',
    treeHash: '[u8;32]',
    deadline: 'u32'
  },
  /**
   * Lookup99: pallet_challenges::PerformanceCheck
   **/
  PalletChallengesPerformanceCheck: {
    plan: 'u64',
    position: 'u16',
    hoster: 'AccountId32',
    attesters: 'Vec<AccountId32>',
    reports: 'Vec<PalletChallengesReport>',
    deadline: 'u32',
    length: 'u64',
    treeHash: '[u8;32]',
    indexes: 'Vec<u64>',
    setup: 'Option<u64>',
    retry: 'bool'
  },
  /**
   * Lookup100: pallet_challenges::Report
   **/
  PalletChallengesReport: {
    attester: 'AccountId32',
    success: 'bool',
    latencyMs: 'u32',
    throughput: 'u64',
    network: 'u32'
  },
  /**
   * Lookup103: pallet_challenges::CheckKind
   **/
  PalletChallengesCheckKind: {
    _enum: ['Storage', 'Performance']
  },
  /**
   * Lookup105: pallet_challenges::pallet::Call
   **/
  PalletChallengesCall: {
    _enum: {
      submit_storage_proof: {
        challenge: 'u64',
        proofs: 'Vec<Bytes>',
      },
      submit_performance_report: {
        check: 'u64',
        success: 'bool',
        latencyMs: 'u32',
        throughput: 'u64',
        network: 'u32',
        receipt: 'Option<PalletChallengesReceipt>'
      }
    }
  },
  /**
   * Lookup107: pallet_challenges::Receipt
   **/
  PalletChallengesReceipt: {
    indexes: 'Vec<u64>',
    hashes: 'Vec<[u8;32]>',
    proofs: 'Vec<Bytes>',
    signature: '[u8;64]'
  },
  /**
   * Lookup111: pallet_challenges::pallet::Event
   **/
  PalletChallengesEvent: {
    _enum: {
      StorageChallenge: {
        id: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
        indexes: 'Vec<u64>',
        rootLength: 'u64',
        deadline: 'u32',
      },
      StorageProofAccepted: {
        id: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
        paid: 'u128',
      },
      StorageProofFailed: {
        id: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
      },
      PerformanceCheck: {
        id: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
        attesters: 'Vec<AccountId32>',
        deadline: 'u32',
      },
      PerformanceSamples: {
        id: 'u64',
        indexes: 'Vec<u64>',
      },
      PerformanceReported: {
        id: 'u64',
        attester: 'AccountId32',
      },
      PerformanceResult: {
        id: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
        verdict: 'PalletChallengesVerdict',
        latencyMs: 'u32',
        throughput: 'u64',
        network: 'u32'
      }
    }
  },
  /**
   * Lookup112: pallet_challenges::Verdict
   **/
  PalletChallengesVerdict: {
    _enum: ['Served', 'NotServed', 'Inconclusive', 'Contained']
  },
  /**
   * Lookup113: pallet_challenges::pallet::Error
   **/
  PalletChallengesError: {
    _enum: ['ChallengeNotFound', 'ChallengeExpired', 'NotChallenged', 'WrongProofCount', 'ProofInvalid', 'NotAttester', 'AlreadyReported', 'SamplesPending', 'ReceiptMissing', 'ReceiptWrongIndexes', 'ReceiptSignatureInvalid', 'ReceiptHashInvalid']
  },
  /**
   * Lookup114: pallet_audits::EncodedPlan
   **/
  PalletAuditsEncodedPlan: {
    index: 'u32',
    encoders: 'Vec<AccountId32>'
  },
  /**
   * Lookup115: pallet_audits::Audit
   **/
  PalletAuditsAudit: {
    plan: 'u64',
    stripe: 'u64',
    positions: 'Vec<u16>',
    hosters: 'Vec<AccountId32>',
    deadline: 'u32'
  },
  /**
   * Lookup116: pallet_audits::pallet::Call
   **/
  PalletAuditsCall: {
    _enum: {
      submit_audit_shard: {
        audit: 'u64',
        position: 'u16',
        proof: 'Bytes'
      }
    }
  },
  /**
   * Lookup117: pallet_audits::pallet::Event
   **/
  PalletAuditsEvent: {
    _enum: {
      AuditOpened: {
        audit: 'u64',
        plan: 'u64',
        stripe: 'u64',
        positions: 'Vec<u16>',
        hosters: 'Vec<AccountId32>',
        deadline: 'u32',
      },
      AuditPassed: {
        audit: 'u64',
        plan: 'u64',
        stripe: 'u64',
      },
      AuditInconclusive: {
        audit: 'u64',
        plan: 'u64',
        stripe: 'u64',
      },
      AuditUnanswered: {
        audit: 'u64',
        plan: 'u64',
        position: 'u16',
        hoster: 'AccountId32',
      },
      EncodingFailed: {
        audit: 'u64',
        plan: 'u64',
        stripe: 'u64',
        encoders: 'Vec<AccountId32>',
        fault: 'PalletAuditsAuditFault'
      }
    }
  },
  /**
   * Lookup118: pallet_audits::AuditFault
   **/
  PalletAuditsAuditFault: {
    _enum: ['Malformed', 'NotTheFeed', 'WrongLength', 'ParityMismatch']
  },
  /**
   * Lookup119: pallet_audits::pallet::Error
   **/
  PalletAuditsError: {
    _enum: ['AuditNotFound', 'NotAudited', 'AlreadyAnswered', 'ProofInvalid']
  },
  /**
   * Lookup123: sp_runtime::MultiSignature
   **/
  SpRuntimeMultiSignature: {
    _enum: {
      Ed25519: 'SpCoreEd25519Signature',
      Sr25519: 'SpCoreSr25519Signature',
      Ecdsa: 'SpCoreEcdsaSignature'
    }
  },
  /**
   * Lookup124: sp_core::ed25519::Signature
   **/
  SpCoreEd25519Signature: '[u8;64]',
  /**
   * Lookup125: sp_core::sr25519::Signature
   **/
  SpCoreSr25519Signature: '[u8;64]',
  /**
   * Lookup126: sp_core::ecdsa::Signature
   **/
  SpCoreEcdsaSignature: '[u8;65]',
  /**
   * Lookup128: frame_system::extensions::check_spec_version::CheckSpecVersion
   **/
  FrameSystemExtensionsCheckSpecVersion: 'Null',
  /**
   * Lookup129: frame_system::extensions::check_tx_version::CheckTxVersion
   **/
  FrameSystemExtensionsCheckTxVersion: 'Null',
  /**
   * Lookup130: frame_system::extensions::check_genesis::CheckGenesis
   **/
  FrameSystemExtensionsCheckGenesis: 'Null',
  /**
   * Lookup135: datdot_runtime::Runtime
   **/
  DatdotRuntimeRuntime: 'Null'
};

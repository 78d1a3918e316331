// The Substrate types that clients recognise by their paths (STACK.md): polkadot-js finds the address,
// signature, call and event types through them, so their paths and shapes follow Substrate's.
import {
  AccountId32, H256, bytes, compact, enumOf, fixed, indexedEnum, opaque, runtimeEvent, seq, struct, tuple,
  u128, u32, u64, u8, unit
} from '../types/ty.js'
import type { JsOf, VariantSpec } from '../types/ty.js'

export const AccountData = struct('pallet_balances::types::AccountData', {
  free: u128, reserved: u128, frozen: u128, flags: u128
})

export const AccountInfo = struct('frame_system::AccountInfo', {
  nonce: u32, consumers: u32, providers: u32, sufficients: u32, data: AccountData
})
export type AccountInfoValue = JsOf<typeof AccountInfo>

export const Phase = enumOf('frame_system::Phase', { ApplyExtrinsic: u32, Finalization: null, Initialization: null })
export type PhaseValue = JsOf<typeof Phase>

export const EventRecord = struct('frame_system::EventRecord', { phase: Phase, event: runtimeEvent, topics: seq(H256) }, [
  { name: 'E', type: runtimeEvent }, { name: 'T', type: H256 }
])
export type EventRecordValue = JsOf<typeof EventRecord>

const ModuleError = struct('sp_runtime::ModuleError', { index: u8, error: fixed(4) })
const TokenError = enumOf('sp_runtime::TokenError', {
  FundsUnavailable: null, OnlyProvider: null, BelowMinimum: null, CannotCreate: null, UnknownAsset: null, Frozen: null, Unsupported: null
})
const ArithmeticError = enumOf('sp_arithmetic::ArithmeticError', { Underflow: null, Overflow: null, DivisionByZero: null })
const TransactionalError = enumOf('sp_runtime::TransactionalError', { LimitReached: null, NoLayer: null })

export const DispatchError = enumOf('sp_runtime::DispatchError', {
  Other: null,
  CannotLookup: null,
  BadOrigin: null,
  Module: ModuleError,
  ConsumerRemaining: null,
  NoProviders: null,
  TooManyConsumers: null,
  Token: TokenError,
  Arithmetic: ArithmeticError,
  Transactional: TransactionalError,
  Exhausted: null,
  Corruption: null,
  Unavailable: null,
  RootNotAllowed: null
})
export type DispatchErrorValue = JsOf<typeof DispatchError>

export const Weight = struct('sp_weights::weight_v2::Weight', { refTime: compact(u64), proofSize: compact(u64) })
export const DispatchInfo = struct('frame_support::dispatch::DispatchInfo', {
  weight: Weight,
  class: enumOf('frame_support::dispatch::DispatchClass', { Normal: null, Operational: null, Mandatory: null }),
  paysFee: enumOf('frame_support::dispatch::Pays', { Yes: null, No: null })
})
export type DispatchInfoValue = JsOf<typeof DispatchInfo>

/** A result with a unit Ok, as `Sudo::Sudid` reports. */
export const DispatchResult = enumOf('Result', { Ok: unit, Err: DispatchError }, [
  { name: 'T', type: unit }, { name: 'E', type: DispatchError }
])

/** `Immortal` and the 255 `MortalN(u8)` variants, as scale-info describes Substrate's Era. */
export const Era = indexedEnum('sp_runtime::generic::era::Era', Array.from({ length: 256 }, (_, i): VariantSpec =>
  i === 0 ? { name: 'Immortal', index: 0, def: null } : { name: `Mortal${i}`, index: i, def: u8 }))

export const MultiAddress = enumOf('sp_runtime::multiaddress::MultiAddress', {
  Id: AccountId32, Index: compact(u32), Raw: bytes, Address32: fixed(32), Address20: fixed(20)
}, [{ name: 'AccountId', type: AccountId32 }, { name: 'AccountIndex', type: u32 }])

export const MultiSignature = enumOf('sp_runtime::MultiSignature', {
  Ed25519: fixed(64, 'sp_core::ed25519::Signature'),
  Sr25519: fixed(64, 'sp_core::sr25519::Signature'),
  Ecdsa: fixed(65, 'sp_core::ecdsa::Signature')
})

const extension = (path: string) => struct(path, {})

/** The signed extensions, in order: what each adds to the extrinsic and to the signed payload. */
export const SIGNED_EXTENSIONS = [
  { identifier: 'CheckSpecVersion', type: extension('frame_system::extensions::check_spec_version::CheckSpecVersion'), additionalSigned: u32 },
  { identifier: 'CheckTxVersion', type: extension('frame_system::extensions::check_tx_version::CheckTxVersion'), additionalSigned: u32 },
  { identifier: 'CheckGenesis', type: extension('frame_system::extensions::check_genesis::CheckGenesis'), additionalSigned: H256 },
  { identifier: 'CheckMortality', type: Era, additionalSigned: H256 },
  { identifier: 'CheckNonce', type: compact(u32), additionalSigned: unit },
  { identifier: 'ChargeTransactionPayment', type: compact(u128), additionalSigned: unit }
] as const

export const UncheckedExtrinsic = opaque('sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic', [
  { name: 'Address', type: MultiAddress },
  { name: 'Call', type: { kind: 'outer', which: 'call' } },
  { name: 'Signature', type: MultiSignature },
  { name: 'Extra', type: tuple(...SIGNED_EXTENSIONS.map((e) => e.type)) }
])

import type { EnumTy, EnumValue, JsOf, Ty, VariantDef } from '../types/ty.js'
import { enumOf, indexedEnum, named } from '../types/ty.js'
import { snakeCase } from '../metadata/names.js'
import type { AnyStorageItem, StorageCtx } from './storage.js'
import { DispatchFailure } from './dispatch-error.js'
import type { ChainSpec } from '../spec/types.js'
import type { DispatchErrorValue } from '../metadata/substrate-types.js'
import type { CallCost } from './weight.js'
import { dbWeight } from './weight.js'

export type Origin = { type: 'Root' } | { type: 'Signed', who: Uint8Array } | { type: 'None' }

/** One entry of a block header's digest, as the runtime sees it. */
export interface DigestLog { engine: string, data: Uint8Array }

export interface BlockInfo {
  readonly number: number
  readonly parentHash: Uint8Array
  readonly digest: readonly DigestLog[]
}

/** Everything a call or hook may touch: state, codecs, the block, event deposit and nested dispatch. */
export interface DispatchCtx extends StorageCtx {
  readonly block: BlockInfo
  deposit (pallet: AnyPallet, event: unknown): void
  /**
   * Dispatches an encoded `RuntimeCall` with the given origin, transactionally (used by Sudo).
   * Returns null on success, else the dispatch error.
   */
  dispatch (call: Uint8Array, origin: Origin): DispatchErrorValue | null
}

export type ArgsOf<F extends Record<string, Ty>> = { [K in keyof F]: JsOf<F[K]> }

export interface CallSpec {
  readonly origin: 'signed' | 'root'
  readonly args: Record<string, Ty>
  readonly docs: string
  readonly cost: CallCost<any>
  readonly run: (ctx: DispatchCtx, origin: Origin, args: any) => void
}

/** What a call that declares no cost is taken to weigh: a few reads and writes. */
const DEFAULT_COST: CallCost<unknown> = { weight: dbWeight(4, 2) }

/** A call that an account signs; `who` is the signer. */
export function signedCall<F extends Record<string, Ty>> (args: F, run: (ctx: DispatchCtx, who: Uint8Array, args: ArgsOf<F>) => void, docs = '', cost: CallCost<ArgsOf<F>> = DEFAULT_COST): CallSpec {
  return { origin: 'signed', args, docs, cost, run: (ctx, origin, a) => run(ctx, (origin as { who: Uint8Array }).who, a) }
}

/** A call only the root origin (the dev chain's sudo key) may make. */
export function rootCall<F extends Record<string, Ty>> (args: F, run: (ctx: DispatchCtx, args: ArgsOf<F>) => void, docs = '', cost: CallCost<ArgsOf<F>> = DEFAULT_COST): CallSpec {
  return { origin: 'root', args, docs, cost, run: (ctx, _origin, a) => run(ctx, a) }
}

export interface ConstantSpec { readonly type: Ty, readonly value: unknown, readonly docs?: string }
export const constant = <D extends Ty>(type: D, value: JsOf<D>, docs?: string): ConstantSpec => ({ type, value, docs })

export interface Hooks {
  onInitialize? (ctx: DispatchCtx): void
  onFinalize? (ctx: DispatchCtx): void
  /**
   * A critical hook's failure makes the block invalid (the timestamp, the randomness). Others run
   * transactionally: a failure drops that hook's changes and is logged, and the chain goes on.
   */
  critical?: boolean
}

export interface PalletDef<S, E extends Record<string, VariantDef>, Er extends Record<string, string>, C extends Record<string, CallSpec>> {
  readonly name: string
  /** Rust crate the metadata paths are under; `pallet_<snake name>` if not given. */
  readonly crate?: string
  readonly storage?: S
  readonly events?: E
  /** Error name → what it means, in words a user can act on. */
  readonly errors?: Er
  readonly constants?: Record<string, ConstantSpec>
  readonly calls?: C
  readonly hooks?: Hooks
  /** Writes the pallet's genesis storage from the chain spec and what the node itself brings. */
  readonly genesis?: (ctx: DispatchCtx, spec: ChainSpec, node: GenesisNode) => void
}

/** What genesis takes from the node rather than from the spec: its secrets are no part of the spec. */
export interface GenesisNode {
  /** ed25519 public key of the block author. */
  readonly authority: Uint8Array
}

export class Pallet<S extends Record<string, AnyStorageItem>, E extends Record<string, VariantDef>, Er extends Record<string, string>, C extends Record<string, CallSpec>> {
  readonly name: string
  readonly crate: string
  readonly storage: S
  readonly eventTy: EnumTy<EnumValue<E>> | null
  readonly errorTy: EnumTy<unknown> | null
  readonly callTy: EnumTy<unknown> | null
  readonly calls: Array<{ name: string, spec: CallSpec }>
  readonly errorNames: string[]
  readonly errorDocs: Record<string, string>
  readonly constants: Record<string, ConstantSpec>
  readonly hooks: Hooks
  readonly genesis?: (ctx: DispatchCtx, spec: ChainSpec, node: GenesisNode) => void
  /** `errors.X()` makes the dispatch error `X` of this pallet, to be thrown from a call. */
  readonly errors: { [K in keyof Er]: (detail?: string) => DispatchFailure }

  constructor (def: PalletDef<S, E, Er, C>) {
    this.name = def.name
    this.crate = def.crate ?? `pallet_${snakeCase(def.name)}`
    this.storage = def.storage ?? ({} as S)
    for (const [item, s] of Object.entries(this.storage)) s.bind(def.name, item)
    this.eventTy = def.events ? enumOf(`${this.crate}::pallet::Event`, def.events) : null
    this.errorDocs = def.errors ?? {}
    this.errorNames = Object.keys(this.errorDocs)
    this.errorTy = def.errors
      ? indexedEnum(`${this.crate}::pallet::Error`, this.errorNames.map((name, index) => ({ name, index, def: null, docs: this.errorDocs[name] })))
      : null
    this.calls = Object.entries(def.calls ?? {}).map(([name, spec]) => ({ name, spec }))
    this.callTy = def.calls
      ? indexedEnum(`${this.crate}::pallet::Call`, this.calls.map(({ name, spec }, index) => ({ name: snakeCase(name), index, def: named(spec.args), docs: spec.docs })))
      : null
    this.constants = def.constants ?? {}
    this.hooks = def.hooks ?? {}
    this.genesis = def.genesis
    const errors: Record<string, (detail?: string) => DispatchFailure> = {}
    for (const name of this.errorNames) {
      errors[name] = (detail) => DispatchFailure.module(this, name, def.errors![name], detail)
    }
    this.errors = errors as Pallet<S, E, Er, C>['errors']
  }

  emit (ctx: DispatchCtx, event: EnumValue<E>): void {
    ctx.deposit(this, event)
  }
}

export type AnyPallet = Pallet<any, any, any, any>

export function definePallet<S extends Record<string, AnyStorageItem>, E extends Record<string, VariantDef>, Er extends Record<string, string>, C extends Record<string, CallSpec>> (def: PalletDef<S, E, Er, C>): Pallet<S, E, Er, C> {
  return new Pallet(def)
}

// Type descriptors: one declaration gives a value's SCALE layout (for the metadata's portable registry,
// encoded by polkadot-js) and its TypeScript shape (for the runtime code that reads and writes it).
// polkadot-js has no typed schema of this kind, so this small layer sits on top of its codecs.

export type PrimName = 'bool' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'i32' | 'i64' | 'str'

interface Phantom<T> { readonly __js?: T }

export interface PrimTy<T> extends Phantom<T> { readonly kind: 'prim', readonly prim: PrimName }
export interface CompactTy<T> extends Phantom<T> { readonly kind: 'compact', readonly inner: Ty<T> }
export interface BytesTy extends Phantom<Uint8Array> { readonly kind: 'bytes' }
/** `[u8; len]`, optionally wrapped in a named newtype (H256, AccountId32). */
export interface FixedTy extends Phantom<Uint8Array> { readonly kind: 'fixed', readonly len: number, readonly path?: readonly string[] }
export interface SeqTy<T> extends Phantom<T[]> { readonly kind: 'seq', readonly inner: Ty<T> }
export interface ArrayTy<T> extends Phantom<T[]> { readonly kind: 'array', readonly len: number, readonly inner: Ty<T> }
export interface TupleTy<T> extends Phantom<T> { readonly kind: 'tuple', readonly items: readonly Ty<unknown>[] }
export interface OptionTy<T> extends Phantom<T | null> { readonly kind: 'option', readonly inner: Ty<T> }
export interface StructTy<T> extends Phantom<T> {
  readonly kind: 'struct'
  readonly path: readonly string[]
  readonly fields: Readonly<Record<string, Ty<unknown>>>
  readonly params?: readonly TypeParam[]
}
export interface EnumTy<T> extends Phantom<T> {
  readonly kind: 'enum'
  readonly path: readonly string[]
  readonly variants: readonly VariantSpec[]
  readonly params?: readonly TypeParam[]
}
/**
 * The runtime's `RuntimeCall` or `RuntimeEvent`, handled as encoded bytes: they are only known once every
 * pallet is, yet pallets refer to them (Sudo takes a call, System stores events).
 */
export interface OuterTy extends Phantom<Uint8Array> { readonly kind: 'outer', readonly which: 'call' | 'event' }
/** A type with a fixed portable shape but no value the runtime handles (e.g. UncheckedExtrinsic). */
export interface OpaqueTy extends Phantom<Uint8Array> {
  readonly kind: 'opaque'
  readonly path: readonly string[]
  readonly params: readonly TypeParam[]
}

export type Ty<T = any> =
  | PrimTy<T> | CompactTy<T> | BytesTy | FixedTy | SeqTy<any> | ArrayTy<any> | TupleTy<T> | OptionTy<any>
  | StructTy<T> | EnumTy<T> | OuterTy | OpaqueTy

export interface TypeParam { readonly name: string, readonly type: Ty | null }

export type JsOf<D> = D extends Phantom<infer T> ? T : never

/** Named fields of a variant. */
export interface Named<F extends Record<string, Ty>> { readonly kind: 'named', readonly fields: F }
export type VariantDef = null | Ty | Named<Record<string, Ty>>
export interface VariantSpec { readonly name: string, readonly index: number, readonly def: VariantDef, readonly docs?: string }

type VariantValue<D> = D extends null ? undefined
  : D extends Named<infer F> ? { [K in keyof F]: JsOf<F[K]> }
    : JsOf<D>
/** Enum values are tagged unions: `{ type: 'Name', value }`. */
export type EnumValue<V extends Record<string, VariantDef>> = {
  [K in keyof V & string]: V[K] extends null ? { type: K, value?: undefined } : { type: K, value: VariantValue<V[K]> }
}[keyof V & string]

const prim = <T>(name: PrimName): PrimTy<T> => ({ kind: 'prim', prim: name })

export const bool = prim<boolean>('bool')
export const u8 = prim<number>('u8')
export const u16 = prim<number>('u16')
export const u32 = prim<number>('u32')
export const u64 = prim<bigint>('u64')
export const u128 = prim<bigint>('u128')
export const str = prim<string>('str')
export const bytes: BytesTy = { kind: 'bytes' }
export const runtimeCall: OuterTy = { kind: 'outer', which: 'call' }
export const runtimeEvent: OuterTy = { kind: 'outer', which: 'event' }

export const compact = <D extends Ty>(inner: D): CompactTy<JsOf<D>> => ({ kind: 'compact', inner })
export const fixed = (len: number, path?: string): FixedTy => ({ kind: 'fixed', len, path: path?.split('::') })
export const seq = <D extends Ty>(inner: D): SeqTy<JsOf<D>> => ({ kind: 'seq', inner })
export const array = <D extends Ty>(len: number, inner: D): ArrayTy<JsOf<D>> => ({ kind: 'array', len, inner })
export const option = <D extends Ty>(inner: D): OptionTy<JsOf<D>> => ({ kind: 'option', inner })
export const tuple = <I extends Ty[]>(...items: I): TupleTy<{ [K in keyof I]: JsOf<I[K]> }> => ({ kind: 'tuple', items })
export const unit = tuple()
export const named = <F extends Record<string, Ty>>(fields: F): Named<F> => ({ kind: 'named', fields })

export const struct = <F extends Record<string, Ty>>(path: string, fields: F, params?: TypeParam[]): StructTy<{ [K in keyof F]: JsOf<F[K]> }> =>
  ({ kind: 'struct', path: path.split('::'), fields, params })

/** Variants take indexes in declaration order, as a Rust enum without explicit discriminants. */
export function enumOf<V extends Record<string, VariantDef>> (path: string, variants: V, params?: TypeParam[]): EnumTy<EnumValue<V>> {
  return {
    kind: 'enum',
    path: path.split('::'),
    variants: Object.entries(variants).map(([name, def], index) => ({ name, index, def })),
    params
  }
}

/** An enum whose variant indexes are given explicitly (e.g. pallets by their index). */
export function indexedEnum (path: string, variants: VariantSpec[], params?: TypeParam[]): EnumTy<unknown> {
  return { kind: 'enum', path: path.split('::'), variants, params }
}

export const opaque = (path: string, params: TypeParam[]): OpaqueTy => ({ kind: 'opaque', path: path.split('::'), params })

export const H256 = fixed(32, 'primitive_types::H256')
export const AccountId32 = fixed(32, 'sp_core::crypto::AccountId32')

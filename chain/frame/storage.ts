import { u8aConcat, u8aToHex, hexToU8a, stringToU8a } from '@polkadot/util'
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto'
import type { JsOf, Ty } from '../types/ty.js'
import type { TypeCodec } from '../types/codec.js'
import type { Overlay, StorageKey } from '../state/overlay.js'

export type Hasher = 'Blake2_128' | 'Blake2_256' | 'Blake2_128Concat' | 'Twox128' | 'Twox256' | 'Twox64Concat' | 'Identity'

/** What storage code needs: the state it reads and writes and the runtime's codecs. */
export interface StorageCtx {
  readonly state: Overlay
  readonly codec: TypeCodec
}

const CONCAT_PREFIX: Partial<Record<Hasher, number>> = { Blake2_128Concat: 16, Twox64Concat: 8, Identity: 0 }

export function hash (hasher: Hasher, data: Uint8Array): Uint8Array {
  switch (hasher) {
    case 'Blake2_128': return blake2AsU8a(data, 128)
    case 'Blake2_256': return blake2AsU8a(data, 256)
    case 'Blake2_128Concat': return u8aConcat(blake2AsU8a(data, 128), data)
    case 'Twox128': return xxhashAsU8a(data, 128)
    case 'Twox256': return xxhashAsU8a(data, 256)
    case 'Twox64Concat': return u8aConcat(xxhashAsU8a(data, 64), data)
    case 'Identity': return data
  }
}

/** `twox128(pallet) ++ twox128(item)`, the prefix of every key of a storage item. */
export function itemPrefix (pallet: string, item: string): Uint8Array {
  return u8aConcat(xxhashAsU8a(stringToU8a(pallet), 128), xxhashAsU8a(stringToU8a(item), 128))
}

/** What metadata says of a storage item. */
export interface StorageItemMeta {
  readonly modifier: 'Optional' | 'Default'
  readonly value: Ty
  readonly keys: readonly Ty[]
  readonly hashers: readonly Hasher[]
  readonly fallback: unknown
  readonly docs: string
}

abstract class StorageItem<V, Q> {
  #prefix: string | null = null
  #name = ''

  constructor (readonly meta: StorageItemMeta) {}

  /** Called once by `definePallet`: the item learns the pallet and name its keys derive from. */
  bind (pallet: string, name: string): void {
    if (this.#prefix !== null) throw new Error(`storage item ${pallet}.${name} is already bound to ${this.#name}`)
    this.#prefix = u8aToHex(itemPrefix(pallet, name))
    this.#name = `${pallet}.${name}`
  }

  get name (): string { return this.#name }

  get prefix (): StorageKey {
    if (this.#prefix === null) throw new Error('storage item used before its pallet was defined')
    return this.#prefix
  }

  protected keyOf (ctx: StorageCtx, keys: readonly unknown[]): StorageKey {
    const parts = keys.map((k, i) => u8aToHex(hash(this.meta.hashers[i], ctx.codec.encode(this.meta.keys[i], k as never)), -1, false))
    return this.prefix + parts.join('')
  }

  protected read (ctx: StorageCtx, key: StorageKey): Q {
    const raw = ctx.state.get(key)
    if (raw === null) return (this.meta.modifier === 'Default' ? this.meta.fallback : null) as Q
    return ctx.codec.decode(this.meta.value, raw) as Q
  }

  protected write (ctx: StorageCtx, key: StorageKey, value: V): void {
    const bytes = ctx.codec.encode(this.meta.value, value as never)
    // The state trie treats an empty value as no value: a type that encodes to nothing cannot be stored.
    if (bytes.length === 0) throw new Error(`${this.name}: a value that encodes to no bytes cannot be stored`)
    ctx.state.set(key, bytes)
  }

  /** Decodes the map keys back out of a full storage key (only for transparent hashers). */
  protected keysOf (ctx: StorageCtx, key: StorageKey): unknown[] {
    const data = hexToU8a(key).subarray((this.prefix.length - 2) / 2)
    const out: unknown[] = []
    let offset = 0
    this.meta.keys.forEach((ty, i) => {
      const skip = CONCAT_PREFIX[this.meta.hashers[i]]
      if (skip === undefined) throw new Error(`${this.name}: keys hashed with ${this.meta.hashers[i]} cannot be read back`)
      const [value, length] = ctx.codec.decodePrefix(ty, data.subarray(offset + skip))
      out.push(value)
      offset += skip + length
    })
    return out
  }
}

export class StorageValue<V, Q> extends StorageItem<V, Q> {
  key (): StorageKey { return this.prefix }
  get (ctx: StorageCtx): Q { return this.read(ctx, this.prefix) }
  set (ctx: StorageCtx, value: V): void { this.write(ctx, this.prefix, value) }
  kill (ctx: StorageCtx): void { ctx.state.delete(this.prefix) }
  mutate (ctx: StorageCtx, fn: (current: Q) => V): V {
    const next = fn(this.get(ctx))
    this.set(ctx, next)
    return next
  }
}

export class StorageMap<K, V, Q> extends StorageItem<V, Q> {
  key (ctx: StorageCtx, k: K): StorageKey { return this.keyOf(ctx, [k]) }
  get (ctx: StorageCtx, k: K): Q { return this.read(ctx, this.key(ctx, k)) }
  contains (ctx: StorageCtx, k: K): boolean { return ctx.state.get(this.key(ctx, k)) !== null }
  /** The stored value, or null when there is none (whatever the item's default): one read for `contains` and `get`. */
  find (ctx: StorageCtx, k: K): V | null {
    const raw = ctx.state.get(this.key(ctx, k))
    return raw === null ? null : ctx.codec.decode(this.meta.value, raw) as V
  }

  set (ctx: StorageCtx, k: K, value: V): void { this.write(ctx, this.key(ctx, k), value) }
  remove (ctx: StorageCtx, k: K): void { ctx.state.delete(this.key(ctx, k)) }
  mutate (ctx: StorageCtx, k: K, fn: (current: Q) => V): V {
    const next = fn(this.get(ctx, k))
    this.set(ctx, k, next)
    return next
  }

  /** All entries in key order; `limit` and `after` (a key from a previous page) page through them. */
  entries (ctx: StorageCtx, opts: { after?: StorageKey, limit?: number } = {}): Array<[K, V, StorageKey]> {
    return ctx.state.keysWithPrefix(this.prefix, opts.after, opts.limit).map((key) =>
      [this.keysOf(ctx, key)[0] as K, this.read(ctx, key) as unknown as V, key])
  }
}

export class StorageDoubleMap<K1, K2, V, Q> extends StorageItem<V, Q> {
  key (ctx: StorageCtx, k1: K1, k2: K2): StorageKey { return this.keyOf(ctx, [k1, k2]) }
  get (ctx: StorageCtx, k1: K1, k2: K2): Q { return this.read(ctx, this.key(ctx, k1, k2)) }
  contains (ctx: StorageCtx, k1: K1, k2: K2): boolean { return ctx.state.get(this.key(ctx, k1, k2)) !== null }
  set (ctx: StorageCtx, k1: K1, k2: K2, value: V): void { this.write(ctx, this.key(ctx, k1, k2), value) }
  remove (ctx: StorageCtx, k1: K1, k2: K2): void { ctx.state.delete(this.key(ctx, k1, k2)) }

  /** All entries, in key order. */
  entries (ctx: StorageCtx, opts: { after?: StorageKey, limit?: number } = {}): Array<[[K1, K2], V, StorageKey]> {
    return ctx.state.keysWithPrefix(this.prefix, opts.after, opts.limit).map((key) =>
      [this.keysOf(ctx, key) as [K1, K2], this.read(ctx, key) as unknown as V, key])
  }

  /** The entries under the first key, in key order. */
  entriesOf (ctx: StorageCtx, k1: K1, opts: { after?: StorageKey, limit?: number } = {}): Array<[K2, V, StorageKey]> {
    const prefix = this.prefix + u8aToHex(hash(this.meta.hashers[0], ctx.codec.encode(this.meta.keys[0], k1 as never)), -1, false)
    return ctx.state.keysWithPrefix(prefix, opts.after, opts.limit).map((key) =>
      [this.keysOf(ctx, key)[1] as K2, this.read(ctx, key) as unknown as V, key])
  }
}

interface ItemOpts { docs?: string }

export function value<D extends Ty> (opts: ItemOpts & { type: D }): StorageValue<JsOf<D>, JsOf<D> | null>
export function value<D extends Ty> (opts: ItemOpts & { type: D, default: JsOf<D> }): StorageValue<JsOf<D>, JsOf<D>>
export function value (opts: ItemOpts & { type: Ty, default?: unknown }): StorageValue<unknown, unknown> {
  return new StorageValue(meta(opts.type, [], [], opts))
}

export function map<KD extends Ty, VD extends Ty> (opts: ItemOpts & { hasher: Hasher, key: KD, value: VD }): StorageMap<JsOf<KD>, JsOf<VD>, JsOf<VD> | null>
export function map<KD extends Ty, VD extends Ty> (opts: ItemOpts & { hasher: Hasher, key: KD, value: VD, default: JsOf<VD> }): StorageMap<JsOf<KD>, JsOf<VD>, JsOf<VD>>
export function map (opts: ItemOpts & { hasher: Hasher, key: Ty, value: Ty, default?: unknown }): StorageMap<unknown, unknown, unknown> {
  return new StorageMap(meta(opts.value, [opts.key], [opts.hasher], opts))
}

export function doubleMap<K1 extends Ty, K2 extends Ty, VD extends Ty> (opts: ItemOpts & { hashers: [Hasher, Hasher], keys: [K1, K2], value: VD }): StorageDoubleMap<JsOf<K1>, JsOf<K2>, JsOf<VD>, JsOf<VD> | null>
export function doubleMap<K1 extends Ty, K2 extends Ty, VD extends Ty> (opts: ItemOpts & { hashers: [Hasher, Hasher], keys: [K1, K2], value: VD, default: JsOf<VD> }): StorageDoubleMap<JsOf<K1>, JsOf<K2>, JsOf<VD>, JsOf<VD>>
export function doubleMap (opts: ItemOpts & { hashers: [Hasher, Hasher], keys: [Ty, Ty], value: Ty, default?: unknown }): StorageDoubleMap<unknown, unknown, unknown, unknown> {
  return new StorageDoubleMap(meta(opts.value, opts.keys, opts.hashers, opts))
}

function meta (valueTy: Ty, keys: Ty[], hashers: Hasher[], opts: ItemOpts & { default?: unknown }): StorageItemMeta {
  const hasDefault = 'default' in opts
  return { modifier: hasDefault ? 'Default' : 'Optional', value: valueTy, keys, hashers, fallback: hasDefault ? opts.default : null, docs: opts.docs ?? '' }
}

export type AnyStorageItem = StorageValue<any, any> | StorageMap<any, any, any> | StorageDoubleMap<any, any, any, any>

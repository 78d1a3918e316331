import type { Registry, Codec } from '@polkadot/types/types'
import type { Struct, Enum, Option, Tuple, Vec, Compact, bool, Text, u32 } from '@polkadot/types-codec'
import { u8aToHex } from '@polkadot/util'
import type { JsOf, Ty } from './ty.js'
import { decodeFixed, encodeFixed, fixedCodec, variantCodec } from './fixed-codec.js'

interface ToNumber { toNumber(): number }
interface ToBigInt { toBigInt(): bigint }

/**
 * SCALE encoding and decoding of descriptor-typed values, done by polkadot-js codecs built from the
 * runtime's own metadata, so that the node writes exactly the bytes every polkadot-js client reads; values
 * of fixed size are read and written directly (fixed-codec.ts), to the same bytes.
 */
export class TypeCodec {
  constructor (readonly registry: Registry, readonly idOf: (ty: Ty) => number) {}

  typeName (ty: Ty): string {
    return this.registry.createLookupType(this.idOf(ty))
  }

  toCodec<D extends Ty> (ty: D, value: JsOf<D>): Codec {
    return this.registry.createTypeUnsafe(this.typeName(ty), [toInput(ty, value)])
  }

  encode<D extends Ty> (ty: D, value: JsOf<D>): Uint8Array {
    const fixed = fixedCodec(ty)
    if (fixed !== null) return encodeFixed(fixed, value)
    // An enum's variant of fixed content (most events): its index, then the content.
    if (ty.kind === 'enum') {
      const variant = ty.variants.find((v) => v.name === (value as { type: string }).type)
      const content = variant === undefined ? null : variantCodec(variant)
      if (variant !== undefined && content !== null) {
        const out = new Uint8Array(1 + content.size)
        out[0] = variant.index
        content.write(new DataView(out.buffer, 1), 0, (value as { value: unknown }).value)
        return out
      }
    }
    return this.toCodec(ty, value).toU8a()
  }

  /** Decodes SCALE bytes; throws on bytes that are not a whole, valid value of the type. */
  decode<D extends Ty> (ty: D, data: Uint8Array): JsOf<D> {
    const fixed = fixedCodec(ty)
    if (fixed !== null) return decodeFixed(fixed, data) as JsOf<D>
    const codec = this.registry.createTypeUnsafe(this.typeName(ty), [data], { isPedantic: true })
    return fromCodec(ty, codec) as JsOf<D>
  }

  /** Decodes one value at the start of `data`, returning it with the number of bytes it took. */
  decodePrefix<D extends Ty> (ty: D, data: Uint8Array): [JsOf<D>, number] {
    const fixed = fixedCodec(ty)
    if (fixed !== null) return [decodeFixed(fixed, data.subarray(0, fixed.size)) as JsOf<D>, fixed.size]
    const codec = this.registry.createTypeUnsafe(this.typeName(ty), [data])
    return [fromCodec(ty, codec) as JsOf<D>, codec.encodedLength]
  }
}

/** Turns a descriptor-typed value into what `createType` accepts. */
export function toInput (ty: Ty, value: any): unknown {
  switch (ty.kind) {
    case 'prim': case 'outer': return value
    // polkadot-js reads a Uint8Array as already SCALE-encoded (a length first for Bytes, a flag first
    // inside an Option); hex is always read as the content itself.
    case 'bytes': case 'opaque': case 'fixed': return u8aToHex(value as Uint8Array)
    case 'compact': return toInput(ty.inner, value)
    case 'seq': case 'array': return (value as unknown[]).map((v) => toInput(ty.inner, v))
    case 'tuple': return ty.items.map((item, i) => toInput(item, (value as unknown[])[i]))
    case 'option': return value === null ? null : toInput(ty.inner, value)
    case 'struct': {
      const out: Record<string, unknown> = {}
      for (const [name, t] of Object.entries(ty.fields)) out[name] = toInput(t, value[name])
      return out
    }
    case 'enum': {
      const variant = ty.variants.find((v) => v.name === value.type)
      if (!variant) throw new TypeError(`${ty.path.join('::')} has no variant ${String(value.type)}`)
      if (variant.def === null) return { [variant.name]: null }
      if (variant.def.kind === 'named') {
        const out: Record<string, unknown> = {}
        for (const [name, t] of Object.entries(variant.def.fields)) out[name] = toInput(t, value.value[name])
        return { [variant.name]: out }
      }
      return { [variant.name]: toInput(variant.def, value.value) }
    }
  }
}

/** Reads a polkadot-js codec back into the descriptor's TypeScript shape. */
export function fromCodec (ty: Ty, codec: Codec): unknown {
  switch (ty.kind) {
    case 'prim':
      switch (ty.prim) {
        case 'bool': return (codec as bool).isTrue
        case 'str': return (codec as Text).toString()
        case 'u64': case 'u128': case 'i64': return (codec as unknown as ToBigInt).toBigInt()
        default: return (codec as unknown as ToNumber).toNumber()
      }
    case 'compact': return fromCodec(ty.inner, (codec as Compact<u32>).unwrap())
    case 'bytes': return codec.toU8a(true)
    case 'fixed': case 'outer': case 'opaque': return codec.toU8a()
    case 'seq': case 'array': return (codec as Vec<Codec>).map((c) => fromCodec(ty.inner, c))
    case 'tuple': return ty.items.map((item, i) => fromCodec(item, (codec as Tuple)[i]))
    case 'option': {
      const opt = codec as Option<Codec>
      return opt.isSome ? fromCodec(ty.inner, opt.unwrap()) : null
    }
    case 'struct': {
      const out: Record<string, unknown> = {}
      for (const [name, t] of Object.entries(ty.fields)) out[name] = fromCodec(t, (codec as Struct).get(name) as Codec)
      return out
    }
    case 'enum': {
      const e = codec as Enum
      const variant = ty.variants.find((v) => v.index === e.index)
      if (!variant) throw new TypeError(`${ty.path.join('::')} has no variant at index ${e.index}`)
      if (variant.def === null) return { type: variant.name }
      if (variant.def.kind === 'named') {
        const inner = e.inner as Struct
        const out: Record<string, unknown> = {}
        for (const [name, t] of Object.entries(variant.def.fields)) out[name] = fromCodec(t, inner.get(name) as Codec)
        return { type: variant.name, value: out }
      }
      return { type: variant.name, value: fromCodec(variant.def, e.inner) }
    }
  }
}

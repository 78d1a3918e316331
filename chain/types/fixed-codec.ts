import type { Ty, VariantSpec } from './ty.js'

// SCALE of fixed-size types (integers, bools, byte arrays and structs, tuples and arrays of them) is their
// fields' little-endian bytes one after the other. These are most of the values a block reads and writes
// (every account, every provider), and building polkadot-js codecs for them was a third of the time of
// importing a signed extrinsic; so they are read and written here directly, byte for byte as polkadot-js
// does (fixed-codec.test.ts compares the two on every such storage value of the runtime).

export interface FixedCodec {
  readonly size: number
  read (view: DataView, at: number): unknown
  write (view: DataView, at: number, value: any): void
}

const U64 = (1n << 64n) - 1n

function int (size: 1 | 2 | 4, signed: boolean): FixedCodec {
  const min = signed ? -(2 ** (8 * size - 1)) : 0
  const max = signed ? 2 ** (8 * size - 1) - 1 : 2 ** (8 * size) - 1
  return {
    size,
    read (view, at) {
      if (size === 1) return signed ? view.getInt8(at) : view.getUint8(at)
      if (size === 2) return signed ? view.getInt16(at, true) : view.getUint16(at, true)
      return signed ? view.getInt32(at, true) : view.getUint32(at, true)
    },
    write (view, at, value: number) {
      if (!Number.isInteger(value) || value < min || value > max) throw new TypeError(`${value} is not a ${signed ? 'i' : 'u'}${8 * size}`)
      // Two's complement: the unsigned setters write a negative value's bytes as the signed ones would.
      if (size === 1) view.setUint8(at, value & 0xff)
      else if (size === 2) view.setUint16(at, value & 0xffff, true)
      else view.setUint32(at, value >>> 0, true)
    }
  }
}

function bigInt (size: 8 | 16, signed: boolean): FixedCodec {
  const bits = BigInt(8 * size)
  const min = signed ? -(1n << (bits - 1n)) : 0n
  const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n
  return {
    size,
    read (view, at) {
      if (size === 8) return signed ? view.getBigInt64(at, true) : view.getBigUint64(at, true)
      const unsigned = view.getBigUint64(at, true) | (view.getBigUint64(at + 8, true) << 64n)
      return signed ? BigInt.asIntN(128, unsigned) : unsigned
    },
    write (view, at, value: bigint) {
      if (typeof value !== 'bigint' || value < min || value > max) throw new TypeError(`${value} is not a ${signed ? 'i' : 'u'}${bits}`)
      if (size === 8) return signed ? view.setBigInt64(at, value, true) : view.setBigUint64(at, value, true)
      const unsigned = BigInt.asUintN(128, value)
      view.setBigUint64(at, unsigned & U64, true)
      view.setBigUint64(at + 8, unsigned >> 64n, true)
    }
  }
}

const BOOL: FixedCodec = {
  size: 1,
  read (view, at) {
    const b = view.getUint8(at)
    if (b > 1) throw new TypeError(`${b} is not a bool`)
    return b === 1
  },
  write: (view, at, value: boolean) => view.setUint8(at, value ? 1 : 0)
}

const PRIMS: Partial<Record<string, FixedCodec>> = {
  bool: BOOL, u8: int(1, false), u16: int(2, false), u32: int(4, false), i32: int(4, true), u64: bigInt(8, false), i64: bigInt(8, true), u128: bigInt(16, false)
}

function bytesOf (len: number): FixedCodec {
  return {
    size: len,
    read: (view, at) => new Uint8Array(view.buffer, view.byteOffset + at, len).slice(),
    write (view, at, value: Uint8Array) {
      if (!(value instanceof Uint8Array) || value.length !== len) throw new TypeError(`expected ${len} bytes`)
      new Uint8Array(view.buffer, view.byteOffset + at, len).set(value)
    }
  }
}

/** Fields one after another: a struct (named) or a tuple or array (indexed). */
function sequence (parts: ReadonlyArray<[string | number, FixedCodec]>, make: () => any): FixedCodec {
  const offsets: number[] = []
  let size = 0
  for (const [, c] of parts) { offsets.push(size); size += c.size }
  return {
    size,
    read (view, at) {
      const out = make()
      parts.forEach(([key, c], i) => { out[key] = c.read(view, at + offsets[i]) })
      return out
    },
    write (view, at, value) {
      parts.forEach(([key, c], i) => c.write(view, at + offsets[i], value[key]))
    }
  }
}

/** Named fields, as a struct or an enum variant has them. */
function fields (named: Readonly<Record<string, Ty>>): FixedCodec | null {
  const parts = Object.entries(named).map(([name, t]) => [name, fixedCodec(t)] as const)
  return parts.every(([, c]) => c !== null) ? sequence(parts as Array<[string, FixedCodec]>, () => ({})) : null
}

/** `build`, once per descriptor (descriptors are made once, at module load). */
function memoized<K extends object> (build: (key: K) => FixedCodec | null): (key: K) => FixedCodec | null {
  const cache = new WeakMap<K, FixedCodec | null>()
  return (key) => {
    let codec = cache.get(key)
    if (codec === undefined) cache.set(key, codec = build(key))
    return codec
  }
}

/** The direct codec of a fixed-size type, or null for one of variable size (it goes through polkadot-js). */
export const fixedCodec = memoized((ty: Ty): FixedCodec | null => {
  switch (ty.kind) {
    case 'prim': return PRIMS[ty.prim] ?? null
    case 'fixed': return bytesOf(ty.len)
    case 'struct': return fields(ty.fields)
    case 'tuple': {
      const parts = ty.items.map((t, i) => [i, fixedCodec(t)] as const)
      return parts.every(([, c]) => c !== null) ? sequence(parts as Array<[number, FixedCodec]>, () => []) : null
    }
    case 'array': {
      const inner = fixedCodec(ty.inner)
      return inner === null ? null : sequence(Array.from({ length: ty.len }, (_, i) => [i, inner]), () => [])
    }
    default: return null
  }
})

const NOTHING: FixedCodec = { size: 0, read: () => undefined, write: () => {} }

/** The direct codec of an enum variant's content (what follows its index byte), or null if it is not fixed-size. */
export const variantCodec = memoized((variant: VariantSpec): FixedCodec | null => {
  const def = variant.def
  if (def === null) return NOTHING
  if (def.kind !== 'named') return fixedCodec(def)
  return fields(def.fields)
})

export function encodeFixed (codec: FixedCodec, value: unknown): Uint8Array {
  const out = new Uint8Array(codec.size)
  codec.write(new DataView(out.buffer), 0, value)
  return out
}

/** Decodes `data`, which must be exactly one value (as polkadot-js's pedantic decoding requires). */
export function decodeFixed (codec: FixedCodec, data: Uint8Array): unknown {
  if (data.length !== codec.size) throw new TypeError(`expected ${codec.size} bytes, got ${data.length}`)
  return codec.read(new DataView(data.buffer, data.byteOffset, data.length), 0)
}

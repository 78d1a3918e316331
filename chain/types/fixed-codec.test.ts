import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { u8aToHex } from '@polkadot/util'
import { Runtime } from '../runtime/runtime.js'
import { PALLETS } from '../runtime/pallets.js'
import type { Ty } from './ty.js'
import { decodeFixed, encodeFixed, fixedCodec, variantCodec } from './fixed-codec.js'

/** Random values of a fixed-size type, in the descriptor's TypeScript shape. */
function arbitrary (ty: Ty): fc.Arbitrary<unknown> {
  switch (ty.kind) {
    case 'prim':
      switch (ty.prim) {
        case 'bool': return fc.boolean()
        case 'u8': return fc.integer({ min: 0, max: 255 })
        case 'u16': return fc.integer({ min: 0, max: 65535 })
        case 'u32': return fc.nat({ max: 2 ** 32 - 1 })
        case 'i32': return fc.integer()
        case 'u64': return fc.bigInt({ min: 0n, max: (1n << 64n) - 1n })
        case 'i64': return fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n })
        case 'u128': return fc.bigInt({ min: 0n, max: (1n << 128n) - 1n })
        default: throw new Error(`no fixed ${ty.prim}`)
      }
    case 'fixed': return fc.uint8Array({ minLength: ty.len, maxLength: ty.len })
    case 'struct': return fc.record(Object.fromEntries(Object.entries(ty.fields).map(([k, t]) => [k, arbitrary(t)])), { noNullPrototype: true })
    case 'tuple': return fc.tuple(...ty.items.map(arbitrary))
    case 'array': return fc.array(arbitrary(ty.inner), { minLength: ty.len, maxLength: ty.len })
    default: throw new Error(`no fixed ${ty.kind}`)
  }
}

test('fixed-size values are written and read byte for byte as polkadot-js does, for every storage value and key of the runtime', () => {
  const { codec } = new Runtime(PALLETS).meta
  const types = new Set<Ty>()
  for (const { pallet } of PALLETS) {
    for (const item of Object.values(pallet.storage) as Array<{ meta: { value: Ty, keys: readonly Ty[] } }>) {
      for (const ty of [item.meta.value, ...item.meta.keys]) if (fixedCodec(ty) !== null) types.add(ty)
    }
  }
  assert.ok(types.size >= 10, `${types.size} fixed-size types`)
  const byPolkadot = (ty: Ty, value: unknown): Uint8Array => codec.toCodec(ty, value as never).toU8a()
  for (const ty of types) {
    const fixed = fixedCodec(ty)!
    fc.assert(fc.property(arbitrary(ty), (value) => {
      const bytes = byPolkadot(ty, value)
      assert.equal(u8aToHex(encodeFixed(fixed, value)), u8aToHex(bytes))
      assert.deepEqual(decodeFixed(fixed, bytes), value)
      assert.deepEqual(codec.decode(ty, bytes), value)
    }), { numRuns: 50 })
  }
})

test('events of fixed content are written as polkadot-js writes them', () => {
  const { codec } = new Runtime(PALLETS).meta
  let variants = 0
  for (const { pallet } of PALLETS) {
    const ty = pallet.eventTy
    if (ty === null) continue
    for (const variant of ty.variants) {
      const content = variantCodec(variant)
      if (content === null) continue
      variants++
      const def = variant.def
      const value = def === null ? fc.constant(undefined) : arbitrary(def.kind === 'named' ? { kind: 'struct', path: [], fields: def.fields } : def)
      fc.assert(fc.property(value, (v) => {
        const event = (v === undefined ? { type: variant.name } : { type: variant.name, value: v }) as never
        assert.equal(u8aToHex(codec.encode(ty, event)), u8aToHex(codec.toCodec(ty, event).toU8a()))
      }), { numRuns: 20 })
    }
  }
  assert.ok(variants >= 20, `${variants} events of fixed content`)
})

test('fixed-size decoding refuses what polkadot-js pedantic decoding refuses; encoding refuses values out of range', () => {
  const { codec } = new Runtime(PALLETS).meta
  const struct = PALLETS.find(({ pallet }) => pallet.name === 'System')!.pallet.storage.Account.meta.value as Ty
  const size = fixedCodec(struct)!.size
  assert.throws(() => codec.decode(struct, new Uint8Array(size - 1)), /expected 80 bytes, got 79/)
  assert.throws(() => codec.decode(struct, new Uint8Array(size + 1)), /expected 80 bytes, got 81/)
  const bool: Ty = { kind: 'prim', prim: 'bool' }
  assert.throws(() => codec.decode(bool, new Uint8Array([2])), /2 is not a bool/)
  const u32: Ty = { kind: 'prim', prim: 'u32' }
  assert.throws(() => codec.encode(u32, 2 ** 32), /is not a u32/)
  assert.throws(() => codec.encode(u32, -1), /is not a u32/)
  const u128: Ty = { kind: 'prim', prim: 'u128' }
  assert.throws(() => codec.encode(u128, 1n << 128n), /is not a u128/)
})

import { TypeRegistry, Metadata } from '@polkadot/types'
import { u8aToHex } from '@polkadot/util'
import type { AnyPallet } from '../frame/pallet.js'
import type { AnyStorageItem } from '../frame/storage.js'
import { indexedEnum, tuple } from '../types/ty.js'
import type { Ty } from '../types/ty.js'
import { TypeCodec } from '../types/codec.js'
import { PortableRegistryBuilder } from './portable.js'
import { SIGNED_EXTENSIONS, UncheckedExtrinsic } from './substrate-types.js'

export interface PalletSlot { readonly index: number, readonly pallet: AnyPallet }

export interface RuntimeMetadata {
  readonly registry: TypeRegistry
  readonly metadata: Metadata
  readonly codec: TypeCodec
  readonly callTy: Ty
  readonly eventTy: Ty
}

const MAGIC_NUMBER = 0x6174656d // "meta"

/**
 * Generates the runtime's metadata (v14) from the pallets' declarations and the registry that decodes with
 * it. Nothing here is written by hand per pallet: storage, calls, events, errors and constants all come
 * from `definePallet`.
 */
export function buildMetadata (slots: readonly PalletSlot[], name = 'datdot_runtime'): RuntimeMetadata {
  const types = new PortableRegistryBuilder()
  const callTy = indexedEnum(`${name}::RuntimeCall`, slots.filter((s) => s.pallet.callTy)
    .map((s) => ({ name: s.pallet.name, index: s.index, def: s.pallet.callTy })))
  const eventTy = indexedEnum(`${name}::RuntimeEvent`, slots.filter((s) => s.pallet.eventTy)
    .map((s) => ({ name: s.pallet.name, index: s.index, def: s.pallet.eventTy })))
  const runtimeTy = indexedEnum(`${name}::Runtime`, [])

  const registry = new TypeRegistry()
  // Pallets first, then the outer enums over them, so that type ids follow declaration order.
  const pallets = slots.map(({ index, pallet }) => ({
    name: pallet.name,
    index,
    storage: Object.keys(pallet.storage).length === 0
      ? null
      : {
          prefix: pallet.name,
          items: Object.entries(pallet.storage as Record<string, AnyStorageItem>).map(([item, s]) => storageItemMeta(types, item, s))
        },
    calls: pallet.callTy ? { type: types.idOf(pallet.callTy) } : null,
    events: pallet.eventTy ? { type: types.idOf(pallet.eventTy) } : null,
    constants: Object.entries(pallet.constants).map(([cname, c]) => ({ name: cname, type: types.idOf(c.type), value: c, docs: c.docs ? [c.docs] : [] })),
    errors: pallet.errorTy ? { type: types.idOf(pallet.errorTy) } : null,
    errorDocs: pallet.errorDocs
  }))
  types.defineOuter('call', callTy)
  types.defineOuter('event', eventTy)
  const extrinsic = {
    type: types.idOf(UncheckedExtrinsic),
    version: 4,
    signedExtensions: SIGNED_EXTENSIONS.map((e) => ({ identifier: e.identifier, type: types.idOf(e.type), additionalSigned: types.idOf(e.additionalSigned) }))
  }
  const runtimeId = types.idOf(runtimeTy)

  // Values (constants, storage fallbacks) are encoded with a registry that already knows the types.
  const bootstrap = new TypeRegistry()
  bootstrap.setMetadata(new Metadata(bootstrap, metadataJson(types, pallets, extrinsic, runtimeId, () => '0x')))
  const bootstrapCodec = new TypeCodec(bootstrap, (ty) => types.idOf(ty))
  const json = metadataJson(types, pallets, extrinsic, runtimeId, (ty, value) => u8aToHex(bootstrapCodec.encode(ty, value as never)))

  const metadata = new Metadata(registry, json)
  registry.setMetadata(metadata)
  return { registry, metadata, codec: new TypeCodec(registry, (ty) => types.idOf(ty)), callTy, eventTy }
}

type Encode = (ty: Ty, value: unknown) => string

function storageItemMeta (types: PortableRegistryBuilder, name: string, item: AnyStorageItem) {
  const { meta } = item
  const value = types.idOf(meta.value)
  const type = meta.keys.length === 0
    ? { Plain: value }
    : { Map: { hashers: meta.hashers, key: types.idOf(meta.keys.length === 1 ? meta.keys[0] : tuple(...meta.keys)), value } }
  return { name, modifier: meta.modifier, type, meta, docs: meta.docs ? [meta.docs] : [] }
}

function metadataJson (
  types: PortableRegistryBuilder,
  pallets: Array<{ storage: { prefix: string, items: ReturnType<typeof storageItemMeta>[] } | null, constants: Array<{ value: { type: Ty, value: unknown } }> } & Record<string, unknown>>,
  extrinsic: unknown,
  runtimeId: number,
  encode: Encode
) {
  return {
    magicNumber: MAGIC_NUMBER,
    metadata: {
      v14: {
        lookup: { types: types.types },
        pallets: pallets.map(({ errorDocs: _docs, ...p }) => ({
          ...p,
          storage: p.storage && {
            prefix: p.storage.prefix,
            items: p.storage.items.map(({ meta, ...i }) => ({
              ...i,
              fallback: meta.modifier === 'Default' ? encode(meta.value, meta.fallback) : '0x00'
            }))
          },
          constants: p.constants.map((c) => ({ ...c, value: encode(c.value.type, c.value.value) }))
        })),
        extrinsic,
        type: runtimeId
      }
    }
  }
}

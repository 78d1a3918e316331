import type { Ty, TypeParam, VariantSpec } from '../types/ty.js'
import { u8 } from '../types/ty.js'
import { snakeCase } from './names.js'

/** A scale-info type as polkadot-js reads it from metadata (`PortableType`). */
export interface SiTypeJson {
  id: number
  type: { path: string[], params: { name: string, type: number | null }[], def: Record<string, unknown>, docs: string[] }
}

const SI_PRIMITIVE: Record<string, string> = {
  bool: 'Bool', u8: 'U8', u16: 'U16', u32: 'U32', u64: 'U64', u128: 'U128', i32: 'I32', i64: 'I64', str: 'Str'
}

/**
 * Builds the portable type registry of the metadata from type descriptors: each distinct type gets one id;
 * named types (structs, enums, newtypes) are keyed by path so that two declarations cannot disagree.
 */
export class PortableRegistryBuilder {
  readonly types: SiTypeJson[] = []
  readonly #byTy = new Map<Ty, number>()
  readonly #byKey = new Map<string, number>()
  readonly #pathOwner = new Map<string, Ty>()
  readonly #outerIds = new Map<'call' | 'event', number>()

  /** The id of `RuntimeCall` or `RuntimeEvent`, which pallets refer to before they are defined. */
  outerId (which: 'call' | 'event'): number {
    let id = this.#outerIds.get(which)
    if (id === undefined) {
      id = this.#reserve()
      this.#outerIds.set(which, id)
    }
    return id
  }

  idOf (ty: Ty): number {
    const known = this.#byTy.get(ty)
    if (known !== undefined) return known
    const id = this.#build(ty)
    this.#byTy.set(ty, id)
    return id
  }

  /** Defines `RuntimeCall` or `RuntimeEvent` once every pallet is known. */
  defineOuter (which: 'call' | 'event', ty: Ty): number {
    const id = this.outerId(which)
    this.#byTy.set(ty, id)
    this.types[id] = { id, type: this.#shape(ty, id) }
    return id
  }

  #reserve (): number {
    const id = this.types.length
    this.types.push({ id, type: { path: [], params: [], def: { Tuple: [] }, docs: [] } })
    return id
  }

  #build (ty: Ty): number {
    if (ty.kind === 'outer') return this.outerId(ty.which)
    const key = this.#structuralKey(ty)
    const existing = this.#byKey.get(key)
    if (existing !== undefined) return existing
    if ('path' in ty && ty.path !== undefined) {
      const owner = this.#pathOwner.get(key)
      if (owner !== undefined && owner !== ty) throw new Error(`two different types are declared at path ${key}`)
      this.#pathOwner.set(key, ty)
    }
    // Reserve first so that recursive types can refer to themselves.
    const id = this.#reserve()
    this.#byKey.set(key, id)
    this.types[id] = { id, type: this.#shape(ty, id) }
    return id
  }

  #structuralKey (ty: Ty): string {
    switch (ty.kind) {
      case 'prim': return `prim:${ty.prim}`
      case 'bytes': return `seq:${this.idOf(u8)}`
      case 'fixed': return ty.path ? ty.path.join('::') : `array:${ty.len}:${this.idOf(u8)}`
      case 'compact': return `compact:${this.idOf(ty.inner)}`
      case 'seq': return `seq:${this.idOf(ty.inner)}`
      case 'array': return `array:${ty.len}:${this.idOf(ty.inner)}`
      case 'tuple': return `tuple:${ty.items.map((i) => this.idOf(i)).join(',')}`
      case 'option': return `option:${this.idOf(ty.inner)}`
      case 'struct': case 'enum': case 'opaque':
        return `${ty.path.join('::')}<${(ty.params ?? []).map((p) => (p.type ? this.idOf(p.type) : '-')).join(',')}>`
      case 'outer': return `outer:${ty.which}`
    }
  }

  #params (params: readonly TypeParam[] | undefined): SiTypeJson['type']['params'] {
    return (params ?? []).map((p) => ({ name: p.name, type: p.type ? this.idOf(p.type) : null }))
  }

  #variants (variants: readonly VariantSpec[]): unknown[] {
    return variants.map((v) => ({
      name: v.name,
      index: v.index,
      docs: v.docs ? [v.docs] : [],
      fields: v.def === null
        ? []
        : v.def.kind === 'named'
          ? Object.entries(v.def.fields).map(([name, t]) => ({ name: snakeCase(name), type: this.idOf(t), typeName: null, docs: [] }))
          : [{ name: null, type: this.idOf(v.def), typeName: null, docs: [] }]
    }))
  }

  #shape (ty: Ty, self: number): SiTypeJson['type'] {
    const plain = (def: Record<string, unknown>, path: readonly string[] = [], params: SiTypeJson['type']['params'] = []) =>
      ({ path: [...path], params, def, docs: [] })
    switch (ty.kind) {
      case 'prim': return plain({ Primitive: SI_PRIMITIVE[ty.prim] })
      case 'bytes': return plain({ Sequence: { type: this.idOf(u8) } })
      case 'fixed': {
        const arr = { Array: { len: ty.len, type: this.idOf(u8) } }
        if (!ty.path) return plain(arr)
        const inner = this.idOf({ kind: 'fixed', len: ty.len })
        return plain({ Composite: { fields: [{ name: null, type: inner, typeName: `[u8; ${ty.len}]`, docs: [] }] } }, ty.path)
      }
      case 'compact': return plain({ Compact: { type: this.idOf(ty.inner) } })
      case 'seq': return plain({ Sequence: { type: this.idOf(ty.inner) } })
      case 'array': return plain({ Array: { len: ty.len, type: this.idOf(ty.inner) } })
      case 'tuple': return plain({ Tuple: ty.items.map((i) => this.idOf(i)) })
      case 'option': {
        const inner = this.idOf(ty.inner)
        return plain({
          Variant: {
            variants: [
              { name: 'None', index: 0, fields: [], docs: [] },
              { name: 'Some', index: 1, fields: [{ name: null, type: inner, typeName: null, docs: [] }], docs: [] }
            ]
          }
        }, ['Option'], [{ name: 'T', type: inner }])
      }
      case 'struct':
        return plain({
          Composite: {
            fields: Object.entries(ty.fields).map(([name, t]) => ({ name: snakeCase(name), type: this.idOf(t), typeName: null, docs: [] }))
          }
        }, ty.path, this.#params(ty.params))
      case 'enum': return plain({ Variant: { variants: this.#variants(ty.variants) } }, ty.path, this.#params(ty.params))
      case 'opaque': return plain({ Sequence: { type: this.idOf(u8) } }, ty.path, this.#params(ty.params))
      case 'outer': throw new Error(`the runtime's ${ty.which} type (${self}) is defined with defineOuter()`)
    }
  }
}

import { doubleMap } from './storage.js'
import type { StorageCtx, StorageDoubleMap } from './storage.js'
import { bool, u32, u64 } from '../types/ty.js'
import type { JsOf, Ty } from '../types/ty.js'

/** Items due at a block: (block, id) → value, one storage key per item. */
export type Schedule<V> = StorageDoubleMap<number, bigint, V, V | null>

/**
 * A schedule of work by block. Adding or cancelling an item writes its own key whatever else is due at the
 * block (a vector per block is rewritten whole at every change, so a block's cost grew with the network),
 * and a block takes what is due by prefix.
 */
export function schedule<VD extends Ty> (value: VD): Schedule<JsOf<VD>> {
  return doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u32, u64], value })
}

/** A schedule of ids alone. The state holds no empty values, so each id is stored with `true`. */
export function idSchedule (): Schedule<boolean> {
  return schedule(bool)
}

/** Removes and returns the items due at `block`. */
export function takeDue<V> (ctx: StorageCtx, due: Schedule<V>, block: number): Array<[bigint, V]> {
  const items = due.entriesOf(ctx, block)
  for (const [id] of items) due.remove(ctx, block, id)
  return items.map(([id, value]) => [id, value])
}

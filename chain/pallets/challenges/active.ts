import { doubleMap, map, value } from '../../frame/storage.js'
import type { StorageCtx } from '../../frame/storage.js'
import { tuple, u16, u32, u64 } from '../../types/ty.js'

/**
 * The active positions at dense indexes 0..count (swap-remove, like Roles' members), so that a block can
 * draw the positions it checks in O(1) each, whatever their number.
 */
export const activeStorage = {
  ActiveCount: value({ type: u32, default: 0, docs: 'How many positions are active (hosting), so open to checks.' }),
  ActivePositions: map({ hasher: 'Twox64Concat', key: u32, value: tuple(u64, u16), docs: 'Active positions (plan, position) at dense indexes 0..ActiveCount.' }),
  ActiveIndex: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [u64, u16], value: u32, docs: 'Where an active position is in ActivePositions.' })
}
const s = activeStorage

/** A position starts hosting: from the next block on it may be drawn for checks. */
export function addActive (ctx: StorageCtx, plan: bigint, position: number): void {
  if (s.ActiveIndex.contains(ctx, plan, position)) return
  const count = s.ActiveCount.get(ctx)
  s.ActivePositions.set(ctx, count, [plan, position])
  s.ActiveIndex.set(ctx, plan, position, count)
  s.ActiveCount.set(ctx, count + 1)
}

/** A position stops hosting (freed, or its plan ended); its open checks lapse on their own. */
export function removeActive (ctx: StorageCtx, plan: bigint, position: number): void {
  const index = s.ActiveIndex.get(ctx, plan, position)
  if (index === null) return
  const last = s.ActiveCount.get(ctx) - 1
  const moved = s.ActivePositions.get(ctx, last)!
  s.ActivePositions.set(ctx, index, moved)
  s.ActiveIndex.set(ctx, moved[0], moved[1], index)
  s.ActivePositions.remove(ctx, last)
  s.ActiveIndex.remove(ctx, plan, position)
  s.ActiveCount.set(ctx, last)
}

export function activeCount (ctx: StorageCtx): number {
  return s.ActiveCount.get(ctx)
}

export function activeAt (ctx: StorageCtx, index: number): [bigint, number] {
  return s.ActivePositions.get(ctx, index)!
}

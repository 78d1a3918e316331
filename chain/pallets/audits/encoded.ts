import type { StorageCtx } from '../../frame/storage.js'
import { auditsStorage as s } from './storage.js'

/**
 * The interface the Plans pallet uses: an erasure plan's roots were accepted (from these encoders), or the
 * plan ended. The audits pallet keeps its own dense index of encoded plans from these two calls.
 */
export function encodingAccepted (ctx: StorageCtx, plan: bigint, encoders: Uint8Array[]): void {
  const existing = s.Encoded.get(ctx, plan)
  let index = existing?.index
  if (index === undefined) {
    index = s.EncodedCount.get(ctx)
    s.EncodedPlans.set(ctx, index, plan)
    s.EncodedCount.set(ctx, index + 1)
  }
  s.Encoded.set(ctx, plan, { index, encoders })
}

/** Takes a plan out of the index (swap-remove: the last plan takes its index). */
export function forgetEncoding (ctx: StorageCtx, plan: bigint): void {
  const entry = s.Encoded.get(ctx, plan)
  if (entry === null) return
  const last = s.EncodedCount.get(ctx) - 1
  const moved = s.EncodedPlans.get(ctx, last)!
  if (moved !== plan) {
    s.EncodedPlans.set(ctx, entry.index, moved)
    const other = s.Encoded.get(ctx, moved)
    if (other !== null) s.Encoded.set(ctx, moved, { ...other, index: entry.index })
  }
  s.EncodedPlans.remove(ctx, last)
  s.EncodedCount.set(ctx, last)
  s.Encoded.remove(ctx, plan)
}

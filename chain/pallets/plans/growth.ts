import type { DispatchCtx } from '../../frame/pallet.js'
import type { StorageCtx } from '../../frame/storage.js'
import { plansStorage as s } from './storage.js'
import type { PlanValue } from './types.js'
import { enqueueRepair } from './queue.js'
import { vacantPosition } from './lifecycle.js'
import { feed } from '../feeds.js'
import { Plans } from './pallet.js'

/**
 * Erasure plans that follow their feed's growth. A slot core's manifest fixes it to one root (a prologue, no
 * signer), so slots cannot be extended: the blocks a feed gains after its plan's coded head are coded as a
 * generation, an erasure plan of its own over the range [end of the last generation, feed length), with
 * slots, challenges, audits and repairs of its own. Generations are set up one at a time, in order, after
 * the first plan's encoding; each has its own padded last stripe (docs/erasure.md).
 */

/** The plan a generation extends (its family's first plan); a plan that is not a generation is its own. */
export function familyOf (ctx: StorageCtx, planId: bigint): bigint {
  return s.GenerationOf.get(ctx, planId) ?? planId
}

/**
 * The feed blocks [start, end) an erasure plan codes: a generation's range, or the first plan's [0, coded
 * head) (the feed's head until its first encoders fixed one).
 */
export function codedRange (ctx: StorageCtx, planId: bigint, plan: PlanValue): { start: bigint, end: bigint } {
  const range = plan.ranges?.[0]
  if (s.GenerationOf.contains(ctx, planId) && range !== undefined) return range
  const end = s.CodedHeads.get(ctx, planId)?.length ?? feed(ctx, plan.feed)?.root.length ?? 0n
  return { start: 0n, end }
}

/**
 * Adds the next generation of an erasure plan if its feed grew past what its family codes, and the family's
 * last plan is encoded (or over): called when the feed grows and when an encoding is accepted.
 */
export function grow (ctx: DispatchCtx, first: bigint): void {
  const plan = s.Plans.get(ctx, first)
  if (plan === null || plan.mode.type !== 'Erasure' || plan.status.type === 'Ended' || plan.status.type === 'Lost') return
  const generations = s.Generations.get(ctx, first)
  const lastId = generations.at(-1) ?? first
  const last = lastId === first ? plan : s.Plans.get(ctx, lastId)!
  const over = last.status.type === 'Ended' || last.status.type === 'Lost'
  if (!over && !s.Slots.contains(ctx, lastId, 0)) return
  const start = codedRange(ctx, lastId, last).end
  const f = feed(ctx, plan.feed)
  if (f === null || f.root.length <= start) return
  const end = f.root.length
  const id = s.NextPlanId.get(ctx)
  s.NextPlanId.set(ctx, id + 1n)
  s.Plans.set(ctx, id, { ...plan, ranges: [{ start, end }], status: { type: 'Queued' }, backing: 0n, createdAt: ctx.block.number })
  for (let i = 0; i < plan.positions; i++) s.Positions.set(ctx, id, i, vacantPosition())
  // Both encoders code this head, whatever the feed's head is when they start.
  s.CodedHeads.set(ctx, id, { length: end, signature: f.signature })
  s.Generations.set(ctx, first, [...generations, id])
  s.GenerationOf.set(ctx, id, first)
  // The family was paid for already: its growth is served as a repair, never refused.
  enqueueRepair(ctx, id)
  Plans.emit(ctx, { type: 'GenerationAdded', value: { plan: first, generation: id, start, end } })
}

import type { DispatchCtx } from '../../frame/pallet.js'
import type { StorageCtx } from '../../frame/storage.js'
import { plansStorage as s } from './storage.js'
import type { CodedHeadValue, PlanValue } from './types.js'
import { enqueueRepair } from './queue.js'
import { isOver, vacantPosition } from './lifecycle.js'
import { feed } from '../feeds.js'
import { Plans } from './pallet.js'

/**
 * Erasure plans that follow their feed's growth. A slot core's manifest fixes it to one root (a prologue, no
 * signer), so slots cannot be extended: the blocks a feed gains after its plan's coded head are coded as a
 * generation, an erasure plan of its own over the blocks [end of the last generation, feed length) (its
 * CodedHead), with slots, challenges, audits and repairs of its own. Generations are set up one at a time,
 * in order, after the first plan's encoding; each has its own padded last stripe (docs/erasure.md).
 */

/** The plan a generation extends (its family's first plan); a plan that is not a generation is its own. */
export function familyOf (ctx: StorageCtx, planId: bigint): bigint {
  return s.GenerationOf.get(ctx, planId) ?? planId
}

/**
 * What an erasure plan codes: its CodedHead once fixed, else (a first plan before its first encoders are
 * drawn) the feed as it is now.
 */
export function codedHead (ctx: StorageCtx, planId: bigint, plan: PlanValue): CodedHeadValue | null {
  const coded = s.CodedHeads.get(ctx, planId)
  if (coded !== null) return coded
  const f = feed(ctx, plan.feed)
  return f === null ? null : { start: 0n, length: f.root.length, startByte: 0n, byteLength: f.root.byteLength, signature: f.signature }
}

/**
 * Adds the next generation of an erasure plan if its feed grew past what its family codes, and the family's
 * last plan is encoded (or over): called when the feed grows and when an encoding is accepted.
 */
export function grow (ctx: DispatchCtx, first: bigint): void {
  const plan = s.Plans.get(ctx, first)
  if (plan === null || plan.mode.type !== 'Erasure' || isOver(plan)) return
  const lastId = s.LastGeneration.get(ctx, first) ?? first
  const last = lastId === first ? plan : s.Plans.get(ctx, lastId)!
  const coded = s.CodedHeads.get(ctx, lastId)
  // Not encoded yet (one generation is set up at a time), unless over: growth goes on past a lost generation.
  if (coded === null || (!isOver(last) && !s.Slots.contains(ctx, lastId, 0))) return
  const f = feed(ctx, plan.feed)
  if (f === null || f.root.length <= coded.length) return
  const id = s.NextPlanId.get(ctx)
  s.NextPlanId.set(ctx, id + 1n)
  s.Plans.set(ctx, id, { ...plan, status: { type: 'Queued' }, backing: 0n, createdAt: ctx.block.number })
  for (let i = 0; i < plan.positions; i++) s.Positions.set(ctx, id, i, vacantPosition())
  // Both encoders code this head, whatever the feed's head is when they start.
  s.CodedHeads.set(ctx, id, { start: coded.length, length: f.root.length, startByte: coded.byteLength, byteLength: f.root.byteLength, signature: f.signature })
  s.Generations.set(ctx, first, id, ctx.block.number)
  s.LastGeneration.set(ctx, first, id)
  s.GenerationOf.set(ctx, id, first)
  // The family was paid for already: its growth is served as a repair, never refused.
  enqueueRepair(ctx, id)
  Plans.emit(ctx, { type: 'GenerationAdded', value: { plan: first, generation: id, start: coded.length, end: f.root.length } })
}

/** An erasure plan's generations, oldest first. */
export function generationsOf (ctx: StorageCtx, first: bigint): bigint[] {
  return s.Generations.entriesOf(ctx, first).map(([id]) => id).sort((a, b) => (a < b ? -1 : 1))
}

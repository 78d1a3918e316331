import type { DispatchCtx } from '../../frame/pallet.js'
import type { StorageCtx } from '../../frame/storage.js'
import { plansStorage as s, MAX_QUEUE } from './storage.js'
import type { WaitReasonName } from './types.js'
import { balance } from '../ratio.js'
import { params } from '../params.js'
import { supply } from '../roles.js'
import { Plans } from './pallet.js'

/**
 * The hosting queue. New plans wait in `Queue` (at most MAX_QUEUE, in servingOrder); plans that lost
 * positions wait in `Repairs`, which never refuses one and is served first. A plan the draw comes up short
 * for is tried again after a wait that doubles (1, 2, 4 … MAX_RETRY_BLOCKS blocks), or as soon as the
 * providers' supply changes, so plans that cannot be served now do not take the tries of those behind them;
 * `Waiting` says why. Each block tries at most `maxAmendmentsPerBlock` plans and looks at most at MAX_QUEUE
 * repairs, however many wait.
 */

/** Gives a plan's vacant positions to providers; null when served, else which providers were short. */
export type AssignVacant = (ctx: DispatchCtx, planId: bigint) => WaitReasonName | null

/** The longest wait between two tries of a plan that could not be served. */
const MAX_RETRY_BLOCKS = 64

/** Queues a new plan; false when MAX_QUEUE plans wait already. */
export function enqueueRequest (ctx: StorageCtx, planId: bigint): boolean {
  const queue = s.Queue.get(ctx)
  if (queue.includes(planId)) return true
  if (queue.length >= MAX_QUEUE) return false
  s.Queue.set(ctx, [...queue, planId])
  return true
}

/** Queues a plan that lost positions. Never refused: each plan is queued once, so the plans bound it. */
export function enqueueRepair (ctx: StorageCtx, planId: bigint): void {
  // A plan still waiting for its first providers gets the freed position with the others.
  if (s.Queue.get(ctx).includes(planId)) return
  const repairs = s.Repairs.get(ctx)
  if (!repairs.includes(planId)) s.Repairs.set(ctx, [...repairs, planId])
}

/** Takes an ended plan out of the queue. */
export function dequeue (ctx: StorageCtx, planId: bigint): void {
  s.Queue.set(ctx, s.Queue.get(ctx).filter((id) => id !== planId))
  s.Repairs.set(ctx, s.Repairs.get(ctx).filter((id) => id !== planId))
  s.Waiting.remove(ctx, planId)
}

/**
 * New plans in serving order: those tried fewer times first (a plan that keeps failing, retried whenever the
 * supply changes, must not take every try of those behind it); then the sponsor's ratio plus the plan's
 * backing, highest first; then oldest.
 */
export function servingOrder (ctx: DispatchCtx): bigint[] {
  const entries = s.Queue.get(ctx).map((id, order) => {
    const plan = s.Plans.get(ctx, id)
    return { id, order, tries: s.Waiting.get(ctx, id)?.tries ?? 0, priority: plan === null ? -1n : balance(ctx, plan.sponsor) + plan.backing }
  })
  entries.sort((a, b) => a.tries - b.tries || (a.priority === b.priority ? a.order - b.order : a.priority > b.priority ? -1 : 1))
  return entries.map((e) => e.id)
}

/** Serves repairs first, then new plans, trying at most `maxAmendmentsPerBlock` plans that are due. */
export function serveQueue (ctx: DispatchCtx, assign: AssignVacant): void {
  let budget = params(ctx).maxAmendmentsPerBlock
  const repairs = s.Repairs.get(ctx)
  if (repairs.length > 0) {
    // The repairs looked at go to the back, so that every one is looked at in turn however many wait.
    const looked = repairs.slice(0, MAX_QUEUE)
    const kept = looked.filter((id) => {
      if (budget === 0 || !isDue(ctx, id)) return true
      budget--
      return !served(ctx, id, assign)
    })
    s.Repairs.set(ctx, [...repairs.slice(looked.length), ...kept])
  }
  if (budget === 0 || s.Queue.get(ctx).length === 0) return
  const tried = servingOrder(ctx).filter((id) => isDue(ctx, id)).slice(0, budget)
  const done = new Set(tried.filter((id) => served(ctx, id, assign)))
  if (done.size > 0) s.Queue.set(ctx, s.Queue.get(ctx).filter((id) => !done.has(id)))
}

function isDue (ctx: DispatchCtx, planId: bigint): boolean {
  const w = s.Waiting.get(ctx, planId)
  return w === null || w.retryAt <= ctx.block.number || w.supply !== supply(ctx)
}

/** Tries to serve a plan; one that is not served waits, twice as long as the last time. */
function served (ctx: DispatchCtx, planId: bigint, assign: AssignVacant): boolean {
  const reason = assign(ctx, planId)
  const before = s.Waiting.get(ctx, planId)
  if (reason === null) {
    if (before !== null) s.Waiting.remove(ctx, planId)
    return true
  }
  const now = ctx.block.number
  const tries = (before?.tries ?? 0) + 1
  s.Waiting.set(ctx, planId, { since: before?.since ?? now, reason: { type: reason }, tries, retryAt: now + Math.min(2 ** (tries - 1), MAX_RETRY_BLOCKS), supply: supply(ctx) })
  if (before?.reason.type !== reason) Plans.emit(ctx, { type: 'PlanWaiting', value: { plan: planId, reason: { type: reason } } })
  return false
}

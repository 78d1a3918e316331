import type { DispatchCtx } from '../../frame/pallet.js'
import type { StorageCtx } from '../../frame/storage.js'
import { challengesStorage as s } from './storage.js'
import type { CheckKindName } from './types.js'
import { Draw } from '../draw.js'
import { seed } from '../randomness.js'
import { params } from '../params.js'

/** A delay uniform in [1, 2·mean − 1]: checks come at random times, `mean` blocks apart on average. */
function randomDelay (ctx: DispatchCtx, mean: number, label: string): number {
  return 1 + new Draw(seed.get(ctx), label).index(Math.max(1, 2 * mean - 1))
}

function addDue (ctx: StorageCtx, at: number, kind: CheckKindName, plan: bigint, position: number, id = 0n): void {
  s.Opening.mutate(ctx, at, (list) => [...list, { kind: { type: kind }, plan, position, id }])
}

/** Schedules a position's next storage challenge and performance check (when it becomes active). */
export function scheduleChecks (ctx: DispatchCtx, plan: bigint, position: number): void {
  const p = params(ctx)
  const now = ctx.block.number
  const storage = now + randomDelay(ctx, p.challengePeriod, `datdot/schedule/storage/${plan}/${position}`)
  const performance = now + randomDelay(ctx, p.performancePeriod, `datdot/schedule/performance/${plan}/${position}`)
  addDue(ctx, storage, 'Storage', plan, position)
  addDue(ctx, performance, 'Performance', plan, position)
  s.Scheduled.set(ctx, plan, position, { storage, performance })
}

/** Schedules the next check of one kind after the last one closed. */
export function scheduleNext (ctx: DispatchCtx, kind: CheckKindName, plan: bigint, position: number): void {
  const p = params(ctx)
  const next = s.Scheduled.get(ctx, plan, position)
  if (next === null) return
  const mean = kind === 'Storage' ? p.challengePeriod : p.performancePeriod
  const at = ctx.block.number + randomDelay(ctx, mean, `datdot/schedule/${kind}/${plan}/${position}/${ctx.block.number}`)
  addDue(ctx, at, kind, plan, position)
  s.Scheduled.set(ctx, plan, position, kind === 'Storage' ? { ...next, storage: at } : { ...next, performance: at })
}

/** Drops a position's scheduled checks (it was freed, or its plan ended); open checks lapse on their own. */
export function cancelSchedules (ctx: StorageCtx, plan: bigint, position: number): void {
  const next = s.Scheduled.get(ctx, plan, position)
  if (next === null) return
  for (const at of [next.storage, next.performance]) {
    s.Opening.mutate(ctx, at, (list) => list.filter((d) => !(d.plan === plan && d.position === position)))
  }
  s.Scheduled.remove(ctx, plan, position)
}

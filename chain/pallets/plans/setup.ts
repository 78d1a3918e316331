import type { DispatchCtx } from '../../frame/pallet.js'
import { plansStorage as s } from './storage.js'
import { activate, extendDeadline, freePosition } from './lifecycle.js'
import { params } from '../params.js'
import { openSetupChallenge } from '../challenges/open-close.js'
import { openCheck } from '../challenges/performance.js'
import { Plans } from './pallet.js'

/**
 * A hoster reported a position ready: its setup is confirmed by evidence, not by anyone's word: a storage
 * proof from the new hoster (a storage challenge opened now) and one retrievability check (a performance
 * check whose served reports carry the hoster's receipts). Hosting starts when both passed.
 */
export function beginSetupChecks (ctx: DispatchCtx, amendment: bigint, plan: bigint, position: number, hoster: Uint8Array): void {
  s.SetupProgress.set(ctx, plan, position, { amendment, stored: false, retrieved: false })
  openSetupChallenge(ctx, plan, position, hoster)
  openCheck(ctx, plan, position, hoster, { setup: amendment, retry: false })
  // A hoster ready in time is given the time its evidence takes: the check and its one retry, each a
  // sampling block and a response window.
  extendDeadline(ctx, amendment, ctx.block.number + 2 * (1 + params(ctx).responseWindow) + 1)
}

/** One piece of a setup's evidence passed; with both, the position becomes active. */
export function setupEvidence (ctx: DispatchCtx, plan: bigint, position: number, kind: 'stored' | 'retrieved'): void {
  const p = s.Positions.get(ctx, plan, position)
  const progress = s.SetupProgress.get(ctx, plan, position)
  if (p === null || p.state.type !== 'Setup' || progress === null || progress.amendment !== p.state.value) return
  const next = { ...progress, [kind]: true }
  if (!(next.stored && next.retrieved)) return s.SetupProgress.set(ctx, plan, position, next)
  s.SetupProgress.remove(ctx, plan, position)
  activate(ctx, plan, position)
}

/** The new hoster failed its setup proof, or its retry found it not serving: the position goes to another. */
export function setupFailed (ctx: DispatchCtx, plan: bigint, position: number): void {
  const p = s.Positions.get(ctx, plan, position)
  if (p === null || p.state.type !== 'Setup' || p.hoster === null) return
  s.SetupProgress.remove(ctx, plan, position)
  Plans.emit(ctx, { type: 'SetupFailed', value: { amendment: p.state.value, plan, position, hoster: p.hoster } })
  freePosition(ctx, plan, position, true)
}

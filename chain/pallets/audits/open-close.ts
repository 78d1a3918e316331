import type { DispatchCtx } from '../../frame/pallet.js'
import { auditsStorage as s } from './storage.js'
import { takeDue } from '../../frame/schedule.js'
import type { AuditValue } from './types.js'
import { forgetEncoding } from './encoded.js'
import { judgeStripe } from './verdict.js'
import type { StripeVerdict } from './verdict.js'
import { Draw } from '../draw.js'
import { seed } from '../randomness.js'
import { params } from '../params.js'
import { feed } from '../feeds.js'
import { strike, suspend } from '../roles.js'
import { plansStorage } from '../plans/storage.js'
import { barFromPlan, freePosition, positionsOf } from '../plans/lifecycle.js'
import { strikePosition } from '../challenges/open-close.js'
import { codedHead } from '../plans/growth.js'
import { feedVerifier } from '../../../hypercore/verify.js'
import { Audits } from './pallet.js'

/**
 * Opens this block's audits. Each encoded plan is audited in a block with probability 1/auditPeriod,
 * independently of every other block (memoryless: nothing about the next audit is known before its block):
 * the block draws ⌊N/P⌋ plans, plus one with probability (N mod P)/P, uniformly from the dense index of the N
 * encoded plans. The work is proportional to the audits opened, never to N.
 */
export function openAudits (ctx: DispatchCtx): void {
  const count = s.EncodedCount.get(ctx)
  if (count === 0) return
  const period = params(ctx).auditPeriod
  const draw = new Draw(seed.get(ctx), 'datdot/audit/draw')
  const audits = Math.floor(count / period) + (draw.index(period) < count % period ? 1 : 0)
  for (let i = 0; i < audits; i++) openAudit(ctx, s.EncodedPlans.get(ctx, draw.index(count))!)
}

/** Asks the active hosters of a plan for the shards of one random stripe. */
function openAudit (ctx: DispatchCtx, planId: bigint): void {
  if (s.PlanAudit.contains(ctx, planId)) return
  const plan = plansStorage.Plans.get(ctx, planId)
  const slot = plansStorage.Slots.get(ctx, planId, 0)
  if (plan === null || plan.mode.type !== 'Erasure' || slot === null || slot.length === 0n) return
  const active = positionsOf(ctx, planId, plan).filter(([, p]) => p.state.type === 'Active' && p.hoster !== null)
  // Fewer than k + 1 shards can show nothing wrong with a code: wait for setup or repair to finish.
  if (active.length <= plan.mode.value.k) return
  const id = s.NextAuditId.get(ctx)
  s.NextAuditId.set(ctx, id + 1n)
  const stripe = new Draw(seed.get(ctx), `datdot/audit/${id}`).below(slot.length)
  const deadline = ctx.block.number + params(ctx).responseWindow
  const audit: AuditValue = { plan: planId, stripe, positions: active.map(([i]) => i), hosters: active.map(([, p]) => p.hoster!), deadline }
  s.Audits.set(ctx, id, audit)
  s.PlanAudit.set(ctx, planId, id)
  s.Deadlines.set(ctx, deadline, id, true)
  for (const hoster of audit.hosters) s.HosterAudits.set(ctx, hoster, id, deadline)
  Audits.emit(ctx, { type: 'AuditOpened', value: { audit: id, plan: planId, stripe, positions: audit.positions, hosters: audit.hosters, deadline } })
}

/** Closes the audits whose deadline is this block. */
export function closeDue (ctx: DispatchCtx): void {
  for (const [id] of takeDue(ctx, s.Deadlines, ctx.block.number)) closeAudit(ctx, id)
}

/** Removes an audit and its shards; returns the shards by position. */
function takeAudit (ctx: DispatchCtx, id: bigint, audit: AuditValue): Map<number, Uint8Array> {
  const shards = new Map<number, Uint8Array>()
  for (const position of audit.positions) {
    const shard = s.Shards.get(ctx, id, position)
    if (shard !== null) shards.set(position, shard)
    s.Shards.remove(ctx, id, position)
  }
  for (const hoster of audit.hosters) s.HosterAudits.remove(ctx, hoster, id)
  s.Audits.remove(ctx, id)
  s.PlanAudit.remove(ctx, audit.plan)
  s.Deadlines.remove(ctx, audit.deadline, id)
  return shards
}

/**
 * Gives an audit its verdict (all shards in, or the deadline). Hosters that did not answer are struck as for
 * a failed storage challenge. A wrong stripe fails the encoders who committed the roots and re-encodes the plan.
 */
export function closeAudit (ctx: DispatchCtx, id: bigint): void {
  const audit = s.Audits.get(ctx, id)
  if (audit === null) return
  const shards = takeAudit(ctx, id, audit)
  const plan = plansStorage.Plans.get(ctx, audit.plan)
  const f = plan === null ? null : feed(ctx, plan.feed)
  const slot = plansStorage.Slots.get(ctx, audit.plan, 0)
  if (plan === null || plan.mode.type !== 'Erasure' || f === null || slot === null) return
  audit.positions.forEach((position, j) => {
    if (shards.has(position)) return
    Audits.emit(ctx, { type: 'AuditUnanswered', value: { audit: id, plan: audit.plan, position, hoster: audit.hosters[j] } })
    strikePosition(ctx, audit.plan, position, audit.hosters[j])
  })
  const { k, m } = plan.mode.value
  const coded = codedHead(ctx, audit.plan, plan)!
  let verdict: StripeVerdict
  try {
    verdict = judgeStripe({
      k,
      m,
      start: Number(coded.start),
      end: Number(coded.length),
      stripe: Number(audit.stripe),
      feed: feedVerifier(f.key, f.manifest),
      shards: Array.from({ length: k + m }, (_, i) => shards.get(i) ?? null)
    })
  } catch {
    // A judge that fails (not the encoding) blames nobody; thrown, it would undo the closing of every audit due in this block.
    verdict = { type: 'Inconclusive' }
  }
  const ids = { audit: id, plan: audit.plan, stripe: audit.stripe }
  if (verdict.type === 'Passed') return Audits.emit(ctx, { type: 'AuditPassed', value: ids })
  if (verdict.type === 'Inconclusive') return Audits.emit(ctx, { type: 'AuditInconclusive', value: ids })
  const encoders = s.Encoded.get(ctx, audit.plan)?.encoders ?? []
  Audits.emit(ctx, { type: 'EncodingFailed', value: { ...ids, encoders, fault: { type: verdict.fault } } })
  for (const encoder of encoders) {
    strike(ctx, encoder)
    barFromPlan(ctx, audit.plan, encoder)
    suspend(ctx, encoder)
  }
  reencode(ctx, audit.plan)
}

/**
 * Starts the plan's encoding over: every slot root is cleared and every position freed without a strike (its
 * hoster kept what it was given); the queue then draws hosters and two fresh encoders for a new encoding.
 */
function reencode (ctx: DispatchCtx, planId: bigint): void {
  const plan = plansStorage.Plans.get(ctx, planId)!
  for (const [position] of positionsOf(ctx, planId, plan)) {
    plansStorage.Slots.remove(ctx, planId, position)
    freePosition(ctx, planId, position, false)
  }
  forgetEncoding(ctx, planId)
}

/** A plan ended: its open audit is dropped without a verdict, and it leaves the index. */
export function planEnded (ctx: DispatchCtx, planId: bigint): void {
  const id = s.PlanAudit.get(ctx, planId)
  if (id !== null) {
    const audit = s.Audits.get(ctx, id)
    if (audit !== null) takeAudit(ctx, id, audit)
  }
  forgetEncoding(ctx, planId)
}

import { u8aEq } from '@polkadot/util'
import type { DispatchCtx } from '../../frame/pallet.js'
import { challengesStorage as s, LAPSE_MEMORY } from './storage.js'
import type { DueValue, PerformanceCheckValue, ReportValue, StorageChallengeValue } from './types.js'
import { drawnIndexes } from './schedule.js'
import { activeAt, activeCount } from './active.js'
import { Draw } from '../draw.js'
import { seed } from '../randomness.js'
import { params } from '../params.js'
import { challengeRoot, feed } from '../feeds.js'
import { plansStorage } from '../plans/storage.js'
import { barFromPlan, freePosition, positionsOf } from '../plans/lifecycle.js'
import { changeReputation, drawMembers, isActive, strike } from '../roles.js'
import { pay, reward } from '../ratio.js'
import { Challenges } from './pallet.js'

/** Closes the checks whose deadline is this block and opens those this block's randomness draws. */
export function runChecks (ctx: DispatchCtx): void {
  const now = ctx.block.number
  const closing = s.Closing.get(ctx, now)
  if (closing.length > 0) {
    s.Closing.remove(ctx, now)
    for (const due of closing) due.kind.type === 'Storage' ? expireStorage(ctx, due.id) : closePerformance(ctx, due.id)
  }
  openDrawn(ctx)
  const forgotten = now - LAPSE_MEMORY
  const lapsed = forgotten >= 0 ? s.LapsedAt.get(ctx, forgotten) : []
  if (lapsed.length > 0) {
    for (const id of lapsed) s.Lapsed.remove(ctx, id)
    s.LapsedAt.remove(ctx, forgotten)
  }
}

/**
 * Each active position is challenged in this block with probability 1/challengePeriod, and checked with
 * 1/performancePeriod, drawn from this block's randomness (memoryless: no time is stored ahead). A
 * position whose previous check of the kind is still open is skipped.
 */
function openDrawn (ctx: DispatchCtx): void {
  const { challengePeriod, performancePeriod } = params(ctx)
  const n = activeCount(ctx)
  const r = seed.get(ctx)
  const storage = [...drawnIndexes(new Draw(r, 'datdot/checks/storage'), n, challengePeriod)].map((i) => activeAt(ctx, i))
  const performance = [...drawnIndexes(new Draw(r, 'datdot/checks/performance'), n, performancePeriod)].map((i) => activeAt(ctx, i))
  for (const [plan, position] of storage) {
    if (!s.OpenStorage.contains(ctx, plan, position)) openStorage(ctx, { kind: { type: 'Storage' }, plan, position, id: 0n })
  }
  for (const [plan, position] of performance) {
    if (!s.OpenPerformance.contains(ctx, plan, position)) openPerformance(ctx, { kind: { type: 'Performance' }, plan, position, id: 0n })
  }
}

/** A check closed: its position may be drawn again. */
function closed (ctx: DispatchCtx, kind: 'Storage' | 'Performance', plan: bigint, position: number, id: bigint): void {
  const open = kind === 'Storage' ? s.OpenStorage : s.OpenPerformance
  if (open.get(ctx, plan, position) === id) open.remove(ctx, plan, position)
}

function activeHoster (ctx: DispatchCtx, plan: bigint, position: number): Uint8Array | null {
  const p = plansStorage.Positions.get(ctx, plan, position)
  return p !== null && p.state.type === 'Active' ? p.hoster : null
}

function nextId (ctx: DispatchCtx): bigint {
  const id = s.NextId.get(ctx)
  s.NextId.set(ctx, id + 1n)
  return id
}

function closeAt (ctx: DispatchCtx, deadline: number, due: DueValue): void {
  s.Closing.mutate(ctx, deadline, (list) => [...list, due])
}

/** The root a position's proofs must lead to, and the block indexes it holds. */
function positionRoot (ctx: DispatchCtx, planId: bigint, position: number): { length: bigint, treeHash: Uint8Array, ranges: Array<[bigint, bigint]> } | null {
  const plan = plansStorage.Plans.get(ctx, planId)
  if (plan === null) return null
  if (plan.mode.type === 'Erasure') {
    const slot = plansStorage.Slots.get(ctx, planId, position)
    return slot === null ? null : { length: slot.length, treeHash: slot.treeHash, ranges: [[0n, slot.length]] }
  }
  const f = feed(ctx, plan.feed)
  if (f === null) return null
  const root = challengeRoot(ctx, f)
  const clip = (x: bigint) => (x < root.length ? x : root.length)
  const ranges = plan.ranges === null
    ? [[0n, root.length]] as Array<[bigint, bigint]>
    : plan.ranges.map((r): [bigint, bigint] => [clip(r.start), clip(r.end)]).filter(([a, b]) => b > a)
  return { length: root.length, treeHash: root.treeHash, ranges }
}

/** `samples` block indexes drawn uniformly from the ranges, sorted, without repeats. */
function sampleIndexes (draw: Draw, ranges: Array<[bigint, bigint]>, samples: number): bigint[] {
  const total = ranges.reduce((n, [a, b]) => n + b - a, 0n)
  if (total === 0n) return []
  const picked = new Set<bigint>()
  for (let i = 0; i < samples; i++) {
    let offset = draw.below(total)
    for (const [a, b] of ranges) {
      if (offset < b - a) { picked.add(a + offset); break }
      offset -= b - a
    }
  }
  return [...picked].sort((x, y) => (x < y ? -1 : 1))
}

function openStorage (ctx: DispatchCtx, due: DueValue): void {
  const hoster = activeHoster(ctx, due.plan, due.position)
  const root = positionRoot(ctx, due.plan, due.position)
  if (hoster === null || root === null) return
  const id = nextId(ctx)
  const indexes = sampleIndexes(new Draw(seed.get(ctx), `datdot/challenge/${id}`), root.ranges, params(ctx).samples)
  const deadline = ctx.block.number + params(ctx).responseWindow
  s.StorageChallenges.set(ctx, id, { plan: due.plan, position: due.position, hoster, indexes, length: root.length, treeHash: root.treeHash, deadline })
  s.HosterChallenges.set(ctx, hoster, id, deadline)
  s.OpenStorage.set(ctx, due.plan, due.position, id)
  closeAt(ctx, deadline, { ...due, id })
  Challenges.emit(ctx, { type: 'StorageChallenge', value: { id, plan: due.plan, position: due.position, hoster, indexes, rootLength: root.length, deadline } })
}

/** A storage challenge passed: the hoster is paid for the bytes it held since it was last paid. */
export function acceptStorage (ctx: DispatchCtx, id: bigint, c: StorageChallengeValue): void {
  s.StorageChallenges.remove(ctx, id)
  s.HosterChallenges.remove(ctx, c.hoster, id)
  closed(ctx, 'Storage', c.plan, c.position, id)
  const position = plansStorage.Positions.get(ctx, c.plan, c.position)
  const plan = plansStorage.Plans.get(ctx, c.plan)
  let paid = 0n
  if (position !== null && plan !== null && position.hoster !== null && u8aEq(position.hoster, c.hoster)) {
    const blocks = BigInt(ctx.block.number - position.paidUntil)
    // ratio per MiB-block: bytes × blocks × rate / 2^20.
    const owed = (position.bytes * blocks * params(ctx).ratioPerMibBlock) >> 20n
    paid = pay(ctx, plan.sponsor, c.hoster, owed, 'Hosting', c.plan)
    plansStorage.Positions.set(ctx, c.plan, c.position, { ...position, strikes: 0, paidUntil: ctx.block.number })
  }
  Challenges.emit(ctx, { type: 'StorageProofAccepted', value: { id, plan: c.plan, position: c.position, hoster: c.hoster, paid } })
}

function expireStorage (ctx: DispatchCtx, id: bigint): void {
  const c = s.StorageChallenges.get(ctx, id)
  if (c === null) return
  s.StorageChallenges.remove(ctx, id)
  s.HosterChallenges.remove(ctx, c.hoster, id)
  closed(ctx, 'Storage', c.plan, c.position, id)
  s.Lapsed.set(ctx, id, c.deadline)
  s.LapsedAt.mutate(ctx, ctx.block.number, (ids) => [...ids, id])
  Challenges.emit(ctx, { type: 'StorageProofFailed', value: { id, plan: c.plan, position: c.position, hoster: c.hoster } })
  strikePosition(ctx, c.plan, c.position, c.hoster)
}

/**
 * Counts a failed check against the position and its hoster; at `maxStrikes` consecutive failures the
 * position goes to a new hoster. Returns whether the hoster keeps it.
 */
export function strikePosition (ctx: DispatchCtx, plan: bigint, position: number, hoster: Uint8Array): boolean {
  const p = plansStorage.Positions.get(ctx, plan, position)
  if (p === null || p.hoster === null || !u8aEq(p.hoster, hoster) || p.state.type !== 'Active') return false
  strike(ctx, hoster)
  const strikes = p.strikes + 1
  plansStorage.Positions.set(ctx, plan, position, { ...p, strikes })
  if (strikes < params(ctx).maxStrikes) return true
  barFromPlan(ctx, plan, hoster)
  freePosition(ctx, plan, position, false)
  return false
}

function openPerformance (ctx: DispatchCtx, due: DueValue): void {
  const hoster = activeHoster(ctx, due.plan, due.position)
  const plan = plansStorage.Plans.get(ctx, due.plan)
  if (hoster === null || plan === null) return
  const id = nextId(ctx)
  const holders = positionsOf(ctx, due.plan, plan).map(([, p]) => p.hoster).filter((h): h is Uint8Array => h !== null)
  const attesters = drawMembers(ctx, 'Attester', params(ctx).attestersPerCheck, new Draw(seed.get(ctx), `datdot/perf/${id}`), (who, p) =>
    isActive(p, ctx.block.number) && !u8aEq(who, plan.sponsor) && !holders.some((h) => u8aEq(h, who)))
  if (attesters.length === 0) return
  const deadline = ctx.block.number + params(ctx).responseWindow
  s.PerformanceChecks.set(ctx, id, { plan: due.plan, position: due.position, hoster, attesters, reports: [], deadline })
  for (const a of attesters) s.AttesterChecks.set(ctx, a, id, deadline)
  s.OpenPerformance.set(ctx, due.plan, due.position, id)
  closeAt(ctx, deadline, { ...due, id })
  Challenges.emit(ctx, { type: 'PerformanceCheck', value: { id, plan: due.plan, position: due.position, hoster, attesters, deadline } })
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : Math.floor((sorted[mid - 1] + sorted[mid]) / 2)
}

/** How far a figure may be from the median (×/÷) before its attester counts as far from the majority. */
const FIGURE_TOLERANCE = 4
const AGREE = 1
const DISAGREE = -10
const SILENT = -5

/**
 * The validation pool: the majority decides whether the hoster served, the median of the majority's
 * figures is the result; attesters with the majority (and figures near the median) gain reputation and a
 * reward, the others lose reputation. A hoster found not serving takes a strike.
 */
export function closePerformance (ctx: DispatchCtx, id: bigint): void {
  const check = s.PerformanceChecks.get(ctx, id)
  if (check === null) return
  s.PerformanceChecks.remove(ctx, id)
  for (const a of check.attesters) s.AttesterChecks.remove(ctx, a, id)
  closed(ctx, 'Performance', check.plan, check.position, id)
  const { reports } = check
  const served = reports.filter((r) => r.success).length
  const notServed = reports.length - served
  const verdict = served > notServed ? 'Served' : notServed > served ? 'NotServed' : 'Inconclusive'
  const majority = reports.filter((r) => (verdict === 'Served' ? r.success : verdict === 'NotServed' ? !r.success : false))
  const latencyMs = verdict === 'Served' ? median(majority.map((r) => r.latencyMs)) : 0
  const throughput = verdict === 'Served' ? BigInt(median(majority.map((r) => Number(r.throughput)))) : 0n

  for (const attester of check.attesters) {
    const report = reports.find((r) => u8aEq(r.attester, attester))
    changeReputation(ctx, attester, reputationChange(report, verdict, latencyMs))
    if (report !== undefined && majority.includes(report)) reward(ctx, attester, params(ctx).attesterReward, 'Attesting')
  }
  Challenges.emit(ctx, { type: 'PerformanceResult', value: { id, plan: check.plan, position: check.position, hoster: check.hoster, verdict: { type: verdict }, latencyMs, throughput } })
  if (verdict === 'NotServed') strikePosition(ctx, check.plan, check.position, check.hoster)
}

function reputationChange (report: ReportValue | undefined, verdict: string, latencyMs: number): number {
  if (report === undefined) return SILENT
  if (verdict === 'Inconclusive') return 0
  if (report.success !== (verdict === 'Served')) return DISAGREE
  if (verdict === 'Served' && latencyMs > 0 && (report.latencyMs > latencyMs * FIGURE_TOLERANCE || report.latencyMs * FIGURE_TOLERANCE < latencyMs)) return DISAGREE / 2
  return AGREE
}

/** Whether every attester of the check has reported (it then closes at once). */
export function allReported (check: PerformanceCheckValue): boolean {
  return check.reports.length === check.attesters.length
}

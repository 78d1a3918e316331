import { u8aEq } from '@polkadot/util'
import type { DispatchCtx } from '../../frame/pallet.js'
import { challengesStorage as s, LAPSE_MEMORY } from './storage.js'
import type { CheckKindValue, StorageChallengeValue } from './types.js'
import { drawnIndexes } from './schedule.js'
import { takeDue } from '../../frame/schedule.js'
import { activeAt, activeCount } from './active.js'
import { Draw } from '../draw.js'
import { seed } from '../randomness.js'
import { params } from '../params.js'
import { challengeRoot, feed } from '../feeds.js'
import { plansStorage } from '../plans/storage.js'
import { barFromPlan, freePosition } from '../plans/lifecycle.js'
import { proved, strike, suspend } from '../roles.js'
import { pay } from '../ratio.js'
import { setupEvidence, setupFailed } from '../plans/setup.js'
import { closePerformance, openCheck } from './performance.js'
import { Challenges } from './pallet.js'

/** Closes the checks whose deadline is this block and opens those this block's randomness draws. */
export function runChecks (ctx: DispatchCtx): void {
  const now = ctx.block.number
  for (const [id, kind] of takeDue(ctx, s.Closing, now)) kind.type === 'Storage' ? expireStorage(ctx, id) : closePerformance(ctx, id)
  openDrawn(ctx)
  const forgotten = now - LAPSE_MEMORY
  if (forgotten >= 0) for (const [id] of takeDue(ctx, s.LapsedAt, forgotten)) s.Lapsed.remove(ctx, id)
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
    if (!s.OpenStorage.contains(ctx, plan, position)) openStorage(ctx, plan, position)
  }
  for (const [plan, position] of performance) {
    if (!s.OpenPerformance.contains(ctx, plan, position)) openPerformance(ctx, plan, position)
  }
}

/** A check closed: its position may be drawn again. */
export function closed (ctx: DispatchCtx, kind: 'Storage' | 'Performance', plan: bigint, position: number, id: bigint): void {
  const open = kind === 'Storage' ? s.OpenStorage : s.OpenPerformance
  if (open.get(ctx, plan, position) === id) open.remove(ctx, plan, position)
}

function activeHoster (ctx: DispatchCtx, plan: bigint, position: number): Uint8Array | null {
  const p = plansStorage.Positions.get(ctx, plan, position)
  return p !== null && p.state.type === 'Active' ? p.hoster : null
}

export function nextId (ctx: DispatchCtx): bigint {
  const id = s.NextId.get(ctx)
  s.NextId.set(ctx, id + 1n)
  return id
}

export function closeAt (ctx: DispatchCtx, deadline: number, id: bigint, kind: CheckKindValue): void {
  s.Closing.set(ctx, deadline, id, kind)
}

/** The root a position's proofs must lead to, and the block indexes it holds. */
export function positionRoot (ctx: DispatchCtx, planId: bigint, position: number): { length: bigint, treeHash: Uint8Array, ranges: Array<[bigint, bigint]> } | null {
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
export function sampleIndexes (draw: Draw, ranges: Array<[bigint, bigint]>, samples: number): bigint[] {
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

function openStorage (ctx: DispatchCtx, plan: bigint, position: number): void {
  const hoster = activeHoster(ctx, plan, position)
  if (hoster !== null) openStorageFor(ctx, plan, position, hoster)
}

/** A new hoster's first storage challenge, part of the evidence that confirms its setup. */
export function openSetupChallenge (ctx: DispatchCtx, plan: bigint, position: number, hoster: Uint8Array): void {
  openStorageFor(ctx, plan, position, hoster)
}

function openStorageFor (ctx: DispatchCtx, plan: bigint, position: number, hoster: Uint8Array): void {
  const root = positionRoot(ctx, plan, position)
  if (root === null) return
  const id = nextId(ctx)
  const indexes = sampleIndexes(new Draw(seed.get(ctx), `datdot/challenge/${id}`), root.ranges, params(ctx).samples)
  if (indexes.length === 0) {
    // The position holds no block yet (its ranges lie past the feed's end): nothing to prove, nothing to pay.
    if (plansStorage.Positions.get(ctx, plan, position)?.state.type === 'Setup') setupEvidence(ctx, plan, position, 'stored')
    return
  }
  const deadline = ctx.block.number + params(ctx).responseWindow
  s.StorageChallenges.set(ctx, id, { plan, position, hoster, indexes, length: root.length, treeHash: root.treeHash, deadline })
  s.HosterChallenges.set(ctx, hoster, id, deadline)
  s.OpenStorage.set(ctx, plan, position, id)
  closeAt(ctx, deadline, id, { type: 'Storage' })
  Challenges.emit(ctx, { type: 'StorageChallenge', value: { id, plan, position, hoster, indexes, rootLength: root.length, deadline } })
}

/** A storage challenge passed: the hoster is paid for the bytes it held since it was last paid. */
export function acceptStorage (ctx: DispatchCtx, id: bigint, c: StorageChallengeValue): void {
  s.StorageChallenges.remove(ctx, id)
  s.HosterChallenges.remove(ctx, c.hoster, id)
  closed(ctx, 'Storage', c.plan, c.position, id)
  const position = plansStorage.Positions.get(ctx, c.plan, c.position)
  const plan = plansStorage.Plans.get(ctx, c.plan)
  let paid = 0n
  const held = position !== null && position.hoster !== null && u8aEq(position.hoster, c.hoster)
  if (held) proved(ctx, c.hoster, params(ctx).strikeDecay)
  // A hoster in setup is not paid yet: its proof is evidence for its setup.
  if (held && position.state.type === 'Setup') {
    Challenges.emit(ctx, { type: 'StorageProofAccepted', value: { id, plan: c.plan, position: c.position, hoster: c.hoster, paid } })
    return setupEvidence(ctx, c.plan, c.position, 'stored')
  }
  if (position !== null && plan !== null && held) {
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
  s.LapsedAt.set(ctx, ctx.block.number, id, true)
  Challenges.emit(ctx, { type: 'StorageProofFailed', value: { id, plan: c.plan, position: c.position, hoster: c.hoster } })
  const p = plansStorage.Positions.get(ctx, c.plan, c.position)
  if (p !== null && p.state.type === 'Setup' && p.hoster !== null && u8aEq(p.hoster, c.hoster)) return setupFailed(ctx, c.plan, c.position)
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
  suspend(ctx, hoster)
  freePosition(ctx, plan, position, false)
  return false
}

function openPerformance (ctx: DispatchCtx, plan: bigint, position: number): void {
  const hoster = activeHoster(ctx, plan, position)
  if (hoster !== null) openCheck(ctx, plan, position, hoster, { setup: null, retry: false })
}

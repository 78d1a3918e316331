import { u8aEq } from '@polkadot/util'
import type { DispatchCtx } from '../../frame/pallet.js'
import type { StorageCtx } from '../../frame/storage.js'
import { plansStorage as s } from './storage.js'
import { takeDue } from '../../frame/schedule.js'
import type { AmendmentValue, PlanValue, PositionValue, WaitReasonName } from './types.js'
import { dequeue, enqueueRepair } from './queue.js'
import { Draw } from '../draw.js'
import { seed } from '../randomness.js'
import { commit, drawMembers, freeCapacity, isActive, network, provider, release, strike, suspend } from '../roles.js'
import { feed } from '../feeds.js'
import { params } from '../params.js'
import { System } from '../system.js'
import { addActive, removeActive } from '../challenges/active.js'
import { Plans } from './pallet.js'
import { planEnded } from '../audits/open-close.js'
import { codedHead, familyOf, generationsOf, grow } from './growth.js'

const VACANT: PositionValue = { hoster: null, state: { type: 'Vacant' }, ready: false, bytes: 0n, strikes: 0, paidUntil: 0 }

export const vacantPosition = (): PositionValue => ({ ...VACANT })

/** For how many amendment deadlines a hoster that failed a plan is not drawn for it again. */
const STRUCK_COOLDOWN_DEADLINES = 2

export function positionsOf (ctx: StorageCtx, planId: bigint, plan: PlanValue): Array<[number, PositionValue]> {
  return Array.from({ length: plan.positions }, (_, i) => [i, s.Positions.get(ctx, planId, i)!] as [number, PositionValue])
}

/** Whether a plan is over: unpublished (Ended) or its data lost (Lost). */
export const isOver = (plan: PlanValue): boolean => plan.status.type === 'Ended' || plan.status.type === 'Lost'

/**
 * The positions of a plan whose hoster holds its copy, as far as the chain knows: active, or set up and
 * reported ready (its checks pending). For an erasure plan, the slots a repair can rebuild from.
 */
export function intactPositions (ctx: StorageCtx, planId: bigint, plan: PlanValue): number {
  return positionsOf(ctx, planId, plan).filter(([, p]) => p.state.type === 'Active' || (p.state.type === 'Setup' && p.ready)).length
}

/**
 * Bytes one position of the plan holds: the feed (or its ranges) for replicas, a k-th of the blocks it codes
 * for a slot (its real size once the slots are agreed).
 */
export function bytesPerPosition (ctx: StorageCtx, plan: PlanValue, position: number, planId: bigint): bigint {
  const f = feed(ctx, plan.feed)
  if (f === null) return 0n
  if (plan.mode.type === 'Erasure') {
    const slot = s.Slots.get(ctx, planId, position)
    if (slot !== null) return slot.byteLength
    const k = BigInt(plan.mode.value.k)
    const coded = codedHead(ctx, planId, plan)!
    return (coded.byteLength - coded.startByte + k - 1n) / k
  }
  return plan.ranges === null ? f.root.byteLength : rangeBytes(f.root, plan.ranges)
}

/** Bytes of block ranges of a feed: ranges are blocks, their bytes estimated at the feed's mean block size, rounded up. */
function rangeBytes ({ length, byteLength }: { length: bigint, byteLength: bigint }, ranges: Array<{ start: bigint, end: bigint }>): bigint {
  const covered = ranges.reduce((n, r) => n + (r.end < length ? r.end : length) - (r.start < length ? r.start : length), 0n)
  return (byteLength * covered + length - 1n) / length
}

/**
 * Gives a plan's vacant positions to hosters drawn from the block randomness, with attesters to check the
 * setup and, for a new erasure plan, two encoders. Returns null when done, or (changing nothing) which
 * providers the network has not enough eligible ones of; the plan then stays queued.
 */
export function assignVacant (ctx: DispatchCtx, planId: bigint): WaitReasonName | null {
  const plan = s.Plans.get(ctx, planId)
  if (plan === null || isOver(plan)) return null
  const all = positionsOf(ctx, planId, plan)
  const vacant = all.filter(([, p]) => p.state.type === 'Vacant').map(([i]) => i)
  if (vacant.length === 0) return null
  const now = ctx.block.number
  const { amendmentDeadline, attestersPerCheck, probation, setupThroughput } = params(ctx)
  // Slot roots fixed: a repair, which one encoder does from the other slots.
  const encoded = s.Slots.contains(ctx, planId, 0)
  const holders = all.map(([, p]) => p.hoster).filter((h): h is Uint8Array => h !== null)
  const isPlanMember = (who: Uint8Array) => u8aEq(who, plan.sponsor) || holders.some((h) => u8aEq(h, who))
  // A hoster that just failed this plan (often one that is gone) would most likely fail its setup again.
  const recentlyStruck = (who: Uint8Array) => {
    const at = s.StruckFrom.get(ctx, planId, who)
    return at !== null && now < at + STRUCK_COOLDOWN_DEADLINES * amendmentDeadline
  }
  const draw = new Draw(seed.get(ctx), `datdot/assign/${planId}`)
  const sizes = vacant.map((i) => bytesPerPosition(ctx, plan, i, planId))
  const largest = sizes.reduce((a, b) => (a > b ? a : b), 0n)

  // One account, one copy of a feed: a hoster of another plan of this feed would store it once for both. The
  // generations of an erasure plan code other blocks each: their hosters may hold a slot of several.
  const family = familyOf(ctx, planId)
  const holdsFeed = (who: Uint8Array) => {
    const record = s.FeedHosters.get(ctx, plan.feed, who)
    return record !== null && familyOf(ctx, record[0]) !== family
  }
  const hosters = drawMembers(ctx, 'Hoster', vacant.length, draw, (who, p, picked) =>
    isActive(p, now, probation) && !isPlanMember(who) && !holdsFeed(who) && !recentlyStruck(who) && freeCapacity(p) >= largest &&
    !sharesNetwork(ctx, who, [...holders, ...picked]))
  if (hosters.length < vacant.length) return 'Hosters'
  const encodersNeeded = plan.mode.type !== 'Erasure' ? 0 : encoded ? 1 : 2
  // An encoder serves slot cores of its own; a hoster of the same slots in the same process would clash with them.
  const encoders = encodersNeeded === 0 ? [] : drawMembers(ctx, 'Encoder', encodersNeeded, draw, (who, p) => isActive(p, now, probation) && !isPlanMember(who) && !recentlyStruck(who) && !hosters.some((h) => u8aEq(h, who)))
  if (encoders.length < encodersNeeded) return 'Encoders'
  // An attester checks hosters as an outsider: never a member of the plan, nor an encoder of these slots.
  const outsider = (who: Uint8Array) => !isPlanMember(who) && ![...hosters, ...encoders].some((h) => u8aEq(h, who))
  const attesters = drawMembers(ctx, 'Attester', Math.min(vacant.length, attestersPerCheck), draw, (who, p) => isActive(p, now, probation) && outsider(who))
  if (attesters.length === 0) return 'Attesters'

  const id = s.NextAmendmentId.get(ctx)
  s.NextAmendmentId.set(ctx, id + 1n)
  vacant.forEach((position, j) => {
    commit(ctx, hosters[j], sizes[j])
    s.Positions.set(ctx, planId, position, { ...VACANT, hoster: hosters[j], state: { type: 'Setup', value: id }, bytes: sizes[j] })
    s.HosterPositions.set(ctx, hosters[j], [planId, position], now)
    if (!s.FeedHosters.contains(ctx, plan.feed, hosters[j])) s.FeedHosters.set(ctx, plan.feed, hosters[j], [planId, position])
  })
  // Both encoders code the head of now, whatever the feed's head is when they start; a re-encoding codes the
  // same blocks again (later ones are its generations').
  if (encodersNeeded === 2 && !s.CodedHeads.contains(ctx, planId)) s.CodedHeads.set(ctx, planId, codedHead(ctx, planId, plan)!)
  // Fetching takes time in proportion to the bytes: the hosters' largest position, or for an erasure plan
  // what its encoders fetch first: the blocks it codes (new), or k slots (repair), both about k slots.
  const toFetch = plan.mode.type === 'Erasure' ? BigInt(plan.mode.value.k) * largest : largest
  const deadline = now + amendmentDeadline + Number((toFetch + BigInt(setupThroughput) - 1n) / BigInt(setupThroughput))
  const amendment: AmendmentValue = {
    plan: planId,
    kind: { type: all.some(([, p]) => p.state.type !== 'Vacant') || encoded ? 'Repair' : 'New' },
    positions: vacant,
    hosters,
    encoders,
    attesters,
    deadline,
    proposed: null,
    delivered: false
  }
  s.Amendments.set(ctx, id, amendment)
  s.AmendmentDeadlines.set(ctx, deadline, id, true)
  Plans.emit(ctx, { type: 'NewAmendment', value: { id, plan: planId, positions: vacant, hosters, encoders, attesters, deadline } })
  return null
}

/**
 * Whether the hoster's known /24 network is already one of `others`': hosters on one network may be one
 * machine, so a plan takes at most one of them. Unknown networks exclude nobody.
 */
function sharesNetwork (ctx: StorageCtx, who: Uint8Array, others: Uint8Array[]): boolean {
  const mine = network(ctx, who)
  if (mine === null) return false
  return others.some((h) => {
    const theirs = network(ctx, h)
    return theirs !== null && u8aEq(theirs, mine)
  })
}

export function activate (ctx: DispatchCtx, planId: bigint, position: number): void {
  const plan = s.Plans.get(ctx, planId)!
  const p = s.Positions.get(ctx, planId, position)!
  s.Positions.set(ctx, planId, position, { ...p, state: { type: 'Active' }, ready: false, paidUntil: ctx.block.number })
  if (plan.status.type === 'Queued') s.Plans.set(ctx, planId, { ...plan, status: { type: 'Active' } })
  addActive(ctx, planId, position)
  Plans.emit(ctx, { type: 'HostingStarted', value: { plan: planId, position, hoster: p.hoster! } })
}

/**
 * Takes a position from its hoster (failed setup, struck out): releases the capacity, strikes the hoster
 * if it failed, and queues the position for a fresh hoster.
 */
export function freePosition (ctx: DispatchCtx, planId: bigint, position: number, failed: boolean): void {
  const p = s.Positions.get(ctx, planId, position)
  if (p === null || p.hoster === null) return
  release(ctx, p.hoster, p.bytes)
  s.HosterPositions.remove(ctx, p.hoster, [planId, position])
  forgetFeedHoster(ctx, s.Plans.get(ctx, planId)!.feed, p.hoster, planId, position)
  s.SetupProgress.remove(ctx, planId, position)
  s.SetupFetched.remove(ctx, planId, position)
  removeActive(ctx, planId, position)
  if (failed) {
    strike(ctx, p.hoster)
    barFromPlan(ctx, planId, p.hoster)
    suspend(ctx, p.hoster)
  }
  s.Positions.set(ctx, planId, position, vacantPosition())
  Plans.emit(ctx, { type: 'PositionFreed', value: { plan: planId, position, hoster: p.hoster } })
  enqueueRepair(ctx, planId)
}

/** Keeps a hoster (or an encoder, after a failed audit) that failed the plan out of its next draws for a while (STRUCK_COOLDOWN_DEADLINES). */
export function barFromPlan (ctx: DispatchCtx, planId: bigint, hoster: Uint8Array): void {
  s.StruckFrom.set(ctx, planId, hoster, ctx.block.number)
}

/**
 * Takes a position out of the feed index after its hoster lost it. The hoster may hold other generations of
 * the same erasure plan: the record then names one of those.
 */
function forgetFeedHoster (ctx: StorageCtx, feedId: bigint, hoster: Uint8Array, planId: bigint, position: number): void {
  const record = s.FeedHosters.get(ctx, feedId, hoster)
  if (record === null || record[0] !== planId || record[1] !== position) return
  const family = familyOf(ctx, planId)
  const other = s.HosterPositions.entriesOf(ctx, hoster).find(([[plan]]) => familyOf(ctx, plan) === family)
  if (other === undefined) s.FeedHosters.remove(ctx, feedId, hoster)
  else s.FeedHosters.set(ctx, feedId, hoster, other[0])
}

/**
 * Ends a plan: every hoster's capacity is released, the backing returned, the plan left as Ended (or Lost).
 * An erasure plan's generations end with it: they only extend it.
 */
export function endPlan (ctx: DispatchCtx, planId: bigint, plan: PlanValue, status: 'Ended' | 'Lost' = 'Ended'): void {
  for (const generation of generationsOf(ctx, planId)) {
    const g = s.Plans.get(ctx, generation)
    if (g !== null && !isOver(g)) endPlan(ctx, generation, g)
  }
  for (const [position, p] of positionsOf(ctx, planId, plan)) {
    // Its amendments go too: nobody is to keep setting up, encoding or checking for an ended plan.
    if (p.state.type === 'Setup') removeAmendment(ctx, p.state.value)
    if (p.hoster !== null) {
      release(ctx, p.hoster, p.bytes)
      s.HosterPositions.remove(ctx, p.hoster, [planId, position])
      forgetFeedHoster(ctx, plan.feed, p.hoster, planId, position)
    }
    removeActive(ctx, planId, position)
    s.Positions.remove(ctx, planId, position)
    s.Slots.remove(ctx, planId, position)
    s.SetupProgress.remove(ctx, planId, position)
    s.SetupFetched.remove(ctx, planId, position)
  }
  for (const [hoster] of s.StruckFrom.entriesOf(ctx, planId)) s.StruckFrom.remove(ctx, planId, hoster)
  planEnded(ctx, planId)
  for (const [supporter, amount] of s.Support.entriesOf(ctx, planId)) {
    unreserve(ctx, supporter, amount)
    s.Support.remove(ctx, planId, supporter)
  }
  dequeue(ctx, planId)
  s.PlansByFeed.remove(ctx, plan.feed, planId)
  s.Plans.set(ctx, planId, { ...plan, status: { type: status }, backing: 0n })
  Plans.emit(ctx, { type: 'PlanEnded', value: { plan: planId } })
}

/**
 * An erasure plan's data is gone: fewer than k slots are held and its repair encoder could fetch neither k
 * slots nor the feed. The chain says so, and the plan ends (Lost): its hosters are released, nothing more is
 * charged, and the sponsor may publish the feed again if a copy turns up.
 */
export function loseData (ctx: DispatchCtx, planId: bigint): void {
  const plan = s.Plans.get(ctx, planId)
  if (plan === null || isOver(plan)) return
  Plans.emit(ctx, { type: 'DataLost', value: { plan: planId } })
  endPlan(ctx, planId, plan, 'Lost')
}

/**
 * A feed grew: every replica of it holds more bytes. Each hoster commits the difference of its capacity; one
 * without the room hands its position over (no strike: the growth was not its fault). An erasure plan gains
 * a generation for the new blocks (PlansByFeed holds first plans only: generations are reached through them).
 */
export function feedGrew (ctx: DispatchCtx, feedId: bigint): void {
  for (const [planId] of s.PlansByFeed.entriesOf(ctx, feedId)) {
    const plan = s.Plans.get(ctx, planId)
    if (plan === null) continue
    if (plan.mode.type === 'Erasure') {
      grow(ctx, planId)
      continue
    }
    for (const [position, p] of positionsOf(ctx, planId, plan)) {
      if (p.hoster === null) continue
      const bytes = bytesPerPosition(ctx, plan, position, planId)
      if (bytes <= p.bytes) continue
      if (freeCapacity(provider(ctx, p.hoster)!) < bytes - p.bytes) {
        freePosition(ctx, planId, position, false)
        continue
      }
      commit(ctx, p.hoster, bytes - p.bytes)
      s.Positions.set(ctx, planId, position, { ...p, bytes })
    }
  }
}

/** Moves an amendment's deadline to block `at`, if that is later. */
export function extendDeadline (ctx: DispatchCtx, id: bigint, at: number): void {
  const a = s.Amendments.get(ctx, id)
  if (a === null || a.deadline >= at) return
  s.AmendmentDeadlines.remove(ctx, a.deadline, id)
  s.AmendmentDeadlines.set(ctx, at, id, true)
  s.Amendments.set(ctx, id, { ...a, deadline: at })
}

function removeAmendment (ctx: StorageCtx, id: bigint): void {
  const a = s.Amendments.get(ctx, id)
  if (a === null) return
  s.AmendmentDeadlines.remove(ctx, a.deadline, id)
  s.Amendments.remove(ctx, id)
}

/**
 * Handles the amendments whose deadline is this block: positions not set up go to fresh providers. A hoster
 * that reported ready and whose evidence did not conclude (its attesters were silent), or that reported
 * progress, is not at fault; nor is the hoster of an erasure repair whose encoder never served the rebuilt
 * slots: the encoder is struck and suspended instead (unless only k slots were left to rebuild from).
 */
export function expireAmendments (ctx: DispatchCtx): void {
  for (const [id] of takeDue(ctx, s.AmendmentDeadlines, ctx.block.number)) {
    const a = s.Amendments.get(ctx, id)
    if (a === null) continue
    const plan = s.Plans.get(ctx, a.plan)
    const k = plan?.mode.type === 'Erasure' ? plan.mode.value.k : null
    const erasure = k !== null
    const encoded = erasure && s.Slots.contains(ctx, a.plan, 0)
    const unfinished = a.positions.filter((position) => {
      const p = s.Positions.get(ctx, a.plan, position)
      return p !== null && p.state.type === 'Setup' && p.state.value === id && p.hoster !== null
    })
    const encoderFailed = encoded && a.kind.type === 'Repair' && !a.delivered && unfinished.length > 0
    if (encoderFailed) {
      // With only k slots held (or fewer), one gone hoster not struck out yet is enough to make the slots
      // short: the encoder is excused, only kept from the plan so that another tries.
      const excused = intactPositions(ctx, a.plan, plan!) <= k!
      for (const encoder of a.encoders) {
        if (!excused) {
          strike(ctx, encoder)
          suspend(ctx, encoder)
        }
        barFromPlan(ctx, a.plan, encoder)
      }
    }
    // A slot hoster had nothing to fetch while the encoders had not agreed, or the repair's encoder did not
    // serve the slot: only otherwise is it at fault.
    const hostersAtFault = !erasure || (encoded && !encoderFailed)
    for (const position of unfinished) {
      const p = s.Positions.get(ctx, a.plan, position)!
      // A hoster that showed progress was slow, not absent: not struck, only kept from this plan for a while.
      const slow = hostersAtFault && !p.ready && (s.SetupFetched.get(ctx, a.plan, position) ?? 0n) > 0n
      if (slow) barFromPlan(ctx, a.plan, p.hoster!)
      freePosition(ctx, a.plan, position, hostersAtFault && !p.ready && !slow)
    }
    s.Amendments.remove(ctx, id)
  }
}

export function unreserve (ctx: StorageCtx, who: Uint8Array, amount: bigint): void {
  reserveDelta(ctx, who, -amount)
}

/** Moves ratio between free and reserved (support backs a plan without being spent). */
export function reserveDelta (ctx: StorageCtx, who: Uint8Array, delta: bigint): void {
  System.storage.Account.mutate(ctx, who, (a) => ({ ...a, data: { ...a.data, free: a.data.free - delta, reserved: a.data.reserved + delta } }))
}

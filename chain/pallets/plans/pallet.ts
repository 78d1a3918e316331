import { u8aEq } from '@polkadot/util'
import { definePallet, signedCall } from '../../frame/pallet.js'
import { AccountId32, named, option, seq, u128, u16, u32, u64 } from '../../types/ty.js'
import { plansStorage as s } from './storage.js'
import { Mode, Range, SlotRoot, WaitReason } from './types.js'
import type { AmendmentValue, ModeValue, PlanValue } from './types.js'
import { assignVacant, endPlan, expireAmendments, extendDeadline, freePosition, intactPositions, isOver, loseData, reserveDelta, vacantPosition } from './lifecycle.js'
import { enqueueRequest, serveQueue } from './queue.js'
import { beginSetupChecks } from './setup.js'
import { feed } from '../feeds.js'
import { balance } from '../ratio.js'
import { params } from '../params.js'
import { commit, release } from '../roles.js'
import { reward } from '../ratio.js'
import { encodingAccepted } from '../audits/encoded.js'
import { codedHead, familyOf, grow } from './growth.js'
import { dbWeight } from '../../frame/weight.js'

/** Most positions in one plan: ronomon's Reed-Solomon takes k ≤ 24 and m ≤ 6. */
const MAX_REPLICAS = 32
const MAX_K = 24
const MAX_M = 6

export const Plans = definePallet({
  name: 'Plans',
  storage: s,
  events: {
    HostingRequested: named({ plan: u64, feed: u64, sponsor: AccountId32, mode: Mode }),
    NewAmendment: named({ id: u64, plan: u64, positions: seq(u16), hosters: seq(AccountId32), encoders: seq(AccountId32), attesters: seq(AccountId32), deadline: u32 }),
    HostingReady: named({ amendment: u64, plan: u64, position: u16, hoster: AccountId32 }),
    HostingStarted: named({ plan: u64, position: u16, hoster: AccountId32 }),
    SetupFailed: named({ amendment: u64, plan: u64, position: u16, hoster: AccountId32 }),
    EncodingProposed: named({ amendment: u64, plan: u64, encoder: AccountId32 }),
    EncodingAccepted: named({ amendment: u64, plan: u64 }),
    EncodingDisputed: named({ amendment: u64, plan: u64 }),
    PositionFreed: named({ plan: u64, position: u16, hoster: AccountId32 }),
    /** The queue could not serve the plan: too few eligible providers of this kind; it is tried again. */
    PlanWaiting: named({ plan: u64, reason: WaitReason }),
    PlanSupported: named({ plan: u64, supporter: AccountId32, amount: u128 }),
    /** An erasure repair's encoder serves the rebuilt slots: from now on their hosters are at fault if they miss the deadline. */
    RepairServed: named({ amendment: u64, plan: u64, encoder: AccountId32 }),
    /** An erasure plan holds fewer than k slots and neither k slots nor the feed could be fetched: the data is gone; the plan ends. */
    DataLost: named({ plan: u64 }),
    /** An erasure plan's feed grew: its blocks [start, end) are coded as a generation, a plan of their own. */
    GenerationAdded: named({ plan: u64, generation: u64, start: u64, end: u64 }),
    PlanEnded: named({ plan: u64 })
  },
  errors: {
    FeedNotFound: 'No feed with this id.',
    PlanNotFound: 'No plan with this id.',
    PlanEnded: 'The plan has ended.',
    InvalidMode: `Replicate takes 1 to ${MAX_REPLICAS} replicas; Erasure takes 1 ≤ k ≤ ${MAX_K} and 1 ≤ m ≤ ${MAX_M}.`,
    InvalidRanges: 'Ranges must be non-empty, ordered, non-overlapping block ranges [start, end) within the feed.',
    ErasureRanges: 'An erasure plan codes the whole feed, and follows its growth: ranges are for Replicate plans.',
    IsGeneration: 'The plan is a generation of an erasure plan: it ends with that plan (unpublish the first plan).',
    NotSponsor: 'Only the plan\'s sponsor may do this.',
    QueueFull: 'Too many plans wait for providers; try again later.',
    AmendmentNotFound: 'No open amendment with this id (it may have passed its deadline).',
    NotAssigned: 'The account is not assigned to this amendment and position.',
    NotInSetup: 'The position is not being set up by this amendment.',
    NoProgress: 'A progress report must name more blocks than the last one.',
    EncodingPending: 'The erasure slots are not agreed on yet: wait for EncodingAccepted.',
    WrongSlotCount: 'An encoding gives exactly one slot root per position (k + m).',
    UnevenSlots: 'The slots of an encoding all hold the same number of blocks (one per stripe), at least one.',
    WrongSlotLength: 'A slot holds one block per stripe of the blocks the plan codes: ceil(blocks / k).',
    NotARepair: 'The amendment is not a repair of an erasure plan whose slots are agreed on.',
    SlotsRemain: 'At least k of the plan\'s slots are still held: rebuild from them.',
    EncodingDone: 'The encoding of this amendment was accepted already.',
    InsufficientRatio: 'The account has less ratio than the amount.',
    ZeroAmount: 'The amount must be more than zero.',
    AlreadyReady: 'The position was reported ready already; its setup checks are under way.'
  },
  calls: {
    requestHosting: signedCall({ feed: u64, mode: Mode, ranges: option(seq(Range)) }, (ctx, who, { feed: feedId, mode, ranges }) => {
      const f = feed(ctx, feedId)
      if (f === null) throw Plans.errors.FeedNotFound()
      const positions = positionCount(mode)
      if (positions === null) throw Plans.errors.InvalidMode()
      if (ranges !== null && mode.type === 'Erasure') throw Plans.errors.ErasureRanges()
      if (ranges !== null && !validRanges(ranges, f.root.length)) throw Plans.errors.InvalidRanges()
      const id = s.NextPlanId.get(ctx)
      s.NextPlanId.set(ctx, id + 1n)
      s.Plans.set(ctx, id, { feed: feedId, sponsor: who, mode, ranges, status: { type: 'Queued' }, backing: 0n, positions, createdAt: ctx.block.number })
      for (let i = 0; i < positions; i++) s.Positions.set(ctx, id, i, vacantPosition())
      s.PlansByFeed.set(ctx, feedId, id, ctx.block.number)
      // Providers are drawn when the queue is served at the end of this block, from this block's randomness,
      // which did not exist yet when the requester signed.
      if (!enqueueRequest(ctx, id)) throw Plans.errors.QueueFull()
      Plans.emit(ctx, { type: 'HostingRequested', value: { plan: id, feed: feedId, sponsor: who, mode } })
    }, 'Asks the network to host a feed: Replicate { replicas } or Erasure { k, m }, optionally only block ranges.', { weight: ({ mode, ranges }) => dbWeight(6, 6 + (positionCount(mode) ?? 0), ranges?.length ?? 0) }),

    unpublish: signedCall({ plan: u64 }, (ctx, who, { plan: id }) => {
      const plan = s.Plans.get(ctx, id)
      if (plan === null) throw Plans.errors.PlanNotFound()
      if (!u8aEq(plan.sponsor, who)) throw Plans.errors.NotSponsor()
      if (isOver(plan)) throw Plans.errors.PlanEnded()
      if (s.GenerationOf.contains(ctx, id)) throw Plans.errors.IsGeneration()
      endPlan(ctx, id, plan)
    }, 'Ends a plan: hosters are released and backing returned.', { weight: dbWeight(12, 12) }),

    support: signedCall({ plan: u64, amount: u128 }, (ctx, who, { plan: id, amount }) => {
      const plan = s.Plans.get(ctx, id)
      if (plan === null) throw Plans.errors.PlanNotFound()
      if (isOver(plan)) throw Plans.errors.PlanEnded()
      if (amount === 0n) throw Plans.errors.ZeroAmount()
      if (balance(ctx, who) < amount) throw Plans.errors.InsufficientRatio()
      reserveDelta(ctx, who, amount)
      s.Support.set(ctx, id, who, (s.Support.get(ctx, id, who) ?? 0n) + amount)
      s.Plans.set(ctx, id, { ...plan, backing: plan.backing + amount })
      Plans.emit(ctx, { type: 'PlanSupported', value: { plan: id, supporter: who, amount } })
    }, 'Reserves ratio to back a plan\'s priority in the queue; it is returned when the plan ends.', { weight: dbWeight(3, 3) }),

    hostingReady: signedCall({ amendment: u64, position: u16 }, (ctx, who, { amendment: id, position }) => {
      const a = s.Amendments.get(ctx, id)
      if (a === null) throw Plans.errors.AmendmentNotFound()
      const p = s.Positions.get(ctx, a.plan, position)
      if (p === null || p.hoster === null || !u8aEq(p.hoster, who)) throw Plans.errors.NotAssigned()
      if (p.state.type !== 'Setup' || p.state.value !== id) throw Plans.errors.NotInSetup()
      // Free to send (paid work): a second report would open its checks again, as often as it is sent.
      if (p.ready) throw Plans.errors.AlreadyReady()
      if (s.Plans.get(ctx, a.plan)!.mode.type === 'Erasure' && !s.Slots.contains(ctx, a.plan, position)) throw Plans.errors.EncodingPending()
      s.Positions.set(ctx, a.plan, position, { ...p, ready: true })
      Plans.emit(ctx, { type: 'HostingReady', value: { amendment: id, plan: a.plan, position, hoster: who } })
      beginSetupChecks(ctx, id, a.plan, position, who)
    }, 'A hoster reports its copy of the position complete; the chain then asks it for a storage proof and has attesters check that it serves.', { weight: dbWeight(6, 6), free: { tag: ({ amendment, position }) => `${amendment}/${position}` } }),

    reportProgress: signedCall({ amendment: u64, position: u16, blocks: u64 }, (ctx, who, { amendment: id, position, blocks }) => {
      const a = s.Amendments.get(ctx, id)
      if (a === null) throw Plans.errors.AmendmentNotFound()
      const p = s.Positions.get(ctx, a.plan, position)
      if (p === null || p.hoster === null || !u8aEq(p.hoster, who)) throw Plans.errors.NotAssigned()
      if (p.state.type !== 'Setup' || p.state.value !== id) throw Plans.errors.NotInSetup()
      if (blocks <= (s.SetupFetched.get(ctx, a.plan, position) ?? 0n)) throw Plans.errors.NoProgress()
      s.SetupFetched.set(ctx, a.plan, position, blocks)
    }, 'A hoster setting a position up reports how many blocks it holds so far: one that shows progress is not struck for missing the deadline.', { weight: dbWeight(3, 1) }),

    submitEncoding: signedCall({ amendment: u64, slots: seq(SlotRoot) }, (ctx, who, { amendment: id, slots }) => {
      const a = s.Amendments.get(ctx, id)
      if (a === null) throw Plans.errors.AmendmentNotFound()
      if (!a.encoders.some((e) => u8aEq(e, who))) throw Plans.errors.NotAssigned()
      // Accepted once: a submission after that would pay the encoders again.
      if (a.delivered) throw Plans.errors.EncodingDone()
      const plan = s.Plans.get(ctx, a.plan)!
      if (slots.length !== plan.positions) throw Plans.errors.WrongSlotCount()
      // Audits draw a stripe below slot 0's length: an empty or a shorter slot would let its encoders escape them.
      if (slots.some((slot) => slot.length === 0n || slot.length !== slots[0].length)) throw Plans.errors.UnevenSlots()
      // Slots of another length code other blocks than the plan's (an older head would leave blocks uncoded).
      const coded = codedHead(ctx, a.plan, plan)!
      if (plan.mode.type === 'Erasure' && slots[0].length !== ceilDiv(coded.length - coded.start, BigInt(plan.mode.value.k))) throw Plans.errors.WrongSlotLength()
      if (a.proposed === null || u8aEq(a.proposed.encoder, who)) {
        s.Amendments.set(ctx, id, { ...a, proposed: { encoder: who, slots } })
        Plans.emit(ctx, { type: 'EncodingProposed', value: { amendment: id, plan: a.plan, encoder: who } })
        return
      }
      if (!sameSlots(a.proposed.slots, slots)) {
        // Two encoders disagree: neither is trusted; the deadline hands the plan to fresh providers.
        s.Amendments.set(ctx, id, { ...a, proposed: null })
        Plans.emit(ctx, { type: 'EncodingDisputed', value: { amendment: id, plan: a.plan } })
        return
      }
      s.Amendments.set(ctx, id, { ...a, delivered: true })
      slots.forEach((slot, i) => s.Slots.set(ctx, a.plan, i, slot))
      for (const position of a.positions) resizeToSlot(ctx, a.plan, position, slots[position].byteLength)
      for (const encoder of [a.proposed.encoder, who]) reward(ctx, encoder, params(ctx).encoderReward, 'Encoding')
      encodingAccepted(ctx, a.plan, [a.proposed.encoder, who])
      Plans.emit(ctx, { type: 'EncodingAccepted', value: { amendment: id, plan: a.plan } })
      // What the feed gained meanwhile is coded next.
      grow(ctx, familyOf(ctx, a.plan))
    }, 'An encoder submits the slot roots of an erasure plan; two agreeing encoders fix them.', { weight: ({ slots }) => dbWeight(6, 6 + 2 * slots.length) }),

    repairServed: signedCall({ amendment: u64 }, (ctx, who, { amendment: id }) => {
      const { a } = erasureRepair(ctx, id, who)
      if (a.delivered) return
      s.Amendments.set(ctx, id, { ...a, delivered: true })
      // The new hosters could not fetch before: they get a whole deadline, base and bytes, from now.
      const { amendmentDeadline, setupThroughput } = params(ctx)
      const bytes = a.positions.map((position) => s.Positions.get(ctx, a.plan, position)?.bytes ?? 0n).reduce((x, y) => (x > y ? x : y), 0n)
      extendDeadline(ctx, id, ctx.block.number + amendmentDeadline + Number((bytes + BigInt(setupThroughput) - 1n) / BigInt(setupThroughput)))
      Plans.emit(ctx, { type: 'RepairServed', value: { amendment: id, plan: a.plan, encoder: who } })
    }, 'The encoder of an erasure repair reports the rebuilt slots served, for the new hosters to fetch (they then have amendmentDeadline blocks).', { weight: dbWeight(6, 3) }),

    reportDataLost: signedCall({ amendment: u64 }, (ctx, who, { amendment: id }) => {
      const { a, plan, k } = erasureRepair(ctx, id, who)
      if (intactPositions(ctx, a.plan, plan) >= k) throw Plans.errors.SlotsRemain()
      loseData(ctx, a.plan)
    }, 'The encoder of an erasure repair reports that it could fetch neither k slots nor the feed; accepted only while the chain sees fewer than k slots held.', { weight: dbWeight(12, 12) })
  },
  hooks: {
    onInitialize: expireAmendments,
    onFinalize: (ctx) => serveQueue(ctx, assignVacant)
  }
})

/** An open repair amendment of an encoded erasure plan, with `who` its encoder and a position still to set up. */
function erasureRepair (ctx: Parameters<typeof freePosition>[0], id: bigint, who: Uint8Array): { a: AmendmentValue, plan: PlanValue, k: number } {
  const a = s.Amendments.get(ctx, id)
  if (a === null) throw Plans.errors.AmendmentNotFound()
  if (!a.encoders.some((e) => u8aEq(e, who))) throw Plans.errors.NotAssigned()
  const plan = s.Plans.get(ctx, a.plan)!
  if (plan.mode.type !== 'Erasure' || a.kind.type !== 'Repair' || !s.Slots.contains(ctx, a.plan, 0)) throw Plans.errors.NotARepair()
  // A repair whose positions are all set up is done: its encoder has nothing more to say.
  const pending = a.positions.some((position) => {
    const p = s.Positions.get(ctx, a.plan, position)
    return p !== null && p.state.type === 'Setup' && p.state.value === id
  })
  if (!pending) throw Plans.errors.AmendmentNotFound()
  return { a, plan, k: plan.mode.value.k }
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b

function positionCount (mode: ModeValue): number | null {
  if (mode.type === 'Replicate') {
    const r = mode.value.replicas
    return r >= 1 && r <= MAX_REPLICAS ? r : null
  }
  const { k, m } = mode.value
  return k >= 1 && k <= MAX_K && m >= 1 && m <= MAX_M ? k + m : null
}

function validRanges (ranges: Array<{ start: bigint, end: bigint }>, length: bigint): boolean {
  if (ranges.length === 0) return false
  let previousEnd = 0n
  return ranges.every((r, i) => {
    const ok = r.start < r.end && r.end <= length && (i === 0 || r.start >= previousEnd)
    previousEnd = r.end
    return ok
  })
}

function sameSlots (a: Array<{ length: bigint, byteLength: bigint, treeHash: Uint8Array }>, b: typeof a): boolean {
  return a.length === b.length && a.every((x, i) => x.length === b[i].length && x.byteLength === b[i].byteLength && u8aEq(x.treeHash, b[i].treeHash))
}

/** Sets a slot hoster's commitment to the slot's real size; a hoster without the room loses the position. */
function resizeToSlot (ctx: Parameters<typeof freePosition>[0], planId: bigint, position: number, bytes: bigint): void {
  const p = s.Positions.get(ctx, planId, position)
  if (p === null || p.hoster === null) return
  release(ctx, p.hoster, p.bytes)
  try {
    commit(ctx, p.hoster, bytes)
    s.Positions.set(ctx, planId, position, { ...p, bytes })
  } catch {
    commit(ctx, p.hoster, p.bytes)
    freePosition(ctx, planId, position, false)
  }
}

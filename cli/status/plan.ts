import type { ApiPromise } from '@polkadot/api'
import type { PalletPlansCodedHead, PalletPlansMode, PalletPlansPlan, PalletPlansPosition } from '@polkadot/types/lookup'
import { u8aToHex } from '@polkadot/util'
import { CliError } from '../errors.js'

export type ModeReport = { replicas: number } | { erasure: { k: number, m: number } }

/** A position's health: active without strikes, active with strikes, being set up, or waiting for a hoster. */
export type PositionHealth = 'healthy' | 'struck' | 'setup' | 'vacant'
/** A plan's health: every position healthy, some not, none active yet (assigned or waiting), or over. */
export type PlanHealth = 'healthy' | 'degraded' | 'setup' | 'queued' | 'ended' | 'lost'

export interface PositionReport {
  readonly position: number
  readonly hoster: string | null
  readonly state: 'vacant' | 'setup' | 'active'
  /** The amendment setting the position up (state setup). */
  readonly amendment: number | null
  /** The hoster reported its copy complete; its storage proof and retrievability check are under way (state setup). */
  readonly ready: boolean
  readonly bytes: number
  readonly strikes: number
  /** Block of the last accepted storage proof; null before the first one. */
  readonly lastProof: number | null
  /** Block from which hosting is paid: the start, or the last accepted proof. */
  readonly paidUntil: number
  /** Ids of the storage challenges open against this position. */
  readonly openChallenges: number[]
  /** The served latency attesters measured, smoothed over the position's checks; null before the first. */
  readonly latencyMs: number | null
  /** Its latency is far above the plan's other positions' (SLOW_FACTOR × their median): worth a look. */
  readonly slow: boolean
  readonly health: PositionHealth
}

/** How many times the median of a plan's other positions a position's latency may be before it is flagged. */
export const SLOW_FACTOR = 4

export interface PlanReport {
  readonly plan: number
  readonly feed: number
  readonly feedKey: string | null
  readonly sponsor: string
  readonly mode: ModeReport
  /** lost: an erasure plan whose data could not be rebuilt (DataLost); it charges nothing more. */
  readonly status: 'queued' | 'active' | 'ended' | 'lost'
  /** Ratio supporters reserved for the plan (u128, as a decimal string). */
  readonly backing: string
  readonly createdAt: number
  readonly maxStrikes: number
  /** Mean blocks between two storage challenges of a position; their times are drawn block by block, known to nobody ahead. */
  readonly challengePeriod: number
  readonly health: PlanHealth
  /** An erasure plan's feed blocks [start, end) its slots code; end is null until its first encoders are drawn. */
  readonly codes: { readonly start: number, readonly end: number | null } | null
  /** The erasure plan this one is a generation of: it codes blocks its feed gained later (docs/erasure.md). */
  readonly generationOf: number | null
  /** An erasure plan's generations, oldest first. */
  readonly generations: number[]
  /** The queue tried to give the plan providers and came up short: of which, since when, next try by when. */
  readonly waiting: { readonly reason: 'hosters' | 'encoders' | 'attesters', readonly since: number, readonly retryBy: number } | null
  /** Every position of a plan that has not ended (an ended plan keeps none). */
  readonly positions: PositionReport[]
}

export function modeOf (mode: PalletPlansMode): ModeReport {
  return mode.isReplicate
    ? { replicas: mode.asReplicate.replicas.toNumber() }
    : { erasure: { k: mode.asErasure.k.toNumber(), m: mode.asErasure.m.toNumber() } }
}

/** The blocks an erasure plan's CodedHead says it codes; before its first encoders are drawn, from 0 to a head not fixed yet. */
function codesOf (coded: PalletPlansCodedHead | null): PlanReport['codes'] {
  return coded === null ? { start: 0, end: null } : { start: coded.start.toNumber(), end: coded.length.toNumber() }
}

/** Whether a plan is over: unpublished, or its data lost. */
export const isOver = (status: PlanReport['status']): boolean => status === 'ended' || status === 'lost'

export function statusOf (plan: PalletPlansPlan): PlanReport['status'] {
  return plan.status.type.toLowerCase() as PlanReport['status']
}

/** Reads a plan, its positions, their open challenges and when each last proved its data. */
export async function readPlan (api: ApiPromise, id: bigint): Promise<PlanReport> {
  const plan = (await api.query.plans.plans(id)).unwrapOr(null)
  if (plan === null) throw CliError.PLAN_NOT_FOUND(id)
  const [feed, params, waiting, coded, generationOf, generations] = await Promise.all([
    api.query.feeds.feeds(plan.feed), api.query.params.current(), api.query.plans.waiting(id),
    api.query.plans.codedHeads(id), api.query.plans.generationOf(id), api.query.plans.generations.keys(id)
  ])
  const maxStrikes = params.maxStrikes.toNumber()
  const count = plan.positions.toNumber()
  const positions = isOver(statusOf(plan))
    ? []
    : flagSlow(await Promise.all(Array.from({ length: count }, async (_, i) => readPosition(api, id, i, (await api.query.plans.positions(id, i)).unwrap()))))
  return {
    plan: Number(id),
    feed: plan.feed.toNumber(),
    feedKey: feed.isSome ? u8aToHex(feed.unwrap().key, undefined, false) : null,
    sponsor: plan.sponsor.toString(),
    mode: modeOf(plan.mode),
    status: statusOf(plan),
    backing: plan.backing.toString(),
    createdAt: plan.createdAt.toNumber(),
    maxStrikes,
    challengePeriod: params.challengePeriod.toNumber(),
    health: planHealth(statusOf(plan), positions),
    codes: plan.mode.isReplicate ? null : codesOf(coded.unwrapOr(null)),
    generationOf: generationOf.unwrapOr(null)?.toNumber() ?? null,
    generations: generations.map((k) => k.args[1].toNumber()).sort((a, b) => a - b),
    waiting: waiting.isNone
      ? null
      : { reason: waiting.unwrap().reason.type.toLowerCase() as 'hosters' | 'encoders' | 'attesters', since: waiting.unwrap().since.toNumber(), retryBy: waiting.unwrap().retryAt.toNumber() },
    positions
  }
}

async function readPosition (api: ApiPromise, plan: bigint, position: number, p: PalletPlansPosition): Promise<PositionReport> {
  const hoster = p.hoster.unwrapOr(null)?.toString() ?? null
  const state = p.state.isActive ? 'active' : p.state.isSetup ? 'setup' : 'vacant'
  const [latency, openChallenges, lastProof] = await Promise.all([
    api.query.challenges.latency(plan, position),
    hoster === null ? [] : openChallengesOf(api, hoster, plan, position),
    state === 'active' ? lastProofOf(api, plan, position, p.paidUntil.toNumber()) : null
  ])
  const strikes = p.strikes.toNumber()
  return {
    position,
    hoster,
    state,
    amendment: p.state.isSetup ? p.state.asSetup.toNumber() : null,
    ready: p.ready.isTrue,
    bytes: p.bytes.toNumber(),
    strikes,
    lastProof,
    paidUntil: p.paidUntil.toNumber(),
    openChallenges,
    latencyMs: state === 'active' && latency.isSome ? latency.unwrap().toNumber() : null,
    slow: false,
    health: state === 'active' ? (strikes === 0 ? 'healthy' : 'struck') : state
  }
}

/** Flags the positions whose latency stays far above the median of the plan's other positions. */
export function flagSlow (positions: PositionReport[]): PositionReport[] {
  return positions.map((p) => {
    const others = positions.filter((o) => o !== p && o.latencyMs !== null).map((o) => o.latencyMs!).sort((a, b) => a - b)
    if (p.latencyMs === null || others.length === 0) return p
    const mid = others.length >> 1
    const median = others.length % 2 === 1 ? others[mid] : (others[mid - 1] + others[mid]) / 2
    return { ...p, slow: p.latencyMs > SLOW_FACTOR * Math.max(1, median) }
  })
}

/** The ids of the open storage challenges of a hoster that are about this position. */
async function openChallengesOf (api: ApiPromise, hoster: string, plan: bigint, position: number): Promise<number[]> {
  const ids = (await api.query.challenges.hosterChallenges.keys(hoster)).map((k) => k.args[1].toBigInt())
  const challenges = await Promise.all(ids.map(async (id) => ({ id, c: (await api.query.challenges.storageChallenges(id)).unwrapOr(null) })))
  return challenges
    .filter(({ c }) => c !== null && c.plan.toBigInt() === plan && c.position.toNumber() === position)
    .map(({ id }) => Number(id))
}

/**
 * The chain keeps no "last proof" block, but an accepted proof moves `paidUntil` to its block, as the
 * start of hosting does: the events of that block tell which of the two it was.
 */
async function lastProofOf (api: ApiPromise, plan: bigint, position: number, paidUntil: number): Promise<number | null> {
  const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(paidUntil))
  const proved = events.some(({ event }) => api.events.challenges.StorageProofAccepted.is(event) &&
    event.data.plan.toBigInt() === plan && event.data.position.toNumber() === position)
  return proved ? paidUntil : null
}

function planHealth (status: PlanReport['status'], positions: PositionReport[]): PlanHealth {
  if (isOver(status)) return status as 'ended' | 'lost'
  if (positions.every((p) => p.health === 'healthy')) return 'healthy'
  if (positions.some((p) => p.state === 'active')) return 'degraded'
  return positions.some((p) => p.state === 'setup') ? 'setup' : 'queued'
}

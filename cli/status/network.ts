import type { ApiPromise } from '@polkadot/api'
import type { Option } from '@polkadot/types'
import type { PalletPlansPosition } from '@polkadot/types/lookup'
import { isOver, modeOf, statusOf } from './plan.js'
import type { ModeReport, PlanReport } from './plan.js'

export interface ProviderReport {
  readonly address: string
  readonly roles: Array<'hoster' | 'encoder' | 'attester'>
  readonly capacity: number
  readonly committed: number
  readonly strikes: number
  readonly reputation: number
  /** Not picked for new work before this block (0: not paused). */
  readonly pausedUntil: number
  /** Struck out of a position at this block and drawn for nothing new until it proves itself (0: not suspended). */
  readonly suspendedAt: number
}

export interface PlanSummary {
  readonly plan: number
  readonly feed: number
  readonly sponsor: string
  readonly mode: ModeReport
  readonly status: PlanReport['status']
  readonly positions: number
  /** Positions whose hoster has started hosting. */
  readonly active: number
}

export interface NetworkReport {
  /** The best block and the finalized one. */
  readonly block: number
  readonly finalized: number
  readonly providers: ProviderReport[]
  /** Plans that have not ended, by id. */
  readonly plans: PlanSummary[]
  readonly endedPlans: number
  /** Erasure plans whose data could not be rebuilt (DataLost). */
  readonly lostPlans: number
  /** New plans waiting for their first providers, in the chain's queue. */
  readonly queue: number[]
  /** Plans that lost positions, waiting for new providers. */
  readonly repairs: number[]
  readonly feeds: number
  readonly openChallenges: { readonly storage: number, readonly performance: number }
}

/** The whole network at a glance: providers, plans and open checks. Reads each storage map once. */
export async function readNetwork (api: ApiPromise): Promise<NetworkReport> {
  const [header, finalized, providers, plans, positions, queue, repairs, feeds, storage, performance] = await Promise.all([
    api.rpc.chain.getHeader(),
    api.rpc.chain.getFinalizedHead().then((hash) => api.rpc.chain.getHeader(hash)),
    api.query.roles.providers.entries(),
    api.query.plans.plans.entries(),
    api.query.plans.positions.entries<Option<PalletPlansPosition>>(),
    api.query.plans.queue(),
    api.query.plans.repairs(),
    api.query.feeds.nextFeedId(),
    api.query.challenges.storageChallenges.keys(),
    api.query.challenges.performanceChecks.keys()
  ])
  const active = new Map<bigint, number>()
  for (const [key, position] of positions) {
    const plan = key.args[0].toBigInt()
    if (position.unwrap().state.isActive) active.set(plan, (active.get(plan) ?? 0) + 1)
  }
  const summaries = plans.map(([key, value]): PlanSummary => {
    const plan = value.unwrap()
    const id = key.args[0].toBigInt()
    return {
      plan: Number(id),
      feed: plan.feed.toNumber(),
      sponsor: plan.sponsor.toString(),
      mode: modeOf(plan.mode),
      status: statusOf(plan),
      positions: plan.positions.toNumber(),
      active: active.get(id) ?? 0
    }
  }).sort((a, b) => a.plan - b.plan)
  return {
    block: header.number.toNumber(),
    finalized: finalized.number.toNumber(),
    providers: providers.map(([key, value]): ProviderReport => {
      const p = value.unwrap()
      return {
        address: key.args[0].toString(),
        roles: (['hoster', 'encoder', 'attester'] as const).filter((role) => p[role].isTrue),
        capacity: p.capacity.toNumber(),
        committed: p.committed.toNumber(),
        strikes: p.strikes.toNumber(),
        reputation: p.reputation.toNumber(),
        pausedUntil: p.pausedUntil.toNumber(),
        suspendedAt: p.suspendedAt.toNumber()
      }
    }).sort((a, b) => (a.address < b.address ? -1 : 1)),
    plans: summaries.filter((p) => !isOver(p.status)),
    endedPlans: summaries.filter((p) => p.status === 'ended').length,
    lostPlans: summaries.filter((p) => p.status === 'lost').length,
    queue: queue.map((id) => id.toNumber()),
    repairs: repairs.map((id) => id.toNumber()),
    feeds: feeds.toNumber(),
    openChallenges: { storage: storage.length, performance: performance.length }
  }
}

import type { ApiPromise } from '@polkadot/api'
import { u8aToHex } from '@polkadot/util'
import { CliError } from '../errors.js'
import { readPlan } from './plan.js'
import type { PlanReport } from './plan.js'

export interface FeedReport {
  readonly feed: number
  readonly key: string
  readonly publisher: string
  /** The signed head on chain: blocks and bytes. */
  readonly length: number
  readonly byteLength: number
  readonly updatedAt: number
  /** The feed's plans that have not ended. */
  readonly plans: PlanReport[]
}

/** A feed by its id or by its hypercore key (64 hex characters). */
export type FeedRef = { readonly id: bigint } | { readonly key: string }

export async function readFeed (api: ApiPromise, ref: FeedRef): Promise<FeedReport> {
  const id = 'id' in ref ? ref.id : (await api.query.feeds.feedByKey(`0x${ref.key}`)).unwrapOr(null)?.toBigInt() ?? null
  const feed = id === null ? null : (await api.query.feeds.feeds(id)).unwrapOr(null)
  if (id === null || feed === null) throw CliError.FEED_NOT_FOUND('id' in ref ? String(ref.id) : ref.key)
  const firstPlans = (await api.query.plans.plansByFeed.keys(id)).map((k) => k.args[1].toBigInt())
  // An erasure plan's generations code the rest of the feed: shown with it.
  const generations = await Promise.all(firstPlans.map(async (plan) => (await api.query.plans.generations.keys(plan)).map((k) => k.args[1].toBigInt())))
  const planIds = [...firstPlans, ...generations.flat()].sort((a, b) => (a < b ? -1 : 1))
  return {
    feed: Number(id),
    key: u8aToHex(feed.key, undefined, false),
    publisher: feed.publisher.toString(),
    length: feed.root.length.toNumber(),
    byteLength: feed.root.byteLength.toNumber(),
    updatedAt: feed.updatedAt.toNumber(),
    plans: await Promise.all(planIds.map((plan) => readPlan(api, plan)))
  }
}

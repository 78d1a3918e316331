import type { ApiPromise } from '@polkadot/api'
import { readFeed } from './feed.js'
import { readNetwork } from './network.js'
import { readPlan } from './plan.js'
import { renderFeed, renderNetwork, renderPlan } from './render.js'
import type { StatusTarget } from './target.js'

/** The status of the network, a plan or a feed: as text for people and as an object for --json. */
export async function statusReport (api: ApiPromise, target: StatusTarget | undefined): Promise<{ text: string, json: object }> {
  if (target === undefined) {
    const network = await readNetwork(api)
    return { text: renderNetwork(network), json: network }
  }
  if ('plan' in target) {
    const plan = await readPlan(api, target.plan)
    return { text: renderPlan(plan), json: plan }
  }
  const feed = await readFeed(api, target.feed)
  return { text: renderFeed(feed), json: feed }
}

import type { ApiPromise } from '@polkadot/api'
import { u8aToHex } from '@polkadot/util'
import type { Logger } from 'pino'
import { connectChain } from '../../service/chain.js'
import { serviceErrors } from '../../service/errors.js'
import { keysFromUri } from '../../service/keys.js'
import { Network } from '../../service/network.js'
import { Publisher, positionsOf } from '../../service/publisher.js'
import type { HostingMode } from '../../service/publisher.js'
import { TxQueue } from '../../service/tx-queue.js'
import { devnetFeed } from './sample-feed.js'
import type { Feed } from './sample-feed.js'

export interface PublisherSide {
  readonly api: ApiPromise
  readonly network: Network
  readonly publisher: Publisher
  /** The sponsor's transactions. */
  readonly txq: TxQueue
  readonly feed: Feed
  readonly sponsor: string
  /** Stops seeding and disconnects. */
  close (): Promise<void>
}

export interface HostedFeed {
  readonly plan: bigint
  readonly positions: number
  /** The plan was requested by an earlier run on the same --dir. */
  readonly resumed: boolean
}

/**
 * The publisher runs in the devnet's own process, through the library: it makes the feed, records it on
 * chain, requests hosting and seeds it for as long as the devnet runs.
 */
export async function startPublisher (o: { uri: string, chain: string, bootstrap: string[], storage: string, feedPath?: string, log: Logger }): Promise<PublisherSide> {
  const keys = await keysFromUri(o.uri)
  const api = await connectChain(o.chain).catch((err: Error) => { throw serviceErrors.chainUnreachable(o.chain, err) })
  const network = new Network({ storage: o.storage, noise: keys.noise, bootstrap: o.bootstrap, log: o.log })
  const closeAll = async (): Promise<void> => {
    await network.close()
    await api.disconnect()
  }
  try {
    await network.ready()
    const feed = await devnetFeed(network, o.feedPath)
    const txq = new TxQueue(api, keys.account, { logger: o.log })
    const publisher = new Publisher({ api, network, txq, log: o.log })
    return {
      api,
      network,
      publisher,
      txq,
      feed,
      sponsor: keys.account.address,
      async close () {
        publisher.close()
        txq.close()
        await closeAll()
      }
    }
  } catch (err) {
    await closeAll()
    throw err
  }
}

/**
 * Asks for hosting of the feed in `mode`, unless an earlier run on the same directory already did: that plan
 * is kept (the hosters still hold the data) and the feed is seeded again.
 */
export async function hostFeed (side: PublisherSide, mode: HostingMode): Promise<HostedFeed> {
  const existing = await existingPlan(side, mode)
  if (existing !== null) {
    await side.network.join(side.feed.core.key, { server: true, client: false })
    return { plan: existing, positions: positionsOf(mode), resumed: true }
  }
  const { planId, positions } = await side.publisher.publish(side.feed.core, mode)
  return { plan: planId, positions, resumed: false }
}

async function existingPlan ({ api, feed, sponsor }: PublisherSide, mode: HostingMode): Promise<bigint | null> {
  const feedId = (await api.query.feeds.feedByKey(u8aToHex(feed.core.key))).unwrapOr(null)
  if (feedId === null) return null
  for (const [key] of await api.query.plans.plansByFeed.entries(feedId)) {
    const id = key.args[1].toBigInt()
    const plan = (await api.query.plans.plans(id)).unwrapOr(null)
    if (plan === null || plan.status.isEnded || plan.sponsor.toString() !== sponsor) continue
    const same = 'replicas' in mode
      ? plan.mode.isReplicate && plan.mode.asReplicate.replicas.toNumber() === mode.replicas
      : plan.mode.isErasure && plan.mode.asErasure.k.toNumber() === mode.erasure.k && plan.mode.asErasure.m.toNumber() === mode.erasure.m
    if (same) return id
  }
  return null
}

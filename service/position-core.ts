import type { ApiPromise } from '@polkadot/api'
import { slotKey } from '../erasure/slot-key.js'

/** The hypercore a position holds: the feed itself (replicas), or one erasure slot of it. */
export interface PositionCore {
  readonly key: Uint8Array
  /** Blocks the position must hold. */
  readonly length: number
  /** The feed, for a replica; null for a slot. */
  readonly feed: bigint | null
  /** A slot's committed tree hash (a replica is checked by the feed's own signature instead). */
  readonly treeHash: Uint8Array | null
}

/** The core a position holds, 'encoding' while an erasure plan's slots are not agreed yet, or null (no such plan). */
export async function positionCore (api: ApiPromise, plan: bigint, position: number): Promise<PositionCore | 'encoding' | null> {
  const info = (await api.query.plans.plans(plan)).unwrapOr(null)
  if (info === null) return null
  const feedId = info.feed.toBigInt()
  const feed = (await api.query.feeds.feeds(feedId)).unwrap()
  if (info.mode.isReplicate) return { key: feed.key.toU8a(), length: feed.root.length.toNumber(), feed: feedId, treeHash: null }
  const slot = (await api.query.plans.slots(plan, position)).unwrapOr(null)
  if (slot === null) return 'encoding'
  return { key: slotKey(feed.key.toU8a(), plan, position), length: slot.length.toNumber(), feed: null, treeHash: slot.treeHash.toU8a() }
}

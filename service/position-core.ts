import type { ApiPromise } from '@polkadot/api'
import { slotKey } from '../erasure/slot-cores.js'

/** The hypercore a position holds: the feed itself (replicas), or one erasure slot of it. */
export interface PositionCore {
  /** The feed's key, or the slot's: the hash of a manifest whose prologue is the committed slot root. */
  readonly key: Uint8Array
  /** Blocks the position must hold. */
  readonly length: number
  /** The feed, for a replica; null for a slot. */
  readonly feed: bigint | null
}

/** The core a position holds, 'encoding' while an erasure plan's slots are not agreed yet, or null (no such plan). */
export async function positionCore (api: ApiPromise, plan: bigint, position: number): Promise<PositionCore | 'encoding' | null> {
  const info = (await api.query.plans.plans(plan)).unwrapOr(null)
  if (info === null) return null
  const feedId = info.feed.toBigInt()
  if (info.mode.isReplicate) {
    const feed = (await api.query.feeds.feeds(feedId)).unwrap()
    return { key: feed.key.toU8a(), length: feed.root.length.toNumber(), feed: feedId }
  }
  const slot = (await api.query.plans.slots(plan, position)).unwrapOr(null)
  if (slot === null) return 'encoding'
  const length = slot.length.toNumber()
  return { key: slotKey({ length, treeHash: slot.treeHash.toU8a() }), length, feed: null }
}

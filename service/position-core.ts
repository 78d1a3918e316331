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
  /** The block ranges [start, end) the position keeps, for a plan of part of a feed; null: all blocks. */
  readonly ranges: Ranges | null
}

export type Ranges = ReadonlyArray<readonly [number, number]>

/** The ranges of blocks below `length` to hold: all of them, or the parts of `ranges` below it. */
export function blocksOf (length: number, ranges: Ranges | null): Array<[number, number]> {
  if (ranges === null) return [[0, length]]
  return ranges.map(([a, b]): [number, number] => [Math.min(a, length), Math.min(b, length)]).filter(([a, b]) => b > a)
}

/** How many blocks below `length` a position keeps. */
export function covered (length: number, ranges: Ranges | null): number {
  return blocksOf(length, ranges).reduce((n, [a, b]) => n + b - a, 0)
}

/** The core a position holds, 'encoding' while an erasure plan's slots are not agreed yet, or null (no such plan). */
export async function positionCore (api: ApiPromise, plan: bigint, position: number): Promise<PositionCore | 'encoding' | null> {
  const info = (await api.query.plans.plans(plan)).unwrapOr(null)
  if (info === null) return null
  const feedId = info.feed.toBigInt()
  if (info.mode.isReplicate) {
    const feed = (await api.query.feeds.feeds(feedId)).unwrap()
    const ranges = info.ranges.unwrapOr(null)?.map((r): [number, number] => [r.start.toNumber(), r.end.toNumber()]) ?? null
    return { key: feed.key.toU8a(), length: feed.root.length.toNumber(), feed: feedId, ranges }
  }
  const slot = (await api.query.plans.slots(plan, position)).unwrapOr(null)
  if (slot === null) return 'encoding'
  const length = slot.length.toNumber()
  return { key: slotKey({ length, treeHash: slot.treeHash.toU8a() }), length, feed: null, ranges: null }
}

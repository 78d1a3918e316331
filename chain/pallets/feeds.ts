import { definePallet, signedCall } from '../frame/pallet.js'
import type { DispatchCtx } from '../frame/pallet.js'
import { map, value } from '../frame/storage.js'
import type { StorageCtx } from '../frame/storage.js'
import { AccountId32, bytes, fixed, named, seq, struct, u32, u64 } from '../types/ty.js'
import type { JsOf } from '../types/ty.js'
import { ProofRefused, feedVerifier, verifySignedHead } from '../../hypercore/verify.js'
import type { SignedHead } from '../../hypercore/verify.js'
import { params } from './params.js'
import { feedGrew } from './plans/lifecycle.js'
import { dbWeight } from '../frame/weight.js'

export const FeedRoot = struct('pallet_feeds::FeedRoot', { length: u64, byteLength: u64, treeHash: fixed(32) })
export type FeedRootValue = JsOf<typeof FeedRoot>

/** A root as the chain recorded it, and when: hosters have followWindow blocks from `at` to fetch it. */
export const RecordedRoot = struct('pallet_feeds::RecordedRoot', { root: FeedRoot, at: u32 })
export type RecordedRootValue = JsOf<typeof RecordedRoot>

/** Most roots a feed keeps besides its head; a feed updated every block keeps one per followWindow/14 blocks. */
export const MAX_ROOT_HISTORY = 16

export const Feed = struct('pallet_feeds::Feed', {
  /** The hypercore's public key, and its manifest (empty for compat cores whose key is the signer). */
  key: fixed(32),
  manifest: bytes,
  publisher: AccountId32,
  root: FeedRoot,
  signature: bytes,
  /** Block `root` was recorded at. */
  updatedAt: u32,
  /**
   * Roots recorded before `root`, oldest first: challenges use the newest root recorded at least followWindow
   * blocks ago (challengeRoot), so the history keeps that one and the newer ones, at most MAX_ROOT_HISTORY.
   */
  history: seq(RecordedRoot)
})
export type FeedValue = JsOf<typeof Feed>

const storage = {
  NextFeedId: value({ type: u64, default: 0n }),
  Feeds: map({ hasher: 'Twox64Concat', key: u64, value: Feed }),
  FeedByKey: map({ hasher: 'Blake2_128Concat', key: fixed(32), value: u64, docs: 'Feed id by hypercore key.' })
}

export const Feeds = definePallet({
  name: 'Feeds',
  storage,
  events: {
    FeedPublished: named({ feed: u64, key: fixed(32), publisher: AccountId32, blocks: u64, byteLength: u64 }),
    FeedUpdated: named({ feed: u64, blocks: u64, byteLength: u64 })
  },
  errors: {
    FeedExists: 'This hypercore is already published; use its feed id.',
    FeedNotFound: 'No feed with this id.',
    InvalidManifest: 'The manifest does not belong to the feed key.',
    MalformedRoot: 'The head is not a hypercore roots proof (an upgrade from block 0 with every full root and the signature).',
    InvalidRootSignature: 'The root is not signed by the feed key: forged, or of another hypercore.',
    StaleRoot: 'The root is not newer than the one on chain: its length must be greater.',
    EmptyFeed: 'A feed must have at least one block.'
  },
  calls: {
    publishFeed: signedCall({ key: fixed(32), manifest: bytes, head: bytes }, (ctx, who, { key, manifest, head }) => {
      if (storage.FeedByKey.contains(ctx, key)) throw Feeds.errors.FeedExists()
      const signed = checkHead(key, manifest, head)
      const id = storage.NextFeedId.get(ctx)
      storage.NextFeedId.set(ctx, id + 1n)
      storage.Feeds.set(ctx, id, { key, manifest, publisher: who, root: rootOf(signed), signature: signed.signature, updatedAt: ctx.block.number, history: [] })
      storage.FeedByKey.set(ctx, key, id)
      Feeds.emit(ctx, { type: 'FeedPublished', value: { feed: id, key, publisher: who, blocks: BigInt(signed.length), byteLength: BigInt(signed.byteLength) } })
    }, 'Records a hypercore and its signed head (a roots proof made with hypercore\'s proof API).', { weight: dbWeight(3, 4, 100) }),
    updateFeed: signedCall({ feed: u64, head: bytes }, (ctx, _who, { feed: id, head }) => {
      const feed = storage.Feeds.get(ctx, id)
      if (feed === null) throw Feeds.errors.FeedNotFound()
      const signed = checkHead(feed.key, feed.manifest, head)
      if (BigInt(signed.length) <= feed.root.length) throw Feeds.errors.StaleRoot(`the chain has length ${feed.root.length}, this root has ${signed.length}`)
      storage.Feeds.set(ctx, id, { ...feed, root: rootOf(signed), signature: signed.signature, updatedAt: ctx.block.number, history: recordHead(ctx, feed) })
      Feeds.emit(ctx, { type: 'FeedUpdated', value: { feed: id, blocks: BigInt(signed.length), byteLength: BigInt(signed.byteLength) } })
      feedGrew(ctx, id)
    }, 'Records a newer signed head of a feed; anyone may submit it.', { weight: dbWeight(4, 3, 100) })
  }
})

function checkHead (key: Uint8Array, manifest: Uint8Array, head: Uint8Array): SignedHead {
  try {
    const signed = verifySignedHead(feedVerifier(key, manifest), head)
    if (signed.length === 0) throw Feeds.errors.EmptyFeed()
    return signed
  } catch (err) {
    if (!(err instanceof ProofRefused)) throw err
    if (err.reason === 'InvalidManifest') throw Feeds.errors.InvalidManifest()
    if (err.reason === 'Malformed') throw Feeds.errors.MalformedRoot(err.message)
    throw Feeds.errors.InvalidRootSignature()
  }
}

const rootOf = (s: SignedHead): FeedRootValue => ({ length: BigInt(s.length), byteLength: BigInt(s.byteLength), treeHash: s.treeHash })

export function feed (ctx: StorageCtx, id: bigint): FeedValue | null {
  return storage.Feeds.get(ctx, id)
}

/** Every root the feed still holds, oldest first, its head last. */
function recorded (f: FeedValue): RecordedRootValue[] {
  return [...f.history, { root: f.root, at: f.updatedAt }]
}

/**
 * The root that challenges are checked against: the newest recorded at least `followWindow` blocks ago, the
 * time hosters have to fetch what it added. A feed updated every block is thus challenged on blocks at most
 * followWindow (plus the history's spacing) old, never stuck at an old length. While no root is that old
 * (a feed just published), its oldest.
 */
export function challengeRoot (ctx: StorageCtx & { block: { number: number } }, f: FeedValue): FeedRootValue {
  return current(recorded(f), ctx.block.number - params(ctx).followWindow).root
}

/** The newest root recorded at or before `settled`, or the oldest if none is. */
function current (roots: RecordedRootValue[], settled: number): RecordedRootValue {
  for (let i = roots.length - 1; i >= 0; i--) if (roots[i].at <= settled) return roots[i]
  return roots[0]
}

/**
 * The history once the head is replaced (the new head is recorded now): roots older than the one challenges
 * use now are dropped (the challenge root only moves forward), and of the newer roots at most one per
 * `spacing` blocks is kept (a newer one replaces it), so that the history stays bounded.
 */
function recordHead (ctx: DispatchCtx, f: FeedValue): RecordedRootValue[] {
  const { followWindow } = params(ctx)
  const settled = ctx.block.number - followWindow
  const roots = recorded(f)
  const from = roots.indexOf(current(roots, settled))
  const kept = roots.slice(from, -1)
  const head = roots[roots.length - 1]
  const spacing = Math.max(1, Math.ceil(followWindow / (MAX_ROOT_HISTORY - 2)))
  // One root per `spacing` blocks, the newest of them; kept[0], the root challenges use now, is never replaced.
  const bucket = (r: RecordedRootValue) => Math.floor(r.at / spacing)
  if (kept.length > 1 && bucket(kept[kept.length - 1]) === bucket(head)) kept[kept.length - 1] = head
  else kept.push(head)
  // Trimming drops the oldest roots after kept[0] (more can be kept than fit after followWindow was raised).
  return kept.length <= MAX_ROOT_HISTORY ? kept : [kept[0], ...kept.slice(1 - MAX_ROOT_HISTORY)]
}

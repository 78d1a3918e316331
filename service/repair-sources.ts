import type Hypercore from 'hypercore'
import type { Logger } from 'pino'
import type { Network } from './network.js'
import { slotKey } from '../erasure/slot-cores.js'
import type { SlotRoot } from '../erasure/slot-cores.js'

/** What an erasure repair rebuilds its slots from: k complete slot cores, or the feed itself. */
export type RepairSource = { readonly slots: Map<number, Hypercore> } | { readonly feed: Hypercore }

/** What fetching repair sources uses of the encoder. */
export interface SourceDeps {
  readonly network: Network
  readonly log: Logger
  /** The complete core of a slot this encoder serves itself, if any (the corestore must not open a second copy). */
  servedComplete (slot: number): Promise<Hypercore | null>
  /** A core to fetch, ready and its topic joined (counted: two repairs may fetch one core; see release). */
  open (key: Uint8Array, kind: 'feed' | 'slot'): Promise<Hypercore>
  /** Lets go of a core from `open`: leaves its topic, and removes it from the corestore unless it is needed. */
  release (core: Hypercore): Promise<void>
}

/**
 * The first k slots (other than `exclude`) that arrive complete, or a rejection once every candidate failed or
 * `stop` resolved first (what was fetched is let go). A slot's key fixes its committed root, so hypercore
 * verifies every block against it, whoever serves it.
 */
export async function fetchSlots (deps: SourceDeps, k: number, committed: Map<number, SlotRoot>, exclude: Set<number>, stop: Promise<unknown>): Promise<Map<number, Hypercore>> {
  const { network } = deps
  const candidates = [...committed.keys()].filter((i) => !exclude.has(i))
  if (candidates.length < k) throw new Error(`only ${candidates.length} slots are left to rebuild from; ${k} are needed`)
  const found = new Map<number, Hypercore>()
  const remote: number[] = []
  for (const i of candidates) {
    const own = await deps.servedComplete(i)
    if (own === null) remote.push(i)
    else found.set(i, own)
  }
  if (found.size >= k) return new Map([...found].slice(0, k))
  const own = new Set(found.keys())
  let over = false
  const opened = await Promise.all(remote.map(async (i) => ({ i, core: await deps.open(slotKey(committed.get(i)!), 'slot') })))
  // Each once: the wait's end and the fetch's own end both let a slot go that did not make it.
  const letGo = new Set<number>()
  const release = async (i: number, core: Hypercore) => {
    if (letGo.has(i)) return
    letGo.add(i)
    await deps.release(core)
  }
  const fetching = opened.map(async ({ i, core }) => {
    try {
      await network.download(core, committed.get(i)!.length)
      // Once the wait is over, a late arrival is let go with the others.
      if (!over && found.size < k) found.set(i, core)
    } finally {
      if (!found.has(i)) await release(i, core)
    }
  })
  // Done when k slots are in, or every candidate has succeeded or failed, or the caller stops waiting.
  await new Promise<void>((resolve) => {
    let settled = 0
    const check = () => { if (found.size >= k || ++settled === fetching.length) resolve() }
    if (fetching.length === 0) resolve()
    for (const f of fetching) void f.then(check, check)
    void stop.then(() => resolve())
  })
  over = true
  // Letting the others go ends their wait for peers (the last user of a slot closes it); not awaited, as
  // the answer does not depend on it.
  const settled = Promise.all(opened.filter(({ i }) => !found.has(i)).map(async ({ i, core }) => await release(i, core)))
  if (found.size >= k) {
    await settled
    return found
  }
  void settled.finally(async () => { for (const [i, core] of found) if (!own.has(i)) await deps.release(core) }).catch((err: Error) => deps.log.warn({ err: err.message }, 'letting go of repair sources failed'))
  throw new Error(`only ${found.size} of the ${k} slots needed could be fetched and verified`)
}

/**
 * The feed's blocks [from, length), fetched from any peer that serves them (publisher, replica), or a
 * rejection once `stopWhen(feed)` resolved first (what was fetched is let go).
 */
export async function fetchFeed (deps: SourceDeps, key: Uint8Array, [from, length]: readonly [number, number], stopWhen: (feed: Hypercore) => Promise<unknown>): Promise<Hypercore> {
  const { network } = deps
  const feed = await deps.open(key, 'feed')
  let done = false
  void stopWhen(feed).then(async () => { if (!done) await feed.close() }).catch((err: Error) => deps.log.warn({ err: err.message }, 'closing a feed given up on failed'))
  try {
    await network.download(feed, length, [[from, length]])
    done = true
    return feed
  } catch (err) {
    await deps.release(feed)
    throw err
  }
}

/** Lets go of a source a repair no longer needs (slot cores this encoder serves itself stay). */
export async function releaseSource (deps: SourceDeps, source: RepairSource, own: (slot: number, core: Hypercore) => boolean): Promise<void> {
  if ('feed' in source) return await deps.release(source.feed)
  for (const [i, core] of source.slots) if (!own(i, core)) await deps.release(core)
}

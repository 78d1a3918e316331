import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { background, RunningDuties } from './background.js'
import type { RoleDeps } from './role.js'
import { positionCore } from './position-core.js'
import { whenChain } from './chain.js'
import type { ChainWatch } from './chain.js'
import { fetchFeed, fetchSlots, releaseSource } from './repair-sources.js'
import type { RepairSource, SourceDeps } from './repair-sources.js'
import { feedStripes, matchesRoot, sealSlot, slotKey, slotManifest, slotRoot, slotStripes, writeSlots } from '../erasure/slot-cores.js'
import type { SlotRoot, StripeSource } from '../erasure/slot-cores.js'
import type { FeedHead } from '../erasure/feed-proofs.js'
import { slotLength } from '../erasure/stripes.js'

export interface EncoderOptions extends RoleDeps {
  /** How long a slot stays served after its position started hosting (or the plan ended). */
  readonly graceMs: number
  /** Where drafts and slot cores are written (outside the corestore: see #seal). */
  readonly slotDir: string
}

/** A slot core this encoder built and serves. */
interface Served {
  readonly plan: bigint
  readonly slot: number
  readonly core: Hypercore
  readonly dir: string
  dropTimer: NodeJS.Timeout | null
}

/** A draft of a slot: a core of a throwaway key pair that builds the slot's tree (see writeSlots). */
interface Draft {
  readonly core: Hypercore
  readonly dir: string
}

interface ErasureWork {
  readonly amendment: bigint
  readonly plan: bigint
  readonly feedKey: Uint8Array
  readonly k: number
  readonly m: number
  /** The first feed block the plan codes: 0, or a generation's start (its CodedHead, chain/pallets/plans/growth.ts). */
  readonly from: number
  /** Positions the amendment fills. */
  readonly positions: number[]
  /** The block the amendment expires at. */
  readonly deadline: number
}

/** Blocks before a repair's deadline by which an encoder that could not rebuild reports it (the report must land first). */
const REPORT_MARGIN = 3
/** Fewest blocks a repair waits for any peer of the feed before it gives the feed up. */
const FEED_PEER_WAIT = 5

/**
 * A core being fetched (the feed, a repair's source slots), into one core outside the corestore, shared, in
 * `dir`, deleted once its last user lets it go. Not into the corestore: it answers any peer that asks for a
 * core it has on disk, even cleared, so a slot fetched there would answer, empty, for the slot core this
 * encoder may later serve itself (Network.serveOwn), and a cleared feed left tree nodes that a later fetch
 * took for complete. A feed this account hosts is read from the corestore (`shared` null: a session each).
 */
interface Fetched { users: number, readonly shared: Hypercore | null, readonly dir: string | null }

/** What the repair reads of a hypercore peer: which blocks it has (a generation's range need not start at 0). */
interface FeedPeer { readonly remoteBitfield: { firstUnset (position: number): number } }

/**
 * The encoder: turns a feed into the k + m slot cores of an erasure plan and serves them to the plan's
 * hosters. For a new plan it codes the feed into drafts and submits their roots (the chain fixes them once
 * two encoders agree); for a repair it rebuilds the lost slots from any k others and checks them against the
 * committed roots. Coding is deterministic (erasure/), so every encoder gets the same roots; a slot core is
 * the one core whose manifest fixes its content to that root (a prologue), filled from the draft.
 */
export class EncoderRole {
  readonly #me: string
  readonly #duties = new RunningDuties()
  /** By `plan/slot`. */
  readonly #serving = new Map<string, Served>()
  /** Cores being fetched (the feed to code, repair sources), by key: by how many duties (the last lets it go). */
  readonly #fetched = new Map<string, Fetched>()
  /** Per plan, the slot writing in progress: two amendments of one plan must not append to its slots at once. */
  readonly #writing = new Map<string, Promise<unknown>>()

  constructor (private readonly o: EncoderOptions) {
    this.#me = o.keys.account.address
  }

  /** Rebuilds duties from chain storage: open amendments naming this encoder. */
  async resume (): Promise<void> {
    // Cores a crash left half fetched: the duties that fetched them start over.
    rmSync(join(this.o.slotDir, 'fetching'), { recursive: true, force: true })
    for (const [key, amendment] of await this.o.api.query.plans.amendments.entries()) {
      if (amendment.unwrap().encoders.some((e) => e.toString() === this.#me)) this.#encode(key.args[0].toBigInt())
    }
  }

  async onEvents (events: FrameSystemEventRecord[]): Promise<void> {
    const { api } = this.o
    for (const { event } of events) {
      if (api.events.plans.NewAmendment.is(event) && event.data.encoders.some((e) => e.toString() === this.#me)) {
        this.#encode(event.data.id.toBigInt())
      } else if (api.events.plans.HostingStarted.is(event)) {
        this.#release(event.data.plan.toBigInt(), event.data.position.toNumber())
      } else if (api.events.plans.PlanEnded.is(event)) {
        this.#release(event.data.plan.toBigInt(), null)
      }
    }
  }

  async close (): Promise<void> {
    for (const s of this.#serving.values()) if (s.dropTimer !== null) clearTimeout(s.dropTimer)
    await Promise.all([...new Set([...this.#serving.values()].map((s) => s.core))].map((core) => core.close()))
  }

  #encode (amendment: bigint): void {
    background(this.o.log, this.#duties.once(`amendment/${amendment}`, () => this.#work(amendment)), 'encoding', { amendment: String(amendment) })
  }

  async #work (id: bigint): Promise<void> {
    const { api } = this.o
    const a = (await api.query.plans.amendments(id)).unwrapOr(null)
    if (a === null) return
    const plan = (await api.query.plans.plans(a.plan)).unwrapOr(null)
    if (plan === null || !plan.mode.isErasure) return
    const feed = (await api.query.feeds.feeds(plan.feed)).unwrap()
    // The blocks and head the plan's slots code: the chain fixes them before it draws a plan's first encoders.
    const coded = (await api.query.plans.codedHeads(a.plan)).unwrapOr(null)
    if (coded === null) return
    const head: FeedHead = { length: coded.length.toNumber(), signature: coded.signature.toU8a(true) }
    const work: ErasureWork = {
      amendment: id,
      plan: a.plan.toBigInt(),
      feedKey: feed.key.toU8a(),
      k: plan.mode.asErasure.k.toNumber(),
      m: plan.mode.asErasure.m.toNumber(),
      from: coded.start.toNumber(),
      positions: a.positions.map((p) => p.toNumber()),
      deadline: a.deadline.toNumber()
    }
    const committed = new Map<number, SlotRoot>()
    for (const [key, slot] of await api.query.plans.slots.entries(work.plan)) {
      const s = slot.unwrap()
      committed.set(key.args[1].toNumber(), { length: s.length.toNumber(), byteLength: s.byteLength.toNumber(), treeHash: s.treeHash.toU8a() })
    }
    if (committed.size === 0) await this.#codeFeed(work, head, a.proposed.unwrapOr(null)?.encoder.toString() === this.#me)
    else await this.#repair(work, committed, head)
  }

  /** A new plan: codes every slot from the feed's blocks the plan codes, serves them, and proposes their roots. */
  async #codeFeed (work: ErasureWork, head: FeedHead, proposed: boolean): Promise<void> {
    const feedLength = head.length
    const { api, network, log } = this.o
    const { k, m, from } = work
    const ids = { amendment: String(work.amendment), plan: String(work.plan) }
    const feed = await this.#openFetched(work.feedKey, 'feed')
    try {
      log.info({ ...ids, from, length: feedLength, k, m }, 'fetching the feed to code it')
      await network.download(feed, feedLength, [[from, feedLength]])
      const all = Array.from({ length: k + m }, (_, i) => i)
      const submitted = await this.#exclusive(work.plan, async () => {
        const drafts = await this.#drafts(work.plan, all, `feed${from}-${feedLength}`)
        try {
          await writeSlots(new Map([...drafts].map(([i, d]) => [i, d.core])), slotLength(feedLength - from, k), feedStripes(feed, head, k, m, from))
          const roots = await Promise.all([...drafts.values()].map((d) => slotRoot(d.core)))
          log.info({ ...ids, slots: roots.length, slotLength: roots[0].length, bytes: roots.reduce((n, r) => n + r.byteLength, 0) }, 'coded the feed into slots')
          // The roots go to the chain at once (the amendment has a deadline); the slot cores are filled meanwhile.
          const submission = proposed ? null : this.o.txq.submit(api.tx.plans.submitEncoding(work.amendment, roots.map((r) => ({ ...r, treeHash: u8aToHex(r.treeHash) }))), 'submitEncoding')
          // Awaited below; if sealing throws first, its rejection must not go unhandled.
          submission?.catch(() => {})
          for (const [i, draft] of drafts) await this.#seal(work.plan, i, draft, roots[i])
          return submission
        } finally {
          await Promise.all([...drafts.values()].map((d) => d.core.close()))
        }
      })
      await this.#announce(work.plan, all)
      if (submitted === null) return
      const result = await submitted
      this.o.metrics.encodings.inc({ kind: 'new', success: String(result.ok) })
      log.info({ ...ids, ok: result.ok, error: result.error }, 'submitted the slot roots')
    } finally {
      await this.#releaseFetched(feed)
    }
  }

  /**
   * A repair: rebuilds the amendment's slots from any k others (from any peer that serves them) or, when
   * fewer than k can be had, from the feed itself at the coded head; serves them and tells the chain. If
   * neither can be had before the deadline nears, it reports the data lost.
   */
  async #repair (work: ErasureWork, committed: Map<number, SlotRoot>, head: FeedHead): Promise<void> {
    const { log } = this.o
    const ids = { amendment: String(work.amendment), plan: String(work.plan), positions: work.positions }
    const served = (await Promise.all(work.positions.map((i) => this.#servesComplete(work.plan, i, committed.get(i)!)))).every(Boolean)
    const from = served ? 'served' : await this.#rebuild(work, committed, head)
    this.o.metrics.encodings.inc({ kind: 'repair', success: String(from !== null) })
    if (from === null) return await this.#report(work, 'reportDataLost', ids)
    await this.#announce(work.plan, work.positions)
    log.info({ ...ids, from }, 'rebuilt the lost slots; serving them')
    await this.#report(work, 'repairServed', ids)
  }

  /**
   * Rebuilds the amendment's slots from k slots, or from the feed, which is fetched too from midway to the
   * deadline or once the chain counts fewer than k slots held: the first source complete is used. Null: none
   * came before the deadline nears.
   */
  async #rebuild (work: ErasureWork, committed: Map<number, SlotRoot>, head: FeedHead): Promise<'slots' | 'feed' | null> {
    const { api, log } = this.o
    const ids = { amendment: String(work.amendment), plan: String(work.plan) }
    const now = (await api.rpc.chain.getHeader()).number.toNumber()
    const giveUpAt = work.deadline - REPORT_MARGIN
    const midway = now + Math.floor((giveUpAt - now) / 2)
    const deps = this.#sourceDeps(work, committed)
    log.info({ ...ids, positions: work.positions }, 'rebuilding lost slots from the others')
    const fewHeld = async () => await this.#heldSlots(work) < work.k
    const slotsOver = whenChain(api, async (block) => block >= giveUpAt || await fewHeld())
    const slots = fetchSlots(deps, work.k, committed, new Set(work.positions), slotsOver.done).then((found): RepairSource => ({ slots: found }))
    const feedWanted = whenChain(api, async (block) => block >= midway || await fewHeld())
    let feedOver: ChainWatch | null = null
    let settled = false
    const feed = feedWanted.done.then(async (wanted): Promise<RepairSource> => {
      if (!wanted) throw new Error('k slots came first')
      log.info(ids, 'fetching the feed as well, to rebuild from it')
      const from = (await api.rpc.chain.getHeader()).number.toNumber()
      // Given up at the deadline, or sooner if no peer with the blocks coded turned up in a quarter of the time
      // left (other encoders trying the same are peers too, with nothing to give).
      const noPeerBy = from + Math.max(FEED_PEER_WAIT, Math.floor((giveUpAt - from) / 4))
      const nobodyHasIt = (core: Hypercore) => !(core.peers as FeedPeer[]).some((p) => p.remoteBitfield.firstUnset(work.from) >= head.length)
      // Opened after the repair settled: let go at once.
      return { feed: await fetchFeed(deps, work.feedKey, [work.from, head.length], (core) => settled ? Promise.resolve() : (feedOver = whenChain(api, (block) => block >= giveUpAt || (block >= noPeerBy && nobodyHasIt(core)))).done) }
    })
    // Bounded by the deadline whatever an attempt waits on, so that the outcome is always reported in time.
    const late = whenChain(api, (block) => block >= giveUpAt + 1)
    const source = await Promise.race([
      Promise.any([slots, feed]),
      // A watch that stopped without the deadline (its subscription failed) must not end the repair as lost.
      late.done.then((reached) => reached ? Promise.reject(new AggregateError([new Error('the deadline came first')])) : new Promise<never>(() => {}))
    ]).catch((err: AggregateError) => {
      log.warn({ ...ids, err: err.errors.map((e: Error) => e.message) }, 'neither k slots nor the feed could be fetched in time')
      return null
    })
    // The other attempt stops; whatever it fetched is let go.
    settled = true
    for (const watch of [slotsOver, feedWanted, feedOver as ChainWatch | null, late]) watch?.stop()
    const own = (slot: number, core: Hypercore) => this.#servedCore(work.plan, slot) === core
    for (const attempt of [slots, feed]) {
      background(log, attempt.then(async (s) => { if (s !== source) await releaseSource(deps, s, own) }, () => {}), 'letting go of a repair source', ids)
    }
    if (source === null) return null
    try {
      // Written one repair (or coding) of the plan at a time; fetching goes on side by side.
      return await this.#exclusive(work.plan, async () => 'slots' in source
        ? (await this.#rebuildFrom(work, committed, committed.get(work.positions[0])!.length, slotStripes(source.slots, work.k, work.m)) ? 'slots' : null)
        : (await this.#rebuildFrom(work, committed, slotLength(head.length - work.from, work.k), feedStripes(source.feed, head, work.k, work.m, work.from)) ? 'feed' : null))
    } finally {
      await releaseSource(deps, source, own)
    }
  }

  /** What fetching a repair's sources uses of this encoder. */
  #sourceDeps (work: ErasureWork, committed: Map<number, SlotRoot>): SourceDeps {
    return {
      network: this.o.network,
      log: this.o.log,
      servedComplete: async (slot) => await this.#servesComplete(work.plan, slot, committed.get(slot)!) ? this.#servedCore(work.plan, slot) : null,
      open: async (key, kind) => await this.#openFetched(key, kind),
      release: async (core) => await this.#releaseFetched(core)
    }
  }

  /** Opens a core to fetch (the feed, or a slot: see Fetched) and joins its topic; counted per key. */
  async #openFetched (key: Uint8Array, kind: 'feed' | 'slot'): Promise<Hypercore> {
    const { network } = this.o
    const id = u8aToHex(key)
    const entry = this.#fetched.get(id)
    if (entry !== undefined) {
      entry.users++
      return entry.shared ?? await this.#hostedSession(key)
    }
    // A feed this account hosts is in the corestore already: read there (a second core of it would clash).
    if (kind === 'feed' && (await this.#hostedKeys()).has(id)) {
      this.#fetched.set(id, { users: 1, shared: null, dir: null })
      return await this.#hostedSession(key)
    }
    const dir = join(this.o.slotDir, 'fetching', u8aToHex(crypto.discoveryKey(key), -1, false))
    const core = new Hypercore(dir, key)
    this.#fetched.set(id, { users: 1, shared: core, dir })
    await core.ready()
    // Replicated on every connection and looked up on its topic, as a served slot is: that is how it is fetched.
    await network.serveOwn(core)
    return core
  }

  async #hostedSession (key: Uint8Array): Promise<Hypercore> {
    const session = this.o.network.core(key)
    await session.ready()
    await this.o.network.join(key)
    return session
  }

  /** Lets go of a core from #openFetched: the last user closes and deletes it (a hosted feed stays where it is). */
  async #releaseFetched (core: Hypercore): Promise<void> {
    const id = u8aToHex(core.key)
    const entry = this.#fetched.get(id)
    // Dropped already (a slot this encoder now serves itself: #seal).
    if (entry === undefined) return
    if (--entry.users === 0) this.#fetched.delete(id)
    if (entry.shared === null) {
      await this.o.network.leave(core.key)
      return await core.close()
    }
    if (entry.users === 0) await this.#dropFetched(entry)
  }

  async #dropFetched (entry: Fetched): Promise<void> {
    await this.o.network.stopServingOwn(entry.shared!)
    await entry.shared!.close()
    rmSync(entry.dir!, { recursive: true, force: true })
  }

  /** Writes the amendment's slots from `stripes` into drafts, and seals them if they match the committed roots. */
  async #rebuildFrom (work: ErasureWork, committed: Map<number, SlotRoot>, stripes: number, source: StripeSource): Promise<boolean> {
    const drafts = await this.#drafts(work.plan, work.positions, 'repair')
    let matches: boolean
    try {
      await writeSlots(new Map([...drafts].map(([i, d]) => [i, d.core])), stripes, source)
      // The sources were verified against their roots (or the feed's signature) by hypercore; a rebuilt slot differs only if coding did.
      matches = (await Promise.all([...drafts].map(async ([i, d]) => await matchesRoot(d.core, committed.get(i)!)))).every(Boolean)
      if (matches) for (const [i, draft] of drafts) await this.#seal(work.plan, i, draft, committed.get(i)!)
    } finally {
      await Promise.all([...drafts.values()].map((d) => d.core.close()))
    }
    if (!matches) {
      for (const d of drafts.values()) rmSync(d.dir, { recursive: true, force: true })
      this.o.log.error({ amendment: String(work.amendment), plan: String(work.plan) }, 'the rebuilt slots do not match their committed roots')
    }
    return matches
  }

  /** The plan's positions whose hoster holds its slot as the chain counts them (intactPositions): active, or ready. */
  async #heldSlots (work: ErasureWork): Promise<number> {
    const positions = await this.o.api.query.plans.positions.entries(work.plan)
    return positions.map(([, p]) => p.unwrapOr(null)).filter((p) => p !== null && (p.state.isActive || (p.state.isSetup && p.ready.isTrue))).length
  }

  /** Tells the chain the repair's outcome: the slots are served, or the data is lost. */
  async #report (work: ErasureWork, call: 'repairServed' | 'reportDataLost', ids: object): Promise<void> {
    const { api, log, txq } = this.o
    let result = await txq.submit(api.tx.plans[call](work.amendment), call)
    if (call === 'repairServed') return log.info({ ...ids, ok: result.ok, error: result.error }, 'reported the rebuilt slots served')
    if (result.error?.endsWith('.SlotsRemain') === true) {
      // The chain still counts k slots held (their hosters are gone but not struck out yet): said again once it
      // does not, while the report can still land before the deadline.
      log.warn(ids, 'could fetch neither k slots nor the feed, but the chain still counts k slots held: waiting for it to see them gone')
      const gone = whenChain(api, async (block) => block >= work.deadline - REPORT_MARGIN + 1 || await this.#heldSlots(work) < work.k)
      await gone.done
      if (await this.#heldSlots(work) >= work.k) return log.warn(ids, 'the chain still counts k slots held at the deadline: the repair goes to another encoder')
      result = await txq.submit(api.tx.plans.reportDataLost(work.amendment), call)
    }
    log.error({ ...ids, ok: result.ok, error: result.error }, 'could fetch neither k slots nor the feed: reported the data lost')
  }

  /** The core of a slot this encoder serves, if any. */
  #servedCore (plan: bigint, slot: number): Hypercore | null {
    return this.#serving.get(`${plan}/${slot}`)?.core ?? null
  }

  /** Whether this encoder serves the slot with this root, complete. */
  async #servesComplete (plan: bigint, slot: number, root: SlotRoot): Promise<boolean> {
    const core = this.#servedCore(plan, slot)
    return core !== null && u8aEq(core.key, slotKey(root)) && core.length === root.length && await core.has(0, root.length)
  }

  /** Runs `work` after the plan's slot writing in progress, if any. */
  async #exclusive<T> (plan: bigint, work: () => Promise<T>): Promise<T> {
    const id = String(plan)
    const run = (this.#writing.get(id) ?? Promise.resolve()).catch(() => {}).then(work)
    this.#writing.set(id, run)
    try {
      return await run
    } finally {
      if (this.#writing.get(id) === run) this.#writing.delete(id)
    }
  }

  /**
   * Opens a draft per slot, named by what it will hold (`source`: the feed at a length, or a repair), so that
   * an encoder restarted midway continues its drafts. A draft's key pair is its own: nobody else has it.
   */
  async #drafts (plan: bigint, slots: number[], source: string): Promise<Map<number, Draft>> {
    const drafts = new Map<number, Draft>()
    for (const slot of slots) {
      const dir = join(this.o.slotDir, 'drafts', `${plan}-${slot}-${source}`)
      const core = new Hypercore(dir)
      await core.ready()
      drafts.set(slot, { core, dir })
    }
    return drafts
  }

  /**
   * Fills the slot core of `root` from its complete draft, serves it from then on, and removes the draft.
   * The slot core lives outside the corestore, which replicates every core it holds with any peer that asks:
   * a core half copied would be offered before it is whole, and the attester must be able to tell that this
   * process serves the slot itself (Network.servesOwn). It replaces a core served for an older root.
   */
  async #seal (plan: bigint, slot: number, draft: Draft, root: SlotRoot): Promise<void> {
    const key = slotKey(root)
    const id = `${plan}/${slot}`
    let served = this.#serving.get(id)
    if (served !== undefined && !u8aEq(served.core.key, key)) {
      await this.#stopServing(id, served)
      served = undefined
    }
    if (served === undefined) {
      // A repair still fetching this slot (from hosters now gone) gives way: the slot is served from here.
      const fetching = this.#fetched.get(u8aToHex(key))
      if (fetching !== undefined) {
        this.#fetched.delete(u8aToHex(key))
        await this.#dropFetched(fetching)
      }
      // Two plans of one feed with the same k + m have the same slots, so the same slot cores: share one.
      const twin = [...this.#serving.values()].find((s) => u8aEq(s.core.key, key))
      const dir = twin?.dir ?? join(this.o.slotDir, u8aToHex(crypto.discoveryKey(key), -1, false))
      const core = twin?.core ?? new Hypercore(dir, key, { manifest: slotManifest(root) })
      await core.ready()
      served = { plan, slot, core, dir, dropTimer: null }
      this.#serving.set(id, served)
    } else if (served.dropTimer !== null) {
      clearTimeout(served.dropTimer)
      served.dropTimer = null
    }
    await sealSlot(draft.core, served.core)
    await draft.core.close()
    rmSync(draft.dir, { recursive: true, force: true })
  }

  /** Serves complete slots: replicated on every connection, and announced on their topics for hosters to find. */
  async #announce (plan: bigint, slots: Iterable<number>): Promise<void> {
    for (const slot of slots) {
      const served = this.#serving.get(`${plan}/${slot}`)
      if (served !== undefined) await this.o.network.serveOwn(served.core)
    }
  }

  /**
   * Stops serving a slot a grace period after its position started hosting (all of a plan's, when it
   * ended): its hoster serves it from then on, and a repair rebuilds from the hosters.
   */
  #release (plan: bigint, slot: number | null): void {
    for (const [id, served] of this.#serving) {
      if (served.plan !== plan || (slot !== null && served.slot !== slot) || served.dropTimer !== null) continue
      served.dropTimer = setTimeout(() => {
        background(this.o.log, this.#stopServing(id, served), 'dropping a served slot', { plan: String(plan), slot: served.slot })
      }, this.o.graceMs)
    }
  }

  async #stopServing (id: string, served: Served): Promise<void> {
    if (served.dropTimer !== null) clearTimeout(served.dropTimer)
    if (this.#serving.get(id) === served) this.#serving.delete(id)
    if ([...this.#serving.values()].some((s) => s.core === served.core)) return
    await this.o.network.stopServingOwn(served.core)
    await served.core.close()
    rmSync(served.dir, { recursive: true, force: true })
  }

  async #hostedKeys (): Promise<Set<string>> {
    const { api } = this.o
    const keys = new Set<string>()
    for (const [key] of await api.query.plans.hosterPositions.entries(this.#me)) {
      const [plan, position] = key.args[1]
      const target = await positionCore(api, plan.toBigInt(), position.toNumber())
      if (target !== null && target !== 'encoding') keys.add(u8aToHex(target.key))
    }
    return keys
  }
}

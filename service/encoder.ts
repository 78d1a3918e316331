import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { background, RunningDuties } from './background.js'
import type { RoleDeps } from './role.js'
import { positionCore } from './position-core.js'
import { feedStripes, matchesRoot, sealSlot, slotKey, slotManifest, slotRoot, slotStripes, writeSlots } from '../erasure/slot-cores.js'
import type { SlotRoot } from '../erasure/slot-cores.js'
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
  /** Positions the amendment fills. */
  readonly positions: number[]
}

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
  /** Per plan, the slot writing in progress: two amendments of one plan must not append to its slots at once. */
  readonly #writing = new Map<string, Promise<unknown>>()

  constructor (private readonly o: EncoderOptions) {
    this.#me = o.keys.account.address
  }

  /** Rebuilds duties from chain storage: open amendments naming this encoder. */
  async resume (): Promise<void> {
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
    const work: ErasureWork = {
      amendment: id,
      plan: a.plan.toBigInt(),
      feedKey: feed.key.toU8a(),
      k: plan.mode.asErasure.k.toNumber(),
      m: plan.mode.asErasure.m.toNumber(),
      positions: a.positions.map((p) => p.toNumber())
    }
    const committed = new Map<number, SlotRoot>()
    for (const [key, slot] of await api.query.plans.slots.entries(work.plan)) {
      const s = slot.unwrap()
      committed.set(key.args[1].toNumber(), { length: s.length.toNumber(), byteLength: s.byteLength.toNumber(), treeHash: s.treeHash.toU8a() })
    }
    if (committed.size === 0) await this.#codeFeed(work, { length: feed.root.length.toNumber(), signature: feed.signature.toU8a(true) }, a.proposed.unwrapOr(null)?.encoder.toString() === this.#me)
    else await this.#repair(work, committed)
  }

  /** A new plan: codes every slot from the feed, serves them, and proposes their roots. */
  async #codeFeed (work: ErasureWork, head: FeedHead, proposed: boolean): Promise<void> {
    const feedLength = head.length
    const { api, network, log } = this.o
    const { k, m } = work
    const ids = { amendment: String(work.amendment), plan: String(work.plan) }
    const feed = network.core(work.feedKey)
    await feed.ready()
    await network.join(work.feedKey)
    try {
      log.info({ ...ids, length: feedLength, k, m }, 'fetching the feed to code it')
      await network.download(feed, feedLength)
      const all = Array.from({ length: k + m }, (_, i) => i)
      const submitted = await this.#exclusive(work.plan, async () => {
        const drafts = await this.#drafts(work.plan, all, `feed${feedLength}`)
        try {
          await writeSlots(new Map([...drafts].map(([i, d]) => [i, d.core])), slotLength(feedLength, k), feedStripes(feed, head, k, m))
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
      await network.leave(work.feedKey)
      await this.#clearUnlessHosted(feed, feedLength, await this.#hostedKeys())
    }
  }

  /** A repair: rebuilds the amendment's slots from k others (from any peer that serves them) and serves them. */
  async #repair (work: ErasureWork, committed: Map<number, SlotRoot>): Promise<void> {
    const { log } = this.o
    const ids = { amendment: String(work.amendment), plan: String(work.plan), positions: work.positions }
    if ((await Promise.all(work.positions.map((i) => this.#servesComplete(work.plan, i, committed.get(i)!)))).every(Boolean)) {
      return await this.#announce(work.plan, work.positions)
    }
    log.info(ids, 'rebuilding lost slots from the others')
    const sources = await this.#fetchSlots(work, committed, new Set(work.positions))
    const ok = await this.#exclusive(work.plan, async () => {
      const drafts = await this.#drafts(work.plan, work.positions, 'repair')
      try {
        await writeSlots(new Map([...drafts].map(([i, d]) => [i, d.core])), committed.get(work.positions[0])!.length, slotStripes(sources, work.k, work.m))
        // The sources were verified against their roots by hypercore; a rebuilt slot differs only if coding did.
        if (!(await Promise.all([...drafts].map(async ([i, d]) => await matchesRoot(d.core, committed.get(i)!)))).every(Boolean)) {
          for (const d of drafts.values()) await d.core.close().then(() => rmSync(d.dir, { recursive: true, force: true }))
          return false
        }
        for (const [i, draft] of drafts) await this.#seal(work.plan, i, draft, committed.get(i)!)
        return true
      } finally {
        await Promise.all([...drafts.values()].map((d) => d.core.close()))
        const hosted = await this.#hostedKeys()
        for (const [i, core] of sources) {
          if (this.#servedCore(work.plan, i) === core) continue
          await this.o.network.leave(core.key)
          await this.#clearUnlessHosted(core, committed.get(i)!.length, hosted)
        }
      }
    })
    this.o.metrics.encodings.inc({ kind: 'repair', success: String(ok) })
    if (!ok) return log.error(ids, 'the rebuilt slots do not match their committed roots')
    await this.#announce(work.plan, work.positions)
    log.info(ids, 'rebuilt the lost slots; serving them')
  }

  /**
   * The first k slots (other than `exclude`) that arrive complete. A slot's key fixes its committed root, so
   * hypercore verifies every block against it, whoever serves it. Slots this encoder still serves itself are
   * used as they are (the corestore must not open a second copy).
   */
  async #fetchSlots (work: ErasureWork, committed: Map<number, SlotRoot>, exclude: Set<number>): Promise<Map<number, Hypercore>> {
    const { network } = this.o
    const candidates = [...committed.keys()].filter((i) => !exclude.has(i))
    if (candidates.length < work.k) throw new Error(`only ${candidates.length} slots are left to rebuild from; ${work.k} are needed`)
    const found = new Map<number, Hypercore>()
    const remote: number[] = []
    for (const i of candidates) {
      const own = this.#servedCore(work.plan, i)
      if (own === null) remote.push(i)
      else if (await this.#servesComplete(work.plan, i, committed.get(i)!)) found.set(i, own)
    }
    if (found.size >= work.k) return new Map([...found].slice(0, work.k))
    const opened = remote.map((i) => ({ i, core: network.core(slotKey(committed.get(i)!)) }))
    const fetching = opened.map(async ({ i, core }) => {
      const root = committed.get(i)!
      let joined = false
      try {
        await core.ready()
        await network.join(core.key)
        joined = true
        await network.download(core, root.length)
        if (found.size < work.k) found.set(i, core)
      } finally {
        if (!found.has(i)) {
          if (joined) await network.leave(core.key)
          await core.close()
        }
      }
    })
    // Done when k slots are in, or every candidate has succeeded or failed.
    await new Promise<void>((resolve) => {
      let settled = 0
      const check = () => { if (found.size >= work.k || ++settled === fetching.length) resolve() }
      if (fetching.length === 0) resolve()
      for (const f of fetching) void f.then(check, check)
    })
    // Closing the others ends their wait for peers; each then leaves its topic.
    await Promise.all(opened.filter(({ i }) => !found.has(i)).map(({ core }) => core.close()))
    if (found.size < work.k) throw new Error(`only ${found.size} of the ${work.k} slots needed could be fetched and verified`)
    return found
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

  /**
   * Clears a core the encoder fetched into the corestore (the feed, repair sources), and closes it, unless
   * this account also hosts it (`hosted`, from #hostedKeys): the hoster role shares the corestore.
   */
  async #clearUnlessHosted (core: Hypercore, length: number, hosted: Set<string>): Promise<void> {
    if (!hosted.has(u8aToHex(core.key))) await core.clear(0, length)
    await core.close()
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

import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { hexToU8a, u8aToHex } from '@polkadot/util'
import type Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { background, RunningDuties } from './background.js'
import type { RoleDeps } from './role.js'
import { makeBlockProof, makeHashProof, makeHeadProof, ProofUnavailable } from '../hypercore/make.js'
import { covered, positionCore } from './position-core.js'
import type { PositionCore, Ranges } from './position-core.js'
import type { HeldCores } from './held-cores.js'
import { receiptMessage } from '../protocol/receipt.js'
import type { ReceiptRequest, SignedReceipt } from './receipt.js'

export interface HosterOptions extends RoleDeps {
  /** How long data stays after a position is lost or a plan ends (a replacement may still fetch it). */
  readonly graceMs: number
  /** Bytes this hoster offers: what it keeps on disk never exceeds it, data in its grace period included. */
  readonly capacity: bigint
  /** The cores on this disk and since when each is no longer needed, kept across restarts. */
  readonly heldCores: HeldCores
}

/** A core this hoster keeps: a feed (replicas) or an erasure slot. */
interface Holding {
  readonly key: Uint8Array
  /** The feed, when the core is one; null for a slot. */
  readonly feed: bigint | null
  /** The only blocks kept, for a plan of ranges of the feed; null: all. */
  readonly ranges: Ranges | null
  readonly core: Hypercore
  /** (plan/position) ids this core is held for. */
  readonly positions: Set<string>
  /** Set while the feed waits out its grace period; a new position on the feed cancels it. */
  dropTimer: NodeJS.Timeout | null
  /** The longest head of the feed offered to the chain (or found there already): each length once. */
  headOffered: number
}

const positionId = (plan: bigint, position: number) => `${plan}/${position}`

/** Blocks remembered per connection for its receipts: a check samples a few; a long download keeps the latest. */
const SERVED_MEMORY = 4096

interface Peerish { remotePublicKey: Uint8Array }

/**
 * The hoster: fetches the core of each position it is given (the feed, or an erasure slot checked against
 * its committed root), reports it ready, serves it to any reader, answers storage challenges with hypercore
 * proofs made from its own disk only, repairs blocks it finds missing, follows feed updates and submits the
 * newer signed heads it learns from peers, and lets data go a grace period after it no longer holds it.
 * Everything it does is derived from chain state, so a restart resumes.
 */
export class HosterRole {
  readonly #holdings = new Map<string, Holding>()
  /** Cores being opened, so that two duties opening one core at once share one session. */
  readonly #opening = new Map<string, Promise<Holding>>()
  readonly #duties = new RunningDuties()
  readonly #me: string
  /** What this hoster served on each open connection, per core: `core/peer` → block indexes. */
  readonly #served = new Map<string, Set<number>>()

  constructor (private readonly o: HosterOptions) {
    this.#me = o.keys.account.address
    o.receipts.serve((request, remotePublicKey) => this.#signReceipt(request, remotePublicKey))
  }

  /**
   * Rebuilds duties from chain storage: open challenges, and positions held or being set up. The positions
   * are fetched only once the open challenges were answered from what the disk held at start.
   */
  async resume (): Promise<void> {
    const { api, log } = this.o
    const positions = (await api.query.plans.hosterPositions.entries(this.#me)).map(([key]) => key.args[1])
    // Cores no position needs are let go beside the answers and the fetching (they touch only such cores).
    background(log, this.#reconcile(positions.map(([plan, position]) => [plan.toBigInt(), position.toNumber()])), 'letting go of cores no position needs')
    const answers = (await api.query.challenges.hosterChallenges.entries(this.#me))
      .map(([key]) => this.#answer(key.args[1].toBigInt()).catch((err) => log.error({ err }, 'answering a challenge failed')))
    background(log, Promise.all(answers).then(() => {
      for (const [plan, position] of positions) background(log, this.#take(plan.toBigInt(), position.toNumber()), 'taking a position')
    }), 'taking positions')
  }

  /**
   * Lets go of the cores on disk that no position of this hoster's on chain needs (it was let go of them
   * before a crash, or missed the event while down): each is dropped once its grace period, counted from
   * when it was let go, is over.
   */
  async #reconcile (positions: Array<[bigint, number]>): Promise<void> {
    const targets = await Promise.all(positions.map(([plan, position]) => positionCore(this.o.api, plan, position)))
    const needed = new Set<string>(targets.flatMap((target) => (target === null || target === 'encoding' ? [] : [u8aToHex(target.key)])))
    const now = Date.now()
    for (const { key, releasedAt } of this.o.heldCores.entries()) {
      if (needed.has(key)) continue
      const holding = this.#holdings.get(key) ?? await this.#open({ key: hexToU8a(key), feed: null, length: 0, ranges: null })
      if (holding.positions.size > 0) continue
      this.o.log.info({ core: key, releasedAt }, 'no position needs this core any more: it goes after its grace period')
      this.#release(holding, releasedAt ?? now)
    }
  }

  async onEvents (events: FrameSystemEventRecord[]): Promise<void> {
    const { api } = this.o
    for (const { event } of events) {
      if (api.events.plans.NewAmendment.is(event)) {
        const { plan, positions, hosters } = event.data
        hosters.forEach((h, j) => { if (h.toString() === this.#me) background(this.o.log, this.#take(plan.toBigInt(), positions[j].toNumber()), 'taking a position') })
      } else if (api.events.plans.EncodingAccepted.is(event)) {
        background(this.o.log, this.#takeSlots(event.data.amendment.toBigInt()), 'taking erasure slots')
      } else if (api.events.challenges.StorageChallenge.is(event) && event.data.hoster.toString() === this.#me) {
        background(this.o.log, this.#answer(event.data.id.toBigInt()), 'answering a challenge')
      } else if (api.events.feeds.FeedUpdated.is(event)) {
        background(this.o.log, this.#follow(event.data.feed.toBigInt(), event.data.blocks.toNumber()), 'following a feed update')
      } else if (api.events.plans.PositionFreed.is(event) && event.data.hoster.toString() === this.#me) {
        this.#letGo(event.data.plan.toBigInt(), [event.data.position.toNumber()])
      } else if (api.events.plans.PlanEnded.is(event)) {
        this.#letGo(event.data.plan.toBigInt(), null)
      }
    }
  }

  async close (): Promise<void> {
    for (const h of this.#holdings.values()) if (h.dropTimer !== null) clearTimeout(h.dropTimer)
    await Promise.all([...this.#holdings.values()].map((h) => h.core.close()))
  }

  /** Takes a position: fetches its core and, if it is still being set up, reports it ready. */
  async #take (plan: bigint, position: number): Promise<void> {
    const { api, log } = this.o
    const pos = (await api.query.plans.positions(plan, position)).unwrapOr(null)
    if (pos === null || pos.hoster.unwrapOr(null)?.toString() !== this.#me) return
    const ids = { plan: String(plan), position }
    const target = await positionCore(api, plan, position)
    if (target === null) return
    // EncodingAccepted brings the position back once the encoders agreed on the slots.
    if (target === 'encoding') return log.info(ids, 'waiting for the encoders to agree on the slots')
    await this.#makeRoom(pos.bytes.toBigInt())
    const holding = await this.#hold(target, positionId(plan, position))
    log.info({ ...ids, core: u8aToHex(target.key), length: target.length }, 'fetching a position')
    const stopReporting = pos.state.isSetup ? this.#reportProgress(holding.core, pos.state.asSetup.toBigInt(), position, covered(target.length, target.ranges)) : () => {}
    try {
      await this.o.network.download(holding.core, target.length, target.ranges)
    } finally {
      stopReporting()
    }
    this.o.metrics.bytesHosted.set(this.#bytesHeld())
    // hypercore verified every block: against the feed's signatures, or, for a slot, against the committed
    // root its key fixes (a prologue), so a peer serving anything else is refused and cannot stall this.
    if (!pos.state.isSetup || pos.ready.isTrue) return
    const result = await this.o.txq.submit(api.tx.plans.hostingReady(pos.state.asSetup, position), 'hostingReady')
    log.info({ ...ids, ok: result.ok, error: result.error }, 'reported the position ready')
  }

  /**
   * Tells the chain, at each quarter of a setup's blocks, how many this hoster holds: one that shows progress
   * is not struck for missing the deadline (a big feed on a slow link). Returns a function that stops it.
   */
  #reportProgress (core: Hypercore, amendment: bigint, position: number, length: number): () => void {
    const { api, log, txq } = this.o
    // Blocks come out of order, so the contiguous length may jump past a quarter: count them as they come,
    // from the contiguous part already on disk (a lower bound of what is held).
    let blocks = core.contiguousLength
    let quarter = Math.floor((4 * blocks) / Math.max(1, length))
    const onDownload = (): void => {
      const reached = Math.floor((4 * ++blocks) / Math.max(1, length))
      if (reached <= quarter || reached >= 4) return
      quarter = reached
      const held = blocks
      background(log, txq.submit(api.tx.plans.reportProgress(amendment, position, held), 'reportProgress').then((result) => {
        log.info({ amendment: String(amendment), position, blocks: held, length, ok: result.ok, error: result.error }, 'reported setup progress')
      }), 'reporting setup progress')
    }
    core.on('download', onDownload)
    return () => core.off('download', onDownload)
  }

  /** Takes this hoster's positions of an amendment whose erasure slots were just agreed on. */
  async #takeSlots (amendment: bigint): Promise<void> {
    const a = (await this.o.api.query.plans.amendments(amendment)).unwrapOr(null)
    if (a === null) return
    await Promise.all(a.hosters.map((h, j) => (h.toString() === this.#me ? this.#take(a.plan.toBigInt(), a.positions[j].toNumber()) : null)))
  }

  /** Opens (once) the core and announces it, so that readers, attesters and repairers find this hoster. */
  async #hold (target: PositionCore, position: string): Promise<Holding> {
    const id = u8aToHex(target.key)
    let opening = this.#opening.get(id)
    if (opening === undefined && !this.#holdings.has(id)) {
      opening = this.#open(target).finally(() => this.#opening.delete(id))
      this.#opening.set(id, opening)
    }
    const holding = opening === undefined ? this.#holdings.get(id)! : await opening
    holding.positions.add(position)
    if (holding.dropTimer !== null) {
      clearTimeout(holding.dropTimer)
      holding.dropTimer = null
    }
    this.o.heldCores.held(id)
    return holding
  }

  async #open ({ key, feed, ranges }: PositionCore): Promise<Holding> {
    const core = this.o.network.core(key)
    await core.ready()
    const holding: Holding = { feed, ranges, key, core, positions: new Set(), dropTimer: null, headOffered: 0 }
    const id = u8aToHex(key)
    this.#holdings.set(id, holding)
    core.on('upload', (index: number, _bytes: number, peer: Peerish) => {
      this.o.metrics.blocksServed.inc()
      this.#remember(id, peer.remotePublicKey, index)
    })
    core.on('peer-remove', (peer: Peerish) => this.#served.delete(`${id}/${u8aToHex(peer.remotePublicKey)}`))
    // hypercore refuses the data and stops asking that peer for this core; the download goes on with others.
    core.on('verification-error', (err: Error) => this.o.log.warn({ core: id, err: err.message }, 'a peer sent data that fails verification: ignored'))
    // Peers upgrade a replica to the writer's newer signed head as soon as it exists (hypercore's eager upgrade).
    if (feed !== null) core.on('append', () => background(this.o.log, this.#offerHead(holding), 'offering a newer head', { feed: String(feed) }))
    await this.o.network.join(key)
    return holding
  }

  /**
   * Submits the feed's newer signed head when this replica learned one the chain has not: anyone may, so the
   * chain follows a feed whose publisher went quiet. Each length is offered once; another submitter being
   * first (StaleRoot) is the race this expects, not an error.
   */
  #offerHead (holding: Holding): Promise<void> {
    return this.#duties.once(`head/${u8aToHex(holding.key)}`, async () => {
      const { api, log, metrics, txq } = this.o
      const feed = holding.feed!
      while (holding.core.length > holding.headOffered && !holding.core.closed) {
        const length = holding.core.length
        holding.headOffered = length
        const onChain = (await api.query.feeds.feeds(feed)).unwrapOr(null)?.root.length.toNumber() ?? Infinity
        if (onChain >= length) continue
        const result = await txq.submit(api.tx.feeds.updateFeed(feed, u8aToHex(await makeHeadProof(holding.core))), 'updateFeed')
        const outcome = result.ok ? 'accepted' : result.error?.endsWith('.StaleRoot') === true ? 'stale' : 'refused'
        metrics.headsSubmitted.inc({ outcome })
        const ids = { feed: String(feed), length, onChain }
        if (outcome === 'refused') log.warn({ ...ids, error: result.error }, 'the chain refused a newer head of a hosted feed')
        else log.info({ ...ids, outcome }, outcome === 'accepted' ? 'submitted a newer head of a hosted feed' : 'another peer submitted this head first')
      }
    })
  }

  async #follow (feed: bigint, length: number): Promise<void> {
    const holding = [...this.#holdings.values()].find((h) => h.feed === feed)
    if (holding === undefined) return
    this.o.log.info({ feed: String(feed), length }, 'the feed grew: fetching the new blocks')
    await this.o.network.download(holding.core, length, holding.ranges)
    this.o.metrics.bytesHosted.set(this.#bytesHeld())
  }

  /** Answers a storage challenge with one hypercore proof per challenged block, against the challenged root. */
  #answer (id: bigint): Promise<void> {
    return this.#duties.once(`challenge/${id}`, () => this.#prove(id))
  }

  /**
   * Proves from this disk only: nothing is fetched between the challenge and its proof, so a hoster that
   * lost blocks fails the challenge (and says so) instead of passing on data fetched on demand.
   */
  async #prove (id: bigint): Promise<void> {
    const { api, log, metrics } = this.o
    const key = String(id)
    const started = process.hrtime.bigint()
    const challenge = (await api.query.challenges.storageChallenges(id)).unwrapOr(null)
    if (challenge === null) return log.warn({ challenge: key }, 'the challenge was closed before this hoster read it')
    const [plan, position] = [challenge.plan.toBigInt(), challenge.position.toNumber()]
    const target = await positionCore(api, plan, position)
    const ids = { challenge: key, plan: String(plan), position }
    if (target === null || target === 'encoding' || (await api.query.plans.positions(plan, position)).unwrapOr(null)?.hoster.unwrapOr(null)?.toString() !== this.#me) {
      log.warn(ids, 'challenged for data this hoster does not hold')
      return
    }
    // A challenge may come before the position's amendment was seen (e.g. right after a restart): the proof is
    // made from what is on disk, and only then is the rest fetched, for later challenges.
    const held = this.#holdings.has(u8aToHex(target.key))
    const holding = await this.#hold(target, positionId(plan, position))
    const length = challenge.length.toNumber()
    const indexes = challenge.indexes.map((i) => i.toNumber())
    const proofs = await Promise.all(indexes.map((i) => makeBlockProof(holding.core, i, length))).catch((err: Error) => err)
    if (!held) background(log, this.#take(plan, position), 'taking a position', ids)
    if (proofs instanceof ProofUnavailable) {
      const missing = await this.#missing(holding.core, indexes)
      metrics.challengesFailed.inc()
      metrics.proofsUnavailable.inc({ code: proofs.code })
      metrics.blocksMissing.inc(missing.length)
      log.error({ ...ids, code: proofs.code, missing, err: proofs.message }, 'cannot prove from this disk: challenged data is missing; no proof submitted')
      this.#repair(holding, target.length)
      return
    }
    if (proofs instanceof Error) {
      metrics.challengesFailed.inc()
      return log.error({ ...ids, err: proofs }, 'could not answer a storage challenge')
    }
    try {
      // Tried again until the challenge closes: a proof given up on while it still counts is a strike for nothing.
      const result = await this.o.txq.submit(api.tx.challenges.submitStorageProof(id, proofs.map((p) => u8aToHex(p))), 'submitStorageProof', {
        retryWhile: async () => (await api.query.challenges.storageChallenges(id)).isSome
      })
      if (result.ok) {
        metrics.challengesAnswered.inc()
        metrics.proofLatency.observe(Number(process.hrtime.bigint() - started) / 1e9)
      } else {
        metrics.challengesFailed.inc()
      }
      log.info({ ...ids, ok: result.ok, error: result.error }, 'answered a storage challenge')
    } catch (err) {
      metrics.challengesFailed.inc()
      log.error({ ...ids, err }, 'could not answer a storage challenge')
    }
  }

  /** Which of `indexes` the core does not hold on this disk (its own bitfield; nothing is asked of peers). */
  async #missing (core: Hypercore, indexes: number[]): Promise<number[]> {
    const held = await Promise.all(indexes.map((i) => (i < core.length ? core.has(i) : false)))
    return indexes.filter((_, j) => !held[j])
  }

  /**
   * Fetches again, from the other peers of the core, the blocks this disk lost: in the background, logged and
   * counted, never in the proof path (the challenge that found the loss has failed already).
   */
  #repair (holding: Holding, length: number): void {
    const core = u8aToHex(holding.key)
    background(this.o.log, this.#duties.once(`repair/${core}`, async () => {
      const { log, metrics, network } = this.o
      log.warn({ core, length }, 'repairing: fetching lost blocks again from other peers')
      metrics.repairs.inc({ outcome: 'started' })
      await network.download(holding.core, length, holding.ranges)
      metrics.repairs.inc({ outcome: 'done' })
      log.info({ core, length }, 'repaired: every block is on this disk again')
    }), 'repairing a core', { core })
  }

  /** After the grace period, drops a core's data unless another position still holds it. */
  #letGo (plan: bigint, positions: number[] | null): void {
    for (const holding of this.#holdings.values()) {
      const mine = [...holding.positions].filter((p) => p.startsWith(`${plan}/`) && (positions === null || positions.some((n) => p === positionId(plan, n))))
      if (mine.length === 0) continue
      for (const p of mine) holding.positions.delete(p)
      if (holding.positions.size > 0 || holding.dropTimer !== null) continue
      this.#release(holding, Date.now())
    }
  }

  /** Drops a core no position holds once the grace period from `since` (ms) is over; written down first. */
  #release (holding: Holding, since: number): void {
    const id = u8aToHex(holding.key)
    this.o.heldCores.released(id, since)
    if (holding.dropTimer !== null) clearTimeout(holding.dropTimer)
    holding.dropTimer = setTimeout(() => {
      holding.dropTimer = null
      this.#drop(holding).catch((err) => this.o.log.error({ err, core: id }, 'could not drop a core'))
    }, Math.max(0, since + this.o.graceMs - Date.now()))
  }

  /**
   * Makes room on disk for `bytes` more: cores in their grace period go early, those let go first first, so
   * that what this hoster keeps never exceeds its capacity.
   */
  async #makeRoom (bytes: bigint): Promise<void> {
    const released = new Map(this.o.heldCores.entries().map((e) => [e.key, e.releasedAt]))
    const graced = [...this.#holdings.values()].filter((h) => h.positions.size === 0 && h.dropTimer !== null)
      .sort((a, b) => (released.get(u8aToHex(a.key)) ?? 0) - (released.get(u8aToHex(b.key)) ?? 0))
    for (const holding of graced) {
      if (BigInt(this.#bytesHeld()) + bytes <= this.o.capacity) return
      clearTimeout(holding.dropTimer!)
      holding.dropTimer = null
      this.o.log.info({ core: u8aToHex(holding.key), capacity: String(this.o.capacity) }, 'dropping a core in its grace period early, to stay within capacity')
      await this.#drop(holding)
    }
  }

  async #drop (holding: Holding): Promise<void> {
    const id = u8aToHex(holding.key)
    if (holding.positions.size > 0 || this.#holdings.get(id) !== holding) return
    this.#holdings.delete(id)
    await this.o.network.leave(holding.key)
    await holding.core.clear(0, holding.core.length)
    await holding.core.close()
    this.o.heldCores.forget(id)
    this.o.metrics.bytesHosted.set(this.#bytesHeld())
    this.o.log.info({ core: id }, 'dropped a core no longer hosted')
  }

  #bytesHeld (): number {
    return [...this.#holdings.values()].reduce((n, h) => n + h.core.byteLength, 0)
  }

  #remember (core: string, peer: Uint8Array, index: number): void {
    const key = `${core}/${u8aToHex(peer)}`
    const served = this.#served.get(key) ?? new Set<number>()
    served.add(index)
    if (served.size > SERVED_MEMORY) served.delete(served.values().next().value!)
    this.#served.set(key, served)
  }

  /**
   * Signs a receipt for blocks this hoster served on the asking connection, whoever asks: every index must
   * have been uploaded to that peer. Each block's leaf hash comes with its hash proof against the asked
   * root, which this hoster's tree must reach.
   */
  async #signReceipt (request: ReceiptRequest, remotePublicKey: Uint8Array): Promise<SignedReceipt | null> {
    const coreId = u8aToHex(request.core)
    const holding = this.#holdings.get(coreId)
    const served = this.#served.get(`${coreId}/${u8aToHex(remotePublicKey)}`)
    if (holding === undefined || served === undefined || holding.core.length < request.length) return null
    if (!request.indexes.every((i) => served.has(i))) return null
    const blocks = await Promise.all(request.indexes.map((i) => holding.core.get(i, { wait: false })))
    if (blocks.some((b) => b === null)) return null
    const hashes = blocks.map((b) => crypto.data(b!))
    const proofs = await Promise.all(request.indexes.map((i) => makeHashProof(holding.core, i, request.length)))
    const signature = crypto.sign(receiptMessage(request.context, request.indexes.map(BigInt), hashes), this.o.keys.noise.secretKey)
    this.o.log.info({ core: coreId, peer: u8aToHex(remotePublicKey), indexes: request.indexes }, 'signed a receipt')
    return { hashes, proofs, signature }
  }
}

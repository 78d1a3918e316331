import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aEq, u8aToHex } from '@polkadot/util'
import type Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { background } from './background.js'
import type { RoleDeps } from './role.js'
import { makeBlockProof } from '../hypercore/make.js'
import { contactMessage } from '../protocol/contact.js'

export interface HosterOptions extends RoleDeps {
  /** How long data stays after a position is lost or a plan ends (a replacement may still fetch it). */
  readonly graceMs: number
}

interface Holding {
  readonly feed: bigint
  readonly key: Uint8Array
  readonly core: Hypercore
  /** (plan/position) ids this feed is held for. */
  readonly positions: Set<string>
  /** Set while the feed waits out its grace period; a new position on the feed cancels it. */
  dropTimer: NodeJS.Timeout | null
}

const positionId = (plan: bigint, position: number) => `${plan}/${position}`

/**
 * The hoster: fetches the feeds of the positions it is given, reports them ready, serves them to any
 * reader, answers storage challenges with hypercore proofs, follows feed updates, and lets data go a grace
 * period after it no longer holds it. Everything it does is derived from chain state, so a restart resumes.
 */
export class HosterRole {
  readonly #holdings = new Map<string, Holding>()
  readonly #answering = new Set<string>()
  readonly #me: string

  constructor (private readonly o: HosterOptions) {
    this.#me = o.keys.account.address
    o.contact.serve((checkId, attester, conn) => this.#signContact(checkId, attester, conn.remotePublicKey))
  }

  /** Rebuilds duties from chain storage: positions held or being set up, and open challenges. */
  async resume (): Promise<void> {
    const { api } = this.o
    for (const [key] of await api.query.plans.hosterPositions.entries(this.#me)) {
      const [plan, position] = key.args[1]
      background(this.o.log, this.#take(plan.toBigInt(), position.toNumber()), 'taking a position')
    }
    for (const [key] of await api.query.challenges.hosterChallenges.entries(this.#me)) background(this.o.log, this.#answer(key.args[1].toBigInt()), 'answering a challenge')
  }

  async onEvents (events: FrameSystemEventRecord[]): Promise<void> {
    const { api } = this.o
    for (const { event } of events) {
      if (api.events.plans.NewAmendment.is(event)) {
        const { plan, positions, hosters } = event.data
        hosters.forEach((h, j) => { if (h.toString() === this.#me) background(this.o.log, this.#take(plan.toBigInt(), positions[j].toNumber()), 'taking a position') })
      } else if (api.events.challenges.StorageChallenge.is(event) && event.data.hoster.toString() === this.#me) {
        background(this.o.log, this.#answer(event.data.id.toBigInt()), 'answering a challenge')
      } else if (api.events.feeds.FeedUpdated.is(event)) {
        background(this.o.log, this.#follow(event.data.feed.toBigInt(), event.data.length.toNumber()), 'following a feed update')
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

  /** Takes a position: fetches its feed and, if it is still being set up, reports it ready. */
  async #take (plan: bigint, position: number): Promise<void> {
    const { api, log } = this.o
    const planInfo = (await api.query.plans.plans(plan)).unwrapOr(null)
    const pos = (await api.query.plans.positions(plan, position)).unwrapOr(null)
    if (planInfo === null || pos === null || pos.hoster.unwrapOr(null)?.toString() !== this.#me) return
    const feedId = planInfo.feed.toBigInt()
    const feed = (await api.query.feeds.feeds(feedId)).unwrap()
    const holding = await this.#hold(feedId, feed.key.toU8a(), positionId(plan, position))
    const length = feed.root.length.toNumber()
    const ids = { plan: String(plan), position, feed: String(feedId) }
    log.info({ ...ids, length, bytes: feed.root.byteLength.toNumber() }, 'fetching a position')
    await this.#download(holding, length)
    this.o.metrics.bytesHosted.set(this.#bytesHeld())
    if (!pos.state.isSetup || pos.ready.isTrue) return
    const result = await this.o.txq.submit(api.tx.plans.hostingReady(pos.state.asSetup, position), 'hostingReady')
    log.info({ ...ids, ok: result.ok, error: result.error }, 'reported the position ready')
  }

  /** Opens (once) the feed's core and announces it, so that readers and attesters find this hoster. */
  async #hold (feed: bigint, key: Uint8Array, position: string): Promise<Holding> {
    const id = String(feed)
    let holding = this.#holdings.get(id)
    if (holding === undefined) {
      const core = this.o.network.core(key)
      await core.ready()
      holding = { feed, key, core, positions: new Set(), dropTimer: null }
      this.#holdings.set(id, holding)
      core.on('upload', () => this.o.metrics.bytesServed.inc())
      await this.o.network.join(key)
    }
    holding.positions.add(position)
    if (holding.dropTimer !== null) {
      clearTimeout(holding.dropTimer)
      holding.dropTimer = null
    }
    return holding
  }

  /** Downloads blocks [0, length): verified by hypercore against the feed's signed tree; resumes after a restart. */
  async #download (holding: Holding, length: number): Promise<void> {
    const { core } = holding
    await this.o.network.findPeers(core)
    while (core.length < length) await core.update({ wait: true })
    await core.download({ start: 0, end: length }).done()
  }

  async #follow (feed: bigint, length: number): Promise<void> {
    const holding = this.#holdings.get(String(feed))
    if (holding === undefined) return
    this.o.log.info({ feed: String(feed), length }, 'the feed grew: fetching the new blocks')
    await this.#download(holding, length)
    this.o.metrics.bytesHosted.set(this.#bytesHeld())
  }

  /** Answers a storage challenge with one hypercore proof per challenged block, against the challenged root. */
  async #answer (id: bigint): Promise<void> {
    const key = String(id)
    if (this.#answering.has(key)) return
    this.#answering.add(key)
    try {
      await this.#prove(id)
    } finally {
      // Only while it runs: a challenge is named once by an event, and once by resume() at start.
      this.#answering.delete(key)
    }
  }

  async #prove (id: bigint): Promise<void> {
    const { api, log, metrics } = this.o
    const key = String(id)
    const started = process.hrtime.bigint()
    const challenge = (await api.query.challenges.storageChallenges(id)).unwrapOr(null)
    if (challenge === null) return
    const feedId = String((await api.query.plans.plans(challenge.plan)).unwrap().feed.toBigInt())
    // A challenge may come before the position's amendment was seen (e.g. right after a restart).
    if (!this.#holdings.has(feedId)) await this.#take(challenge.plan.toBigInt(), challenge.position.toNumber())
    const holding = this.#holdings.get(feedId)
    const ids = { challenge: key, plan: String(challenge.plan), position: challenge.position.toNumber() }
    if (holding === undefined) {
      log.warn(ids, 'challenged for a feed this hoster does not hold')
      return
    }
    const length = challenge.length.toNumber()
    try {
      await this.#download(holding, length)
      const proofs = await Promise.all(challenge.indexes.map(async (i) => u8aToHex(await makeBlockProof(holding.core, i.toNumber(), length))))
      const result = await this.o.txq.submit(api.tx.challenges.submitStorageProof(id, proofs), 'submitStorageProof')
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

  /** After the grace period, drops the feed's data unless another position still holds it. */
  #letGo (plan: bigint, positions: number[] | null): void {
    for (const holding of this.#holdings.values()) {
      const mine = [...holding.positions].filter((p) => p.startsWith(`${plan}/`) && (positions === null || positions.some((n) => p === positionId(plan, n))))
      if (mine.length === 0) continue
      for (const p of mine) holding.positions.delete(p)
      if (holding.positions.size > 0 || holding.dropTimer !== null) continue
      holding.dropTimer = setTimeout(() => {
        holding.dropTimer = null
        this.#drop(holding).catch((err) => this.o.log.error({ err, feed: String(holding.feed) }, 'could not drop a feed'))
      }, this.o.graceMs)
    }
  }

  async #drop (holding: Holding): Promise<void> {
    const id = String(holding.feed)
    if (holding.positions.size > 0 || this.#holdings.get(id) !== holding) return
    this.#holdings.delete(id)
    await this.o.network.leave(holding.key)
    await holding.core.clear(0, holding.core.length)
    await holding.core.close()
    this.o.metrics.bytesHosted.set(this.#bytesHeld())
    this.o.log.info({ feed: id }, 'dropped a feed no longer hosted')
  }

  #bytesHeld (): number {
    return [...this.#holdings.values()].reduce((n, h) => n + h.core.byteLength, 0)
  }

  /** Signs contact only for an attester of an open check on this hoster, over that attester's own connection. */
  async #signContact (checkId: bigint, attester: Uint8Array, remoteNoiseKey: Uint8Array): Promise<Uint8Array | null> {
    const { api } = this.o
    const check = (await api.query.challenges.performanceChecks(checkId)).unwrapOr(null)
    if (check === null || check.hoster.toString() !== this.#me) return null
    if (!check.attesters.some((a) => u8aEq(a.toU8a(), attester))) return null
    const provider = (await api.query.roles.providers(attester)).unwrapOr(null)
    if (provider === null || !u8aEq(provider.noiseKey.toU8a(), remoteNoiseKey)) return null
    return crypto.sign(contactMessage(checkId, attester), this.o.keys.noise.secretKey)
  }
}

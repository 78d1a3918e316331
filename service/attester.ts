import { randomBytes, randomInt } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { performance } from 'node:perf_hooks'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { background, RunningDuties } from './background.js'
import type { RoleDeps } from './role.js'
import { positionCore } from './position-core.js'

/** Blocks fetched per check. */
const PROBE_SAMPLES = 4
/** How long a hoster may take to connect and to serve one block. */
const PROBE_TIMEOUT_MS = 15_000

export interface AttesterOptions extends RoleDeps {
  /** Where probes keep their short-lived cores. */
  readonly probeDir: string
}

interface Probe { success: boolean, latencyMs: number, throughput: number, reason?: string }

interface Peerish { remotePublicKey: Uint8Array }

/**
 * The attester: checks a hoster the way any reader would see it. It connects to that one hoster by its
 * noise key, fetches random blocks of the feed or slot it holds (hypercore verifies each against the
 * core's signed tree), times them,
 * and reports to the chain: setup checks after a hoster reports ready, and performance checks.
 */
export class AttesterRole {
  readonly #me: string
  readonly #duties = new RunningDuties()
  /** Probes in progress, closed when the service stops so that it does not wait out their timeouts. */
  readonly #probes = new Set<Hypercore>()
  #closed = false

  constructor (private readonly o: AttesterOptions) {
    this.#me = o.keys.account.address
  }

  /** Rebuilds duties from chain storage: open performance checks and setups waiting for this attester. */
  async resume (): Promise<void> {
    const { api } = this.o
    for (const [key] of await api.query.challenges.attesterChecks.entries(this.#me)) background(this.o.log, this.#performance(key.args[1].toBigInt()), 'a performance check')
    for (const [key, amendment] of await api.query.plans.amendments.entries()) {
      const a = amendment.unwrap()
      a.positions.forEach((position, j) => {
        if (a.attesters[j % a.attesters.length].toString() === this.#me) background(this.o.log, this.#setup(key.args[0].toBigInt(), a.plan.toBigInt(), position.toNumber(), false), 'a setup check')
      })
    }
  }

  async onEvents (events: FrameSystemEventRecord[]): Promise<void> {
    const { api } = this.o
    for (const { event } of events) {
      if (api.events.plans.NewAmendment.is(event)) {
        // Connect now to the hosters this attester will check: the connection is up when they report ready.
        const { hosters, attesters, positions } = event.data
        positions.forEach((_, j) => {
          if (attesters[j % attesters.length].toString() === this.#me) background(this.o.log, this.#warmUp(hosters[j].toString()), 'connecting to a hoster')
        })
      } else if (api.events.plans.HostingReady.is(event)) {
        const { amendment, plan, position } = event.data
        background(this.o.log, this.#setup(amendment.toBigInt(), plan.toBigInt(), position.toNumber(), true), 'a setup check')
      } else if (api.events.challenges.PerformanceCheck.is(event) && event.data.attesters.some((a) => a.toString() === this.#me)) {
        background(this.o.log, this.#performance(event.data.id.toBigInt()), 'a performance check')
      }
    }
  }

  /** Ends the probes in progress; their checks report nothing (an interrupted probe says nothing of the hoster). */
  async close (): Promise<void> {
    this.#closed = true
    await Promise.all([...this.#probes].map((core) => core.close()))
  }

  /** Checks a position whose hoster reported ready, if this attester is the one assigned to it. */
  #setup (amendmentId: bigint, plan: bigint, position: number, justReady: boolean): Promise<void> {
    return this.#duties.once(`setup/${amendmentId}/${position}`, () => this.#checkSetup(amendmentId, plan, position, justReady))
  }

  async #checkSetup (amendmentId: bigint, plan: bigint, position: number, justReady: boolean): Promise<void> {
    const { api, log } = this.o
    const amendment = (await api.query.plans.amendments(amendmentId)).unwrapOr(null)
    if (amendment === null) return
    const j = amendment.positions.findIndex((p) => p.toNumber() === position)
    if (j < 0 || amendment.attesters[j % amendment.attesters.length].toString() !== this.#me) return
    const pos = (await api.query.plans.positions(plan, position)).unwrapOr(null)
    if (pos === null || !pos.state.isSetup || (!justReady && !pos.ready.isTrue) || pos.hoster.isNone) return
    const target = await this.#target(plan, position)
    if (target === null) return
    const hoster = pos.hoster.unwrap().toString()
    const probe = await this.#probe(hoster, await this.#noiseKeyOf(hoster), target.key, target.ranges)
    if (probe === null || this.#closed) return
    const result = await this.o.txq.submit(api.tx.plans.reportSetup(amendmentId, position, probe.success), 'reportSetup')
    this.o.metrics.checksReported.inc({ kind: 'setup', success: String(probe.success) })
    log.info({ amendment: String(amendmentId), plan: String(plan), position, ...probe, ok: result.ok, error: result.error }, 'reported a hosting setup')
  }

  #performance (checkId: bigint): Promise<void> {
    return this.#duties.once(`perf/${checkId}`, () => this.#checkPerformance(checkId))
  }

  async #checkPerformance (checkId: bigint): Promise<void> {
    const { api, log } = this.o
    const check = (await api.query.challenges.performanceChecks(checkId)).unwrapOr(null)
    if (check === null) return
    const target = await this.#target(check.plan.toBigInt(), check.position.toNumber())
    if (target === null) return
    const hoster = check.hoster.toString()
    const noiseKey = await this.#noiseKeyOf(hoster)
    const probe = await this.#probe(hoster, noiseKey, target.key, target.ranges)
    if (probe === null || this.#closed) return
    let contact: string | null = null
    if (probe.success && noiseKey !== null) {
      const signature = await this.o.contact.ask(noiseKey, checkId, this.o.keys.account.publicKey)
      if (signature === null) Object.assign(probe, { success: false, reason: 'the hoster gave no proof of contact' })
      else contact = u8aToHex(signature)
    }
    const result = await this.o.txq.submit(api.tx.challenges.submitPerformanceReport(checkId, probe.success, Math.round(probe.latencyMs), Math.round(probe.throughput), contact), 'submitPerformanceReport')
    this.o.metrics.checksReported.inc({ kind: 'performance', success: String(probe.success) })
    log.info({ check: String(checkId), hoster, ...probe, ok: result.ok, error: result.error }, 'reported a performance check')
  }

  /** The core a position holds and the block ranges to sample (the root its hoster must have by now). */
  async #target (plan: bigint, position: number): Promise<{ key: Uint8Array, ranges: Array<[number, number]> } | null> {
    const { api } = this.o
    const info = (await api.query.plans.plans(plan)).unwrapOr(null)
    if (info === null) return null
    if (info.mode.isErasure) {
      const slot = await positionCore(api, plan, position)
      return slot === null || slot === 'encoding' ? null : { key: slot.key, ranges: [[0, slot.length]] }
    }
    const feed = (await api.query.feeds.feeds(info.feed)).unwrap()
    const now = (await api.rpc.chain.getHeader()).number.toNumber()
    // The chain's challengeRoot: the newest root recorded at least followWindow blocks ago, else the oldest held.
    const settled = now - (await api.query.params.current()).followWindow.toNumber()
    const roots = [...feed.history.map((r) => ({ root: r.root, at: r.at.toNumber() })), { root: feed.root, at: feed.updatedAt.toNumber() }]
    const length = ([...roots].reverse().find((r) => r.at <= settled) ?? roots[0]).root.length.toNumber()
    const ranges: Array<[number, number]> = info.ranges.isSome
      ? info.ranges.unwrap().map((r) => [r.start.toNumber(), Math.min(r.end.toNumber(), length)])
      : [[0, length]]
    return { key: feed.key.toU8a(), ranges: ranges.filter(([a, b]) => b > a) }
  }

  async #warmUp (hoster: string): Promise<void> {
    const noiseKey = await this.#noiseKeyOf(hoster)
    if (noiseKey !== null) this.o.network.swarm.joinPeer(noiseKey)
  }

  async #noiseKeyOf (account: string): Promise<Uint8Array | null> {
    return (await this.o.api.query.roles.providers(account)).unwrapOr(null)?.noiseKey.toU8a() ?? null
  }

  /**
   * Fetches random blocks of the feed from this hoster only, as an ordinary reader: success when every block
   * arrives from it, verified, within the timeout; latency is per block, throughput over all of them. Null
   * when this process cannot probe it fairly (it serves that very core itself).
   */
  async #probe (hoster: string, noiseKey: Uint8Array | null, feedKey: Uint8Array, ranges: Array<[number, number]>): Promise<Probe | null> {
    const { network } = this.o
    if (noiseKey === null) return { success: false, latencyMs: 0, throughput: 0, reason: 'the hoster is not registered' }
    // This process's encoder still serves that slot: a probe core beside it could not tell whose blocks arrive.
    if (network.servesOwn(feedKey)) {
      this.o.log.warn({ hoster, core: u8aToHex(feedKey) }, 'not checking a hoster of a slot this process serves itself')
      return null
    }
    // A core of its own, replicated over the one connection to this hoster: the service's corestore would
    // replicate the feed with every connected peer that has it, and the blocks must come from this hoster.
    const dir = join(this.o.probeDir, randomBytes(8).toString('hex'))
    const core = new Hypercore(dir, feedKey)
    this.#probes.add(core)
    await core.ready()
    network.swarm.joinPeer(noiseKey)
    const fromHoster = (peer: Peerish) => u8aEq(peer.remotePublicKey, noiseKey)
    try {
      const connected = await until(() => core.closed || [...network.swarm.connections].some(fromHoster), PROBE_TIMEOUT_MS)
      const conn = [...network.swarm.connections].find(fromHoster)
      if (!connected || conn === undefined) return { success: false, latencyMs: 0, throughput: 0, reason: 'could not connect to the hoster' }
      core.replicate(conn)
      if (!await until(() => core.closed || (core.peers as Peerish[]).some(fromHoster), PROBE_TIMEOUT_MS) || core.closed) {
        return { success: false, latencyMs: 0, throughput: 0, reason: 'the hoster does not serve the feed' }
      }
      await core.update({ wait: true })
      const indexes = pickIndexes(ranges, PROBE_SAMPLES)
      let bytes = 0
      let elapsed = 0
      for (const index of indexes) {
        let source: Peerish | null = null
        const onDownload = (i: number, _bytes: number, from: Peerish) => { if (i === index) source = from }
        core.on('download', onDownload)
        const t0 = performance.now()
        const block = await core.get(index, { timeout: PROBE_TIMEOUT_MS }).catch(() => null)
        elapsed += performance.now() - t0
        core.off('download', onDownload)
        if (block === null) return { success: false, latencyMs: 0, throughput: 0, reason: `block ${index} did not arrive` }
        if (source === null || !fromHoster(source)) return { success: false, latencyMs: 0, throughput: 0, reason: `block ${index} came from another peer` }
        bytes += block.byteLength
      }
      return { success: true, latencyMs: elapsed / indexes.length, throughput: elapsed > 0 ? bytes / (elapsed / 1000) : bytes }
    } finally {
      this.#probes.delete(core)
      network.swarm.leavePeer(noiseKey)
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function pickIndexes (ranges: Array<[number, number]>, samples: number): number[] {
  const total = ranges.reduce((n, [a, b]) => n + b - a, 0)
  const picked = new Set<number>()
  for (let k = 0; k < samples * 4 && picked.size < Math.min(samples, total); k++) {
    let offset = randomInt(total)
    for (const [a, b] of ranges) {
      if (offset < b - a) { picked.add(a + offset); break }
      offset -= b - a
    }
  }
  return [...picked]
}

async function until (cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

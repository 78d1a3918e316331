import { EventEmitter } from 'node:events'
import { createReadStream, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ApiPromise } from '@polkadot/api'
import { u8aToHex, stringToU8a } from '@polkadot/util'
import type Hypercore from 'hypercore'
import type { Logger } from 'pino'
import { background } from './background.js'
import { PlanWatch } from './plan-watch.js'
import type { PositionSetup } from './plan-watch.js'
import type { Network } from './network.js'
import type { TxQueue } from './tx-queue.js'
import { serviceErrors } from './errors.js'
import { makeHeadProof } from '../hypercore/make.js'

/** Hypercore blocks made from files are this large (the last of each file may be smaller). */
export const BLOCK_SIZE = 64 * 1024

export interface PublisherEvents {
  /** The feed is on chain; hosting is being requested now. */
  requesting: [{ feed: bigint }]
  /** A hoster has downloaded `bytes` of the feed's `total`. */
  progress: [{ hoster: string, bytes: number, total: number }]
}

/** How a plan keeps the feed: whole copies on `replicas` hosters, or k+m Reed-Solomon slots on k+m hosters. */
export type HostingMode = { readonly replicas: number } | { readonly erasure: { readonly k: number, readonly m: number } }

interface Published { readonly feedId: bigint, readonly planId: bigint, readonly positions: number }

export function positionsOf (mode: HostingMode): number {
  return 'replicas' in mode ? mode.replicas : mode.erasure.k + mode.erasure.m
}

/**
 * The publisher side: records a hypercore on chain, asks for hosting, and seeds it until every position
 * has started (or longer: it keeps seeding until closed). Emits progress per hoster.
 */
export class Publisher extends EventEmitter<PublisherEvents> {
  readonly #uploaded = new Map<string, number>()
  /** Hosters by their noise key: uploads name the peer, progress names the hoster. */
  readonly #hosterByNoise = new Map<string, string>()
  /** The setup of every plan's positions, from the finalized blocks followed since the first publish. */
  readonly watch: PlanWatch

  constructor (private readonly o: { api: ApiPromise, network: Network, txq: TxQueue, log: Logger }) {
    super()
    this.watch = new PlanWatch(o.api, o.log)
    this.watch.on('change', (_plan, setup) => this.#onSetup(setup))
  }

  /**
   * Publishes the core (or records it again if it is known) and requests hosting in the given mode: of every
   * block, or only of `ranges` (block indexes [start, end), ordered, within the feed).
   */
  async publish (core: Hypercore, mode: HostingMode, opts: { ranges?: ReadonlyArray<readonly [number, number]> } = {}): Promise<Published> {
    const { api, network, txq, log } = this.o
    await core.ready()
    await network.join(core.key, { server: true, client: false })
    this.#track(core)
    let feedId = (await api.query.feeds.feedByKey(u8aToHex(core.key))).unwrapOr(null)?.toBigInt() ?? null
    if (feedId === null) {
      const manifest = u8aToHex((await core.getManifest({ raw: true })) ?? new Uint8Array())
      const result = await txq.submit(api.tx.feeds.publishFeed(u8aToHex(core.key), manifest, u8aToHex(await makeHeadProof(core))), 'publishFeed')
      if (!result.ok) throw serviceErrors.publishRefused('publishFeed', result.error ?? 'unknown')
      feedId = (await api.query.feeds.feedByKey(u8aToHex(core.key))).unwrap().toBigInt()
    }
    // Following blocks first: the providers are drawn at the end of the very block that takes the request.
    await this.watch.start()
    this.emit('requesting', { feed: feedId })
    const chainMode = 'replicas' in mode ? { Replicate: { replicas: mode.replicas } } : { Erasure: mode.erasure }
    // The ranges' struct has no name in the metadata: encoded by the call's own argument type.
    const ranges = api.createType(api.tx.plans.requestHosting.meta.args[2].type.toString(), opts.ranges?.map(([start, end]) => ({ start, end })) ?? null).toU8a()
    const request = await txq.submit(api.tx.plans.requestHosting(feedId, chainMode, ranges), 'requestHosting')
    const requested = request.events.map((e) => e.event).find((e) => api.events.plans.HostingRequested.is(e))
    if (!request.ok || requested === undefined || !api.events.plans.HostingRequested.is(requested)) throw serviceErrors.publishRefused('requestHosting', request.error ?? 'unknown')
    const planId = requested.data.plan.toBigInt()
    log.info({ feed: String(feedId), plan: String(planId), length: core.length, bytes: core.byteLength }, 'published; waiting for hosters')
    return { feedId, planId, positions: positionsOf(mode) }
  }

  /**
   * Records the core's newer signed head, so that hosters fetch what was appended. Anyone may submit a head
   * (hosters do, as they replicate it): one that is on chain already, or a newer one, is no failure.
   */
  async update (core: Hypercore, feedId: bigint): Promise<void> {
    const { api, txq } = this.o
    const length = core.length
    const result = await txq.submit(api.tx.feeds.updateFeed(feedId, u8aToHex(await makeHeadProof(core))), 'updateFeed')
    if (result.ok) return
    const onChain = (await api.query.feeds.feeds(feedId)).unwrapOr(null)?.root.length.toNumber() ?? 0
    if (result.error?.endsWith('.StaleRoot') === true && onChain >= length) return
    throw serviceErrors.publishRefused('updateFeed', result.error ?? 'unknown')
  }

  /** Resolves when every position of the plan has started hosting. */
  hosted (planId: bigint, positions: number): Promise<void> {
    return this.watch.until(planId, positions, 'started')
  }

  close (): void {
    this.watch.stop()
  }

  /** Counts uploaded bytes per peer, reported per hoster once hosters are known. */
  #track (core: Hypercore): void {
    core.on('upload', (_index: number, bytes: number, peer: { remotePublicKey: Uint8Array }) => {
      const hoster = this.#hosterByNoise.get(u8aToHex(peer.remotePublicKey))
      if (hoster === undefined) return
      const total = (this.#uploaded.get(hoster) ?? 0) + bytes
      this.#uploaded.set(hoster, total)
      this.emit('progress', { hoster, bytes: total, total: core.byteLength })
    })
  }

  /** Remembers the noise keys of hosters not seen before, so that uploads to them are counted as theirs. */
  async #learnNoiseKeys (hosters: string[]): Promise<void> {
    for (const hoster of hosters) {
      if ([...this.#hosterByNoise.values()].includes(hoster)) continue
      const noise = (await this.o.api.query.roles.providers(hoster)).unwrapOr(null)?.noiseKey.toHex()
      if (noise !== undefined) this.#hosterByNoise.set(noise, hoster)
    }
  }

  /** A hoster assigned to a position: its uploads count as its progress once its noise key is known. */
  #onSetup (setup: PositionSetup): void {
    if (setup.phase === 'assigned') background(this.o.log, this.#learnNoiseKeys([setup.hoster]), 'looking up a hoster\'s noise key')
  }
}

/**
 * Appends a file, or every file of a directory, to a core in blocks of 64 KiB. A directory's feed starts
 * with one block of JSON listing the files (path and size, in order), so a reader can split it again.
 */
export async function appendPath (core: Hypercore, path: string): Promise<void> {
  let stat
  try { stat = statSync(path) } catch { throw serviceErrors.notFound(path) }
  const files = stat.isDirectory() ? listFiles(path) : [path]
  if (stat.isDirectory()) {
    const index = files.map((f) => ({ path: relative(path, f), size: statSync(f).size }))
    await core.append(stringToU8a(JSON.stringify({ files: index })))
  }
  for (const file of files) {
    const batch: Uint8Array[] = []
    for await (const chunk of createReadStream(file, { highWaterMark: BLOCK_SIZE })) {
      batch.push(chunk as Buffer)
      if (batch.length === 64) await core.append(batch.splice(0))
    }
    if (batch.length > 0) await core.append(batch)
  }
}

function listFiles (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [])
}

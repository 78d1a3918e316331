import { join } from 'node:path'
import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { pino } from 'pino'
import type { Logger } from 'pino'
import { connectChain, followFinalized } from './chain.js'
import type { ServiceKeys } from './keys.js'
import { Network } from './network.js'
import { ReceiptProtocol } from './receipt.js'
import { TxQueue } from './tx-queue.js'
import { Metrics } from './metrics.js'
import { HosterRole } from './hoster.js'
import { HeldCores } from './held-cores.js'
import { AttesterRole } from './attester.js'
import { EncoderRole } from './encoder.js'
import { AuditResponder } from './audit-responder.js'
import { serviceErrors } from './errors.js'

export type RoleName = 'hoster' | 'encoder' | 'attester'

export interface ServiceOptions {
  /** The account and noise keys (from the vault, or `keysFromUri` for dev accounts). */
  readonly keys: ServiceKeys
  readonly roles: readonly RoleName[]
  /** Bytes offered for hosting (hoster role). */
  readonly capacity: bigint
  /** Directory of the corestore. */
  readonly storage: string
  /** WebSocket endpoint of the chain node. */
  readonly chain: string
  /** DHT bootstrap nodes, `host:port`. */
  readonly bootstrap: string[]
  /** Peers reach this host directly (no NAT): see NetworkOptions. */
  readonly reachable?: boolean
  /** Serve Prometheus metrics on this port (0: any free port); none if omitted. */
  readonly metricsPort?: number
  /** How long data stays after a position is lost or its plan ends; default 10 minutes. */
  readonly graceMs?: number
  readonly log?: Logger
}

/**
 * One datdot service process: keys, one chain connection, one corestore, one hyperswarm, and the roles it
 * was started with. It registers its roles if needed, rebuilds its duties from chain state, then follows
 * finalized blocks.
 */
export class DatdotService {
  readonly #stops: Array<() => Promise<void> | void> = []

  private constructor (
    readonly keys: ServiceKeys,
    readonly api: ApiPromise,
    readonly network: Network,
    readonly metrics: Metrics,
    readonly log: Logger,
    readonly metricsPort: number | null
  ) {}

  get address (): string { return this.keys.account.address }

  static async start (opts: ServiceOptions): Promise<DatdotService> {
    const base = opts.log ?? pino({ level: 'info' })
    const { keys } = opts
    const log = base.child({ account: keys.account.address, roles: opts.roles.join(',') })
    const api = await connectChain(opts.chain).catch((err: Error) => { throw serviceErrors.chainUnreachable(opts.chain, err) })
    let network: Network | null = null
    let service: DatdotService | null = null
    try {
      network = new Network({ storage: opts.storage, noise: keys.noise, bootstrap: opts.bootstrap, reachable: opts.reachable, log })
      await network.ready()
      const metrics = new Metrics()
      const served = opts.metricsPort === undefined ? null : await metrics.serve(opts.metricsPort)
      service = new DatdotService(keys, api, network, metrics, log, served?.port ?? null)
      const opened = network
      service.#stops.push(async () => { await served?.close() }, () => opened.close(), () => api.disconnect())
      await service.#run(opts)
      return service
    } catch (err) {
      // Whatever was opened is closed again, so that a service that cannot start exits instead of lingering.
      if (service !== null) await service.stop()
      else await Promise.allSettled([network?.close(), api.disconnect()])
      throw err
    }
  }

  /** Registers the roles, rebuilds their duties from chain state and follows finalized blocks. */
  async #run (opts: ServiceOptions): Promise<void> {
    const { api, keys, network, metrics, log } = this
    const receipts = new ReceiptProtocol()
    network.onConnection((conn) => {
      receipts.attach(conn)
      metrics.peers.set(network.swarm.connections.size)
      conn.once('close', () => metrics.peers.set(network.swarm.connections.size))
    })
    const txq = new TxQueue(api, keys.account, { logger: log })
    this.#stops.unshift(() => txq.close())
    await this.#register(txq, opts)

    const common = { api, keys, network, receipts, txq, metrics }
    const graceMs = opts.graceMs ?? 10 * 60_000
    const hoster = opts.roles.includes('hoster') ? new HosterRole({ ...common, log: log.child({ role: 'hoster' }), graceMs, capacity: opts.capacity, heldCores: HeldCores.open(join(opts.storage, 'held-cores.json')) }) : null
    const encoder = opts.roles.includes('encoder') ? new EncoderRole({ ...common, log: log.child({ role: 'encoder' }), graceMs, slotDir: join(opts.storage, 'slots') }) : null
    const audits = hoster === null ? null : new AuditResponder({ ...common, log: log.child({ role: 'hoster' }) })
    const attester = opts.roles.includes('attester') ? new AttesterRole({ ...common, log: log.child({ role: 'attester' }), probeDir: join(opts.storage, 'probes') }) : null
    for (const role of [hoster, audits, encoder, attester]) if (role !== null) this.#stops.unshift(() => role.close())
    const unfollow = await followFinalized(api, async (events) => {
      await Promise.all([hoster?.onEvents(events), audits?.onEvents(events), encoder?.onEvents(events), attester?.onEvents(events)])
    }, log)
    this.#stops.unshift(unfollow)
    await Promise.all([hoster?.resume(), audits?.resume(), encoder?.resume(), attester?.resume()])
    log.info({ noiseKey: u8aToHex(keys.noise.publicKey), metrics: this.metricsPort }, 'service started')
  }

  async stop (): Promise<void> {
    for (const stop of this.#stops.splice(0)) await Promise.resolve(stop()).catch((err) => this.log.warn({ err }, 'while stopping'))
    this.log.info('service stopped')
  }

  /** Registering costs fees: an account without the ratio for them is told how to get it, rather than refused by the pool. */
  async #checkRatio (calls: Array<SubmittableExtrinsic<'promise'>>): Promise<void> {
    const address = this.keys.account.address
    let fees = 0n
    for (const call of calls) fees += (await call.paymentInfo(address)).partialFee.toBigInt()
    const held = (await this.api.query.system.account(address)).data.free.toBigInt()
    if (held < fees) throw serviceErrors.noRatio(address, held, fees)
  }

  /** Registers each role the account does not have yet (and the hoster's capacity if it changed). */
  async #register (txq: TxQueue, opts: ServiceOptions): Promise<void> {
    const { api, keys, log } = this
    const noiseKey = u8aToHex(keys.noise.publicKey)
    const current = (await api.query.roles.providers(keys.account.address)).unwrapOr(null)
    if (current !== null && !u8aEq(current.noiseKey.toU8a(), keys.noise.publicKey)) throw serviceErrors.noiseKeyMismatch(keys.account.address)
    const calls = []
    if (opts.roles.includes('hoster') && (current === null || !current.hoster.isTrue || current.capacity.toBigInt() !== opts.capacity)) {
      calls.push(api.tx.roles.registerHoster(noiseKey, opts.capacity))
    }
    if (opts.roles.includes('encoder') && (current === null || !current.encoder.isTrue)) calls.push(api.tx.roles.registerEncoder(noiseKey))
    if (opts.roles.includes('attester') && (current === null || !current.attester.isTrue)) calls.push(api.tx.roles.registerAttester(noiseKey))
    await this.#checkRatio(calls)
    for (const call of calls) {
      const result = await txq.submit(call, 'register')
      if (!result.ok) throw serviceErrors.registrationRefused(result.error ?? 'unknown')
      log.info({ call: call.method.method }, 'registered')
    }
  }
}

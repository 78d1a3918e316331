import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Corestore from 'corestore'
import { blocksOf } from './position-core.js'
import type { Ranges } from './position-core.js'
import Hyperswarm from 'hyperswarm'
import DHT from 'hyperdht'
import type { DhtSocket } from 'hyperdht'
import type { SwarmConnection } from 'hyperswarm'
import type Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { u8aToHex } from '@polkadot/util'
import type { Logger } from 'pino'

export interface NetworkOptions {
  readonly storage: string
  readonly noise: { publicKey: Uint8Array, secretKey: Uint8Array }
  /** DHT bootstrap nodes, `host:port`; a local testnet or a `datdot dht` node. */
  readonly bootstrap: string[]
  /**
   * Peers reach this host directly, with no NAT between (a LAN, a docker network): the DHT node then says it
   * is not firewalled, and peers connect without holepunching. Default: only when the bootstrap is on loopback.
   */
  readonly reachable?: boolean
  readonly log: Logger
}

/**
 * One corestore on disk and one hyperswarm for all roles: every connection replicates the store, and
 * topics (feed discovery keys) are joined by reference count, so two duties on one feed share it.
 */
export class Network {
  readonly store: Corestore
  readonly swarm: Hyperswarm
  readonly #topics = new Map<string, number>()
  /** Cores kept outside the corestore and replicated on every connection, by discovery key. */
  readonly #ownCores = new Map<string, Hypercore>()
  readonly #onConnection: Array<(conn: SwarmConnection) => void> = []
  readonly #log: Logger
  readonly #dht: DHT

  constructor (opts: NetworkOptions) {
    mkdirSync(opts.storage, { recursive: true })
    this.store = new Corestore(join(opts.storage, 'cores'))
    // On a loopback network (a devnet, a test) no NAT stands between peers: a DHT node that thinks itself
    // firewalled loses about half of its connections there (STACK.md).
    const local = opts.bootstrap.length > 0 && opts.bootstrap.every((b) => /^(127\.|localhost:)/.test(b))
    this.#dht = new DHT({
      bootstrap: opts.bootstrap,
      ...(local ? { host: '127.0.0.1' } : {}),
      ...(opts.reachable ?? local ? { firewalled: false } : {})
    })
    this.swarm = new Hyperswarm({ keyPair: opts.noise, dht: this.#dht })
    this.#log = opts.log
    this.swarm.on('connection', (conn: SwarmConnection) => {
      conn.on('error', (err: Error) => this.#log.debug({ err: err.message, peer: u8aToHex(conn.remotePublicKey) }, 'connection error'))
      this.store.replicate(conn)
      for (const core of this.#ownCores.values()) core.replicate(conn)
      for (const handler of this.#onConnection) handler(conn)
    })
  }

  async ready (): Promise<void> {
    await this.store.ready()
    await this.swarm.listen()
  }

  /** Runs `handler` on every connection, present and future (e.g. to open a protocol channel). */
  onConnection (handler: (conn: SwarmConnection) => void): void {
    this.#onConnection.push(handler)
    for (const conn of this.swarm.connections) handler(conn)
  }

  /**
   * Connects to the peer with this noise key, authenticating with `keyPair` instead of this service's
   * key: an attester's probe uses a fresh pair per check, so the peer cannot tell it from any reader.
   */
  dial (remotePublicKey: Uint8Array, keyPair: { publicKey: Uint8Array, secretKey: Uint8Array }): DhtSocket {
    return this.#dht.connect(remotePublicKey, { keyPair })
  }

  /** A session on a feed, read-only unless it is ours. */
  core (key: Uint8Array): Hypercore {
    return this.store.get({ key })
  }

  /**
   * Serves a core that is not in the corestore (an encoder's slot) on every connection, present and future,
   * and announces it. The corestore must not hold the same core: two would answer for one discovery key.
   */
  async serveOwn (core: Hypercore): Promise<void> {
    const id = u8aToHex(core.discoveryKey)
    if (this.#ownCores.has(id)) return
    this.#ownCores.set(id, core)
    for (const conn of this.swarm.connections) core.replicate(conn)
    await this.join(core.key)
  }

  async stopServingOwn (core: Hypercore): Promise<void> {
    if (!this.#ownCores.delete(u8aToHex(core.discoveryKey))) return
    await this.leave(core.key)
  }

  /** Whether this process serves the core from outside its corestore (see serveOwn). */
  servesOwn (key: Uint8Array): boolean {
    return this.#ownCores.has(u8aToHex(crypto.discoveryKey(key)))
  }

  /** Announces and looks up a feed's discovery key; resolves once the DHT has been queried. */
  async join (key: Uint8Array, opts: { server?: boolean, client?: boolean } = {}): Promise<void> {
    const topic = crypto.discoveryKey(key)
    const id = u8aToHex(topic)
    const count = this.#topics.get(id) ?? 0
    this.#topics.set(id, count + 1)
    if (count === 0) await this.swarm.join(topic, { server: true, client: true, ...opts }).flushed()
  }

  async leave (key: Uint8Array): Promise<void> {
    const topic = crypto.discoveryKey(key)
    const id = u8aToHex(topic)
    const count = (this.#topics.get(id) ?? 0) - 1
    if (count > 0) {
      this.#topics.set(id, count)
      return
    }
    this.#topics.delete(id)
    await this.swarm.leave(topic)
  }

  /**
   * Makes `core.update({ wait: true })` and downloads wait for peers: without it, a core with no known peer
   * answers at once (STACK.md).
   */
  async #findPeers (core: Hypercore): Promise<void> {
    const done = core.findingPeers()
    // A peer with the blocks may have come online since the topic was last looked up, and hyperswarm looks
    // again only every 10 minutes: a publisher back to append would not be found before then.
    await this.swarm.status(core.discoveryKey)?.refresh().catch(() => {})
    // Not awaited: a flush also waits for connection attempts to peers still announced but gone (a killed
    // hoster), which take seconds to time out; the download starts with the first peer that connects.
    this.swarm.flush().then(done, done)
  }

  /**
   * Downloads blocks [0, length) of a core from its peers, or only those of `ranges` below `length`, each
   * verified by hypercore; resumes what is already on disk. Waits for a peer that has them for as long as it
   * takes (or until the core closes): with no peer, `update({ wait: true })` answers at once, and looping on
   * it would spin.
   */
  async download (core: Hypercore, length: number, ranges: Ranges | null = null): Promise<void> {
    await this.#findPeers(core)
    while (core.length < length) {
      if (core.closed) throw new Error('the core was closed before it was fetched')
      if (core.peers.length > 0 && await core.update({ wait: true })) continue
      await nextPeerOrAppend(core)
    }
    await Promise.all(blocksOf(length, ranges).map(([start, end]) => core.download({ start, end }).done()))
  }

  async close (): Promise<void> {
    await this.swarm.destroy()
    await this.#dht.destroy()
    await this.store.close()
  }
}

/** Resolves when the core gains a peer or blocks, or closes; at the latest after 200 ms, to look again. */
function nextPeerOrAppend (core: Hypercore): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      for (const event of EVENTS) core.off(event, done)
      resolve()
    }
    const timer = setTimeout(done, 200)
    for (const event of EVENTS) core.once(event, done)
  })
}

const EVENTS = ['peer-add', 'append', 'close'] as const

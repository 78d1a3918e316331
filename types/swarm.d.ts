// Types for the parts of corestore 7, hyperswarm 4, hyperdht 6, protomux and hypercore-crypto that datdot
// uses (the packages ship none).
declare module 'corestore' {
  import type Hypercore from 'hypercore'
  import type { HypercoreOptions } from 'hypercore'
  export default class Corestore {
    constructor (storage: string, opts?: { primaryKey?: Uint8Array, writable?: boolean })
    ready (): Promise<void>
    close (): Promise<void>
    get (opts: Uint8Array | (HypercoreOptions & { name?: string, key?: Uint8Array })): Hypercore
    replicate (stream: unknown): unknown
  }
}

declare module 'hyperswarm' {
  import type { EventEmitter } from 'node:events'
  import type { Duplex } from 'node:stream'

  export interface KeyPair { publicKey: Uint8Array, secretKey: Uint8Array }
  export interface SwarmConnection extends Duplex { readonly remotePublicKey: Uint8Array, readonly publicKey: Uint8Array }
  export interface PeerInfo { readonly publicKey: Uint8Array, ban (status?: boolean): void }
  export interface PeerDiscovery { flushed (): Promise<void>, refresh (): Promise<boolean | undefined>, destroy (): Promise<void> }

  export default class Hyperswarm extends EventEmitter {
    constructor (opts?: { keyPair?: KeyPair, bootstrap?: Array<string | { host: string, port: number }>, firewall?: (remotePublicKey: Uint8Array) => boolean, dht?: unknown })
    readonly keyPair: KeyPair
    readonly connections: Set<SwarmConnection>
    readonly peers: Map<string, PeerInfo>
    join (topic: Uint8Array, opts?: { server?: boolean, client?: boolean }): PeerDiscovery
    leave (topic: Uint8Array): Promise<void>
    /** The discovery of a joined topic, or null. */
    status (topic: Uint8Array): PeerDiscovery | null
    joinPeer (publicKey: Uint8Array): void
    leavePeer (publicKey: Uint8Array): void
    flush (): Promise<void>
    listen (): Promise<void>
    destroy (): Promise<void>
    on (event: 'connection', listener: (socket: SwarmConnection, info: PeerInfo) => void): this
    on (event: string, listener: (...args: any[]) => void): this
  }
}

declare module 'hyperdht/testnet.js' {
  export interface Testnet {
    readonly bootstrap: Array<{ host: string, port: number }>
    readonly nodes: unknown[]
    destroy (): Promise<void>
  }
  export default function createTestnet (size?: number, opts?: { host?: string, port?: number, teardown?: unknown }): Promise<Testnet>
}

declare module 'hyperdht' {
  import type { Duplex } from 'node:stream'
  export default class DHT {
    constructor (opts?: { bootstrap?: Array<string | { host: string, port: number }>, port?: number, host?: string, firewalled?: boolean, ephemeral?: boolean })
    static bootstrapper (port: number, host: string, opts?: object): DHT
    ready (): Promise<void>
    /** Resolves once the node has walked the DHT from its bootstrap nodes. */
    fullyBootstrapped (): Promise<void>
    /** The nodes in its routing table. */
    toArray (): Array<{ host: string, port: number }>
    destroy (): Promise<void>
    address (): { host: string, port: number }
    /** Connects to the peer with this noise key, authenticating as `keyPair` (a fresh one hides who dials). */
    connect (remotePublicKey: Uint8Array, opts?: { keyPair?: { publicKey: Uint8Array, secretKey: Uint8Array } }): DhtSocket
  }
  /** A noise stream to a peer (NoiseSecretStream); `rawStream` is the UDX stream under it. */
  export interface DhtSocket extends Duplex {
    readonly remotePublicKey: Uint8Array
    readonly publicKey: Uint8Array
    readonly opened: Promise<boolean>
    readonly rawStream: { readonly remoteHost?: string } | null
  }
}

declare module 'protomux' {
  export interface Message<T> { send (m: T): boolean }
  export interface Channel { open (handshake?: unknown): void, close (): void, readonly opened: boolean, messages: Array<Message<any>> }
  export default class Protomux {
    static from (stream: unknown): Protomux
    createChannel (opts: {
      protocol: string
      id?: Uint8Array | null
      unique?: boolean
      messages: Array<{ encoding: unknown, onmessage (m: any): void }>
      onopen? (): void
      onclose? (): void
    }): Channel | null
    pair (opts: { protocol: string, id?: Uint8Array | null }, notify: (id: Uint8Array | null) => void): void
  }
}

declare module 'compact-encoding' {
  const c: {
    fixed32: unknown
    fixed64: unknown
    uint64: unknown
    raw: unknown
    struct?: unknown
  }
  export default c
}

declare module 'hypercore-crypto' {
  export function keyPair (seed?: Uint8Array): { publicKey: Uint8Array, secretKey: Uint8Array }
  export function sign (message: Uint8Array, secretKey: Uint8Array): Uint8Array
  export function verify (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean
  export function discoveryKey (publicKey: Uint8Array): Uint8Array
  /** A block's leaf hash in hypercore's merkle tree. */
  export function data (block: Uint8Array): Uint8Array
}

// Types for the parts of hypercore 11 that datdot uses (the package ships none).
declare module 'hypercore' {
  import type { EventEmitter } from 'node:events'

  export interface TreeNode { index: number, size: number, hash: Uint8Array }

  /** hypercore's wire `Data` message: the proof format it replicates with. */
  export interface DataMessage {
    request: number
    fork: number
    block: { index: number, value: Uint8Array | null, nodes: TreeNode[] } | null
    hash: { index: number, nodes: TreeNode[] } | null
    seek: unknown
    upgrade: { start: number, length: number, nodes: TreeNode[], additionalNodes: TreeNode[], signature: Uint8Array | null } | null
    manifest: unknown
  }

  export interface HypercoreOptions {
    keyPair?: { publicKey: Uint8Array, secretKey: Uint8Array }
    manifest?: object
    key?: Uint8Array
    valueEncoding?: 'binary' | 'utf-8' | 'json'
    compat?: boolean
    writable?: boolean
  }

  export interface DownloadRange { start?: number, end?: number, blocks?: number[], linear?: boolean }

  export default class Hypercore extends EventEmitter {
    /** The key of the core a manifest describes: the hash of the manifest. */
    static key (manifest: object): Uint8Array
    constructor (storage: string, key?: Uint8Array | null, opts?: HypercoreOptions)
    constructor (storage: string, opts?: HypercoreOptions)
    readonly key: Uint8Array
    readonly discoveryKey: Uint8Array
    readonly length: number
    readonly contiguousLength: number
    readonly byteLength: number
    readonly fork: number
    readonly writable: boolean
    readonly readable: boolean
    readonly closed: boolean
    /** Set once close() was called (the close in progress). */
    readonly closing: Promise<void> | null
    readonly manifest: unknown
    readonly peers: unknown[]
    ready (): Promise<void>
    close (): Promise<void>
    append (block: Uint8Array | Uint8Array[]): Promise<{ length: number, byteLength: number }>
    get (index: number, opts?: { wait?: boolean, timeout?: number }): Promise<Uint8Array | null>
    has (start: number, end?: number): Promise<boolean>
    update (opts?: { wait?: boolean }): Promise<boolean>
    download (range?: DownloadRange): { done (): Promise<void>, destroy (): void }
    clear (start: number, end?: number): Promise<void>
    treeHash (length?: number): Promise<Uint8Array>
    getManifest (opts?: { raw?: boolean }): Promise<Uint8Array | null>
    proof (opts: { block?: { index: number, nodes: number }, hash?: { index: number, nodes: number }, upgrade: { start: number, length: number } }): Promise<DataMessage>
    replicate (isInitiatorOrStream: boolean | unknown, opts?: object): unknown
    findingPeers (): () => void
    info (opts?: object): Promise<{ byteLength: number, length: number, contiguousLength: number }>
    /** The session's state: what `core.copyPrologue` copies from. */
    readonly state: unknown
    /** The core under the session; `copyPrologue(source.state)` fills a prologue core from a local core with that tree. */
    readonly core: { copyPrologue (source: unknown): Promise<void> }
  }
}

import type { TypeRegistry } from '@polkadot/types'
import type { ChainSpec } from '../spec/types.js'
import type { CallInfo } from '../frame/weight.js'
import type { InclusionFee } from '../pallets/transaction-payment.js'

/** What an extrinsic weighs and costs (TransactionPaymentApi): `fee` is null for a free call. */
export interface FeeInfo { readonly info: CallInfo, readonly fee: InclusionFee | null }

/** A block as stored: its SCALE header and its extrinsics. */
export interface StoredBlock {
  readonly number: number
  /** blake2_256 of the SCALE-encoded header. */
  readonly hash: Uint8Array
  /** SCALE-encoded `sp_runtime::generic::Header` (parentHash, Compact number, stateRoot, extrinsicsRoot, digest). */
  readonly header: Uint8Array
  /** SCALE-encoded extrinsics, in block order; null once the body was pruned (--blocks-pruning). */
  readonly extrinsics: readonly Uint8Array[] | null
}

/** A block with its body (every block as it is committed, and those whose body is kept). */
export interface WholeBlock extends StoredBlock {
  readonly extrinsics: readonly Uint8Array[]
}

/** Substrate's transaction status, as `author_extrinsicUpdate` notifications carry it. */
export type TxStatus =
  | 'future' | 'ready' | 'dropped' | 'invalid'
  | { inBlock: string } | { finalized: string } | { usurped: string } | { retracted: string }

export interface RuntimeVersionJson {
  specName: string
  implName: string
  authoringVersion: number
  specVersion: number
  implVersion: number
  /** [blake2_64 of the API name as hex, version] */
  apis: Array<[string, number]>
  transactionVersion: number
  stateVersion: number
}

/** How blocks are produced. */
export type Sealing = { mode: 'interval', ms: number } | { mode: 'instant' } | { mode: 'manual' }

/** A transaction refused at submission: JSON-RPC error 1010 to 1016, Substrate's author_* codes. */
export interface SubmitError extends Error {
  readonly rpcCode: number
  /** Stable reason, e.g. "BadProof", "Stale", "AncientBirthBlock", "BadFormat", "AlreadyImported", "ImmediatelyDropped". */
  readonly code: string
}

/**
 * The chain node as the RPC layer sees it. It knows nothing of sockets; RPC handlers translate JSON-RPC
 * calls into these methods and the events below into subscription notifications.
 */
export interface ChainNode {
  readonly spec: ChainSpec
  /** The registry built from this runtime's metadata (for encoding headers, events, payloads). */
  readonly registry: TypeRegistry
  readonly metadataHex: string
  readonly runtimeVersion: RuntimeVersionJson
  readonly genesisHash: Uint8Array
  /** True with --dev: enables dev_* RPC methods. */
  readonly dev: boolean

  best (): StoredBlock
  /** Instant finality: the finalized block is the best block. */
  finalized (): StoredBlock
  blockByNumber (n: number): StoredBlock | null
  blockByHash (hash: Uint8Array): StoredBlock | null

  /** The oldest block whose state can be read (--state-pruning). */
  oldestState (): number
  /** Storage value at a block (the best block if `at` is omitted); null if the key is absent. */
  storage (key: string, at?: Uint8Array): Uint8Array | null
  /** Keys starting with `prefix`, strictly after `startKey`, in order, at most `count`, at a block. */
  keysPaged (prefix: string, count: number, startKey?: string, at?: Uint8Array): string[]

  /** Next nonce of an account (32-byte public key), counting its transactions waiting in the pool. */
  accountNextIndex (who: Uint8Array): number
  /** Validates and queues an extrinsic; rejects with a SubmitError if it is refused. Resolves with its hash. */
  submit (extrinsic: Uint8Array): Promise<Uint8Array>
  /** The weight and fee of an extrinsic of `length` bytes, signed or not (its signature is not checked). */
  feeInfo (extrinsic: Uint8Array, length: number): FeeInfo
  /** Extrinsics waiting in the pool. */
  pending (): Uint8Array[]
  /** Produces `count` blocks now (dev_newBlock), resolving with the last block's hash. */
  newBlocks (count: number): Promise<Uint8Array>

  /** A block was imported (and, with instant finality, finalized); `changed` are the storage keys it wrote. */
  on (event: 'block', listener: (block: StoredBlock, changed: ReadonlySet<string>) => void): void
  /** The status of a submitted extrinsic (by hash) changed. */
  on (event: 'tx', listener: (hash: Uint8Array, status: TxStatus) => void): void
  off (event: 'block' | 'tx', listener: (...args: any[]) => void): void

  close (): Promise<void>
}

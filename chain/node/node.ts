import { EventEmitter } from 'node:events'
import type { TypeRegistry } from '@polkadot/types'
import { stringToU8a, u8aEq, u8aToHex, u8aToU8a } from '@polkadot/util'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { ChainNode, WholeBlock, RuntimeVersionJson, Sealing, StoredBlock, TxStatus } from './types.js'
import type { ChainSpec } from '../spec/types.js'
import { ChainStore } from '../db/store.js'
import type { Pruning } from '../db/pruning.js'
import { EMPTY_ROOT, StateTrie } from '../state/trie.js'
import { Overlay } from '../state/overlay.js'
import { Runtime } from '../runtime/runtime.js'
import { PALLETS } from '../runtime/pallets.js'
import { RUNTIME_VERSION } from '../runtime/version.js'
import { TxPool, DEFAULT_POOL_LIMITS } from '../pool/pool.js'
import type { PoolLimits } from '../pool/pool.js'
import { checkExtrinsic } from '../extrinsic/check.js'
import { callOf, death as eraDeath } from '../extrinsic/envelope.js'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import { invalid } from '../extrinsic/invalid.js'
import { DispatchFailure } from '../frame/dispatch-error.js'
import { EXTRINSIC_BASE_WEIGHT } from '../frame/weight.js'
import { inclusionFee, totalFee } from '../pallets/transaction-payment.js'
import type { FeeInfo } from './types.js'
import type { AccountInfoValue } from '../metadata/substrate-types.js'
import { VerifyPool } from '../extrinsic/verify-pool.js'
import { BLOCK_HASH_COUNT, System } from '../pallets/system.js'
import { now as timestampNow } from '../pallets/timestamp.js'
import { authority as authorityStorage, seed as randomnessSeed } from '../pallets/randomness.js'
import { authorityKey } from './authority-key.js'
import { encodePreDigest, randomnessMessage } from '../block/pre-digest.js'
import { decodeHeader, encodeHeader, extrinsicsRoot } from '../block/header.js'
import { chainErrors } from './errors.js'
import { MAX_BLOCK_BYTES, MAX_BLOCK_WEIGHT, normalWeightShare } from '../block/limits.js'

export interface NodeOptions {
  readonly spec: ChainSpec
  /** Directory of the chain's database; null for a throw-away chain in memory. */
  readonly basePath: string | null
  readonly sealing: Sealing
  readonly dev: boolean
  readonly poolLimits?: PoolLimits
  /** Most extrinsics in one block. */
  readonly maxBlockExtrinsics?: number
  /** How much of the past is kept; everything by default. */
  readonly pruning?: Pruning
  /** `--authority-key FILE`; by default the node's own key in its base path (see authority-key.ts). */
  readonly authorityKeyFile?: string
  readonly log?: { info (obj: object, msg: string): void, warn (msg: string): void, error (obj: object, msg: string): void }
}

const META_SPEC_ID = 'chainSpecId'
/**
 * Blocks an immortal transaction may wait in the pool (Substrate's TransactionLongevity): one whose earlier
 * nonce never comes is dropped then, and may be sent again.
 */
const IMMORTAL_LONGEVITY = BLOCK_HASH_COUNT

/**
 * The dev chain node: one authority, instant finality. It executes blocks with the runtime over the
 * committed state, commits each block with its state changes atomically, and announces blocks and
 * transaction statuses as events (the RPC layer turns them into notifications).
 */
export class DevNode extends EventEmitter implements ChainNode {
  readonly registry: TypeRegistry
  readonly metadataHex: string
  readonly runtimeVersion: RuntimeVersionJson = RUNTIME_VERSION
  readonly genesisHash: Uint8Array
  readonly #runtime: Runtime
  readonly #store: ChainStore
  readonly #trie: StateTrie
  readonly #pool: TxPool
  readonly #author: KeyringPair
  readonly #maxBlockExtrinsics: number
  /** Made on the first extrinsic: its workers each load wasm, which a node that never gets one (typegen's) need not pay. */
  #verifier: VerifyPool | null = null
  #head: StoredBlock
  /** Block production is serialized through this chain of promises. */
  #producing: Promise<unknown> = Promise.resolve()
  #timer: NodeJS.Timeout | null = null
  #instantScheduled = false
  #closed = false

  private constructor (readonly spec: ChainSpec, readonly dev: boolean, readonly sealing: Sealing, runtime: Runtime, store: ChainStore, author: KeyringPair, private readonly opts: NodeOptions) {
    super()
    // Every RPC subscription listens here.
    this.setMaxListeners(0)
    this.#runtime = runtime
    this.#store = store
    this.registry = runtime.meta.registry
    this.metadataHex = runtime.meta.metadata.toHex()
    this.#trie = new StateTrie((hash) => store.trieNode(hash))
    this.#pool = new TxPool(opts.poolLimits ?? DEFAULT_POOL_LIMITS)
    this.#author = author
    this.#maxBlockExtrinsics = opts.maxBlockExtrinsics ?? 4096
    this.#head = store.head()!
    this.genesisHash = store.blockByNumber(0)!.hash
  }

  static async open (opts: NodeOptions): Promise<DevNode> {
    const runtime = new Runtime(PALLETS, (msg, err) => opts.log?.error({ err }, msg))
    const author = authorityKey({ spec: opts.spec, dev: opts.dev, basePath: opts.basePath, file: opts.authorityKeyFile, warn: (msg) => opts.log?.warn(msg) })
    const store = ChainStore.open(opts.basePath, opts.pruning)
    try {
      const storedSpec = store.getMeta(META_SPEC_ID)
      if (store.head() === null) {
        await writeGenesis(runtime, store, opts.spec, author.publicKey)
      } else if (storedSpec === null || u8aToHex(storedSpec) !== u8aToHex(stringToU8a(opts.spec.id))) {
        throw chainErrors.chainMismatch(opts.basePath ?? '(memory)', opts.spec.id)
      } else if (!u8aEq(authorityStorage.get({ state: new Overlay(store), codec: runtime.meta.codec }), author.publicKey)) {
        // Its blocks would all fail the randomness check: say why instead.
        throw chainErrors.authorityMismatch(opts.basePath ?? '(memory)')
      }
    } catch (err) {
      store.close()
      throw err
    }
    const node = new DevNode(opts.spec, opts.dev, opts.sealing, runtime, store, author, opts)
    node.#scheduleInterval()
    return node
  }

  best (): StoredBlock { return this.#head }
  finalized (): StoredBlock { return this.#head }
  blockByNumber (n: number): StoredBlock | null { return this.#store.blockByNumber(n) }
  blockByHash (hash: Uint8Array): StoredBlock | null { return this.#store.blockByHash(hash) }

  oldestState (): number { return this.#store.oldestState() }

  storage (key: string, at?: Uint8Array): Uint8Array | null {
    const n = this.#numberAt(at)
    return n === this.#head.number ? this.#store.get(key) : this.#store.getAt(n, key)
  }

  keysPaged (prefix: string, count: number, startKey?: string, at?: Uint8Array): string[] {
    const n = this.#numberAt(at)
    // Keys before the prefix mean "from the start of the prefix" (Substrate's behaviour).
    const after = startKey !== undefined && startKey > prefix ? startKey : undefined
    return n === this.#head.number
      ? this.#store.keysWithPrefix(prefix, after, count)
      : this.#store.keysWithPrefixAt(n, prefix, after, count)
  }

  accountNextIndex (who: Uint8Array): number {
    return this.#pool.nextNonce(who, this.#accountNonce(who))
  }

  async submit (extrinsic: Uint8Array): Promise<Uint8Array> {
    if (this.#closed) throw chainErrors.closed()
    const blockNumber = this.#head.number + 1
    const ext = await checkExtrinsic(extrinsic, {
      registry: this.registry,
      genesisHash: this.genesisHash,
      specVersion: this.runtimeVersion.specVersion,
      transactionVersion: this.runtimeVersion.transactionVersion,
      blockNumber,
      blockHash: (n) => (n >= blockNumber - BLOCK_HASH_COUNT && n < blockNumber ? this.#store.blockByNumber(n)?.hash ?? null : null)
    }, async (job) => {
      if (this.#closed) throw chainErrors.closed()
      return await (this.#verifier ??= new VerifyPool()).verify(job)
    })
    if (this.#closed) throw chainErrors.closed()
    const death = ext.era === null ? blockNumber + IMMORTAL_LONGEVITY : eraDeath(ext.era, blockNumber)
    const info = this.#runtime.callInfo(ext.call)
    const weight = info.weight + EXTRINSIC_BASE_WEIGHT
    const maxWeight = info.pays ? normalWeightShare(MAX_BLOCK_WEIGHT) : MAX_BLOCK_WEIGHT
    // It would never fit a block: it would wait in the pool for ever, before every later nonce of its sender.
    if (weight > maxWeight) throw invalid.tooHeavy(weight, maxWeight)
    const fee = totalFee(info, ext.bytes.length, ext.tip)
    const account = this.#checkPayment(ext, fee)
    const cost = { fee, weight, operational: !info.pays, tag: info.tag }
    // The pool's own checks first: a copy it would refuse costs no dry run.
    this.#pool.check(ext, account.nonce, cost)
    if (!info.pays) this.#validateFree(ext)
    const { status, replaced } = this.#pool.add(ext, death, account.nonce, cost)
    // Announced on the next turn, so that a watcher subscribing right after submit() sees it.
    setImmediate(() => {
      if (replaced !== null) this.emit('tx', replaced.hash, { usurped: ext.hashHex } satisfies TxStatus)
      this.emit('tx', ext.hash, status)
    })
    if (this.sealing.mode === 'instant' && status === 'ready') this.#scheduleInstant()
    return ext.hash
  }

  feeInfo (extrinsic: Uint8Array, length: number): FeeInfo {
    const info = this.#runtime.callInfo(callOf(this.registry, extrinsic))
    return { info, fee: inclusionFee(info, length) }
  }

  /** Refuses a sender that does not exist or cannot pay this and what it already has waiting in the pool; returns its account. */
  #checkPayment (ext: CheckedExtrinsic, fee: bigint): AccountInfoValue {
    const account = System.storage.Account.find(this.#stateCtx(), ext.signer)
    if (account === null) throw invalid.noAccount()
    const owed = fee + this.#pool.pendingFees(ext.signer, ext.nonce)
    if (account.data.free < owed) throw invalid.payment(account.data.free, fee, owed - fee)
    return account
  }

  /** A free call that would fail now is refused: a block would leave it out, at no cost to its sender. */
  #validateFree (ext: CheckedExtrinsic): void {
    const head = this.#head
    const err = this.#runtime.validate(new Overlay(this.#store), { number: head.number + 1, parentHash: head.hash, digest: [] }, ext)
    if (err === null) return
    throw invalid.call(err instanceof DispatchFailure ? err.message : 'the call failed')
  }

  pending (): Uint8Array[] {
    return this.#pool.all().map((e) => e.bytes)
  }

  async newBlocks (count: number): Promise<Uint8Array> {
    for (let i = 0; i < count && !this.#closed; i++) {
      await this.#produce()
      // A turn of the event loop between blocks: RPC requests, sockets and SIGTERM are served meanwhile.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    return this.#head.hash
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    await this.#producing.catch(() => {})
    await this.#verifier?.close()
    this.#store.close()
  }

  #numberAt (at?: Uint8Array): number {
    if (at === undefined) return this.#head.number
    const block = this.#store.blockByHash(at)
    if (block === null) throw chainErrors.unknownBlock(u8aToHex(at))
    return block.number
  }

  #stateCtx () {
    return { state: new Overlay(this.#store), codec: this.#runtime.meta.codec }
  }

  #accountNonce (who: Uint8Array): number {
    return System.storage.Account.get(this.#stateCtx(), who).nonce
  }

  #scheduleInterval (): void {
    if (this.sealing.mode !== 'interval' || this.#closed) return
    this.#timer = setTimeout(() => {
      this.#produce().catch(() => {}).finally(() => this.#scheduleInterval())
    }, this.sealing.ms)
  }

  #scheduleInstant (): void {
    if (this.#instantScheduled) return
    this.#instantScheduled = true
    setImmediate(() => {
      this.#instantScheduled = false
      this.#produce().catch(() => {})
    })
  }

  /** Builds, executes and commits the next block; serialized so that blocks never interleave. */
  #produce (): Promise<void> {
    const run = this.#producing.then(() => this.#closed ? undefined : this.#buildBlock())
    this.#producing = run.catch((err) => this.opts.log?.error({ err }, 'block production failed'))
    return run
  }

  async #buildBlock (): Promise<void> {
    const parent = this.#head
    const parentHeader = decodeHeader(this.registry, parent.header)
    const number = parent.number + 1
    const ctx = this.#stateCtx()
    const timestamp = bigMax(BigInt(Date.now()), timestampNow.get(ctx) + 1n)
    const signature = this.#author.sign(randomnessMessage(randomnessSeed.get(ctx), number))
    const digest = [encodePreDigest({ timestamp, signature })]

    const state = new Overlay(this.#store)
    const accountNonce = (who: Uint8Array) => System.storage.Account.get(ctx, who).nonce
    const candidates = this.#pool.ready(accountNonce, { count: this.#maxBlockExtrinsics, bytes: MAX_BLOCK_BYTES, weight: MAX_BLOCK_WEIGHT })
    const outcome = this.#runtime.executeBlock(state, { number, parentHash: parent.hash, digest }, candidates)
    const { root, nodes } = await this.#trie.rootAfter(parentHeader.stateRoot.toU8a(), state.changes)
    const body = outcome.included.map((e) => e.bytes)
    const header = encodeHeader(this.registry, { parentHash: parent.hash, number, stateRoot: root, extrinsicsRoot: extrinsicsRoot(body), digest })
    const block: WholeBlock = { number, hash: header.hash, header: header.bytes, extrinsics: body }
    this.#store.commitBlock(block, state.changes, nodes)
    this.#head = block

    this.#pool.remove(outcome.included)
    const refused = outcome.skipped.filter((s) => s.reason === 'payment' || s.reason === 'invalid').map((s) => s.ext)
    // One refused and expired at once is announced once.
    const dropped = [...new Set([...refused, ...this.#pool.outdated(accountNonce, number + 1)])]
    this.#pool.remove(dropped)
    this.opts.log?.info({ number, hash: u8aToHex(block.hash), extrinsics: body.length }, 'block')
    this.emit('block', block, new Set(state.changes.keys()))
    const hashHex = u8aToHex(block.hash)
    for (const ext of outcome.included) this.emit('tx', ext.hash, { inBlock: hashHex } satisfies TxStatus)
    for (const ext of outcome.included) this.emit('tx', ext.hash, { finalized: hashHex } satisfies TxStatus)
    for (const ext of dropped) this.emit('tx', ext.hash, 'invalid' satisfies TxStatus)
    // Ready ones only: a transaction waiting for an earlier nonce would have every next block empty, without end.
    if (this.sealing.mode === 'instant' && this.#pool.hasReady(accountNonce)) this.#scheduleInstant()
  }
}

/**
 * Commits block 0: the pallets' genesis storage from the spec and the author's public key, then `extra`
 * (benchmarks seed large states with it), under one state root.
 */
export async function writeGenesis (runtime: Runtime, store: ChainStore, spec: ChainSpec, authority: Uint8Array, extra?: (state: Overlay) => void): Promise<void> {
  const state = new Overlay(store)
  runtime.genesis(state, spec, { authority })
  extra?.(state)
  const { root, nodes } = await new StateTrie((hash) => store.trieNode(hash)).rootAfter(EMPTY_ROOT, state.changes)
  const header = encodeHeader(runtime.meta.registry, { parentHash: new Uint8Array(32), number: 0, stateRoot: root, extrinsicsRoot: extrinsicsRoot([]), digest: [] })
  store.commitBlock({ number: 0, hash: header.hash, header: header.bytes, extrinsics: [] }, state.changes, nodes, { [META_SPEC_ID]: u8aToU8a(spec.id) })
}

const bigMax = (a: bigint, b: bigint): bigint => (a > b ? a : b)

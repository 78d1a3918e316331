// The runtime's generated augmentation: typed api.rpc / api.query / api.events for datdot's chain.
import '../chain/interfaces/augment-api.js'
import '../chain/interfaces/types-lookup.js'
import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { EventRecord, ExtrinsicStatus } from '@polkadot/types/interfaces'

export interface TxResult {
  blockHash: string
  /** The extrinsic's own events (phase ApplyExtrinsic(its index)). */
  events: EventRecord[]
  /** false when the call failed in dispatch (ExtrinsicFailed): final, the caller decides what to do. */
  ok: boolean
  /** `pallet.ErrorName` for a module error, else the DispatchError variant (e.g. `BadOrigin`). */
  error?: string
  /** What the chain's metadata says of a module error. */
  errorDocs?: string
}

export interface TxQueueLogger {
  info (obj: object, msg: string): void
  warn (obj: object, msg: string): void
  error (obj: object, msg: string): void
}

export interface TxQueueOptions {
  logger?: TxQueueLogger
  /** Submissions tried per extrinsic before it fails with TX_FAILED (default 5). */
  maxAttempts?: number
  /** Wait before the first retry, doubled for each further one (default 500 ms). */
  backoffMs?: number
}

export type TxQueueErrorCode = 'TX_REFUSED' | 'TX_FAILED' | 'TX_QUEUE_CLOSED'

/** Why a submit() was rejected; `code` is stable, the message is for people. */
export class TxQueueError extends Error {
  private constructor (readonly code: TxQueueErrorCode, message: string, readonly label: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'TxQueueError'
  }

  /** The node refused the extrinsic for a reason that signing it again would not change (BadProof, BadFormat, Call...). */
  static TX_REFUSED (label: string, cause: Error): TxQueueError {
    return new TxQueueError('TX_REFUSED', `${label}: refused by the node: ${cause.message}`, label, { cause })
  }

  static TX_FAILED (label: string, attempts: number, cause: Error, maybeSent = false): TxQueueError {
    return new TxQueueError('TX_FAILED', `${label}: not included after ${attempts} attempts${fate(maybeSent)}; last: ${cause.message}`, label, { cause })
  }

  static TX_QUEUE_CLOSED (label: string, maybeSent = false): TxQueueError {
    return new TxQueueError('TX_QUEUE_CLOSED', `${label}: the transaction queue is closed${fate(maybeSent)}`, label)
  }
}

const fate = (maybeSent: boolean): string =>
  maybeSent ? ' (it may still be included: the node was sent it and then lost from sight)' : ''

/** Mortality of what the queue signs: long enough for any retry, short enough to bound the search for a lost one. */
const ERA_PERIOD = 64
const UPDATE = 'author_extrinsicUpdate'
const silent: TxQueueLogger = { info () {}, warn () {}, error () {} }

/** What the queue uses of polkadot-js's provider (protected in ApiPromise; see #watch for why). */
interface Provider {
  subscribe (type: string, method: string, params: unknown[], cb: (err: Error | null, result: unknown) => void): Promise<number | string>
  unsubscribe (type: string, method: string, id: number | string): Promise<boolean>
}

/** A signed copy that the node may hold: resending must reuse it, else the call might apply twice. */
interface Sent { nonce: number, hash: string, birth: number, death: number }

interface Item {
  readonly tx: SubmittableExtrinsic<'promise'>
  readonly label: string
  readonly resolve: (result: TxResult) => void
  readonly reject: (err: Error) => void
  /** Failed tries so far. */
  attempts: number
  /** Past maxAttempts, it is tried again for as long as this says so (see SubmitOptions). */
  readonly retryWhile: (() => Promise<boolean>) | null
  /** When the next try may start (backoff). */
  notBefore: number
  sent: Sent | null
  /** Bumped whenever the item stops being watched, so that late statuses of an old watch are ignored. */
  watch: number
}

export interface SubmitOptions {
  /**
   * Keeps trying past maxAttempts while this resolves true, e.g. while the challenge a proof answers is
   * open: giving up while it still counts would fail a duty for a passing fault (a node restarting).
   */
  readonly retryWhile?: () => Promise<boolean>
}

/** Longest wait between two tries (the backoff doubles up to it). */
const MAX_BACKOFF_STEPS = 4

/** How to handle a failed submission. */
type Verdict = 'resign' | 'transient' | 'pending' | 'final'

/**
 * One account's extrinsics, submitted in order with nonces the queue counts itself. Signing and submission
 * are serialized (each extrinsic is in the node's pool before the next is signed), so nonces never skip or
 * repeat; finalization is awaited concurrently. Transient failures are retried with backoff, nonce errors after
 * re-reading the nonce from the node, which counts its pool: a retry thus fills the gap its failure left.
 */
export class TxQueue {
  readonly #api: ApiPromise
  readonly #provider: Provider
  readonly #signer: KeyringPair
  readonly #log: TxQueueLogger
  readonly #maxAttempts: number
  readonly #backoffMs: number
  readonly #queue: Item[] = []
  readonly #watching = new Set<Item>()
  /** The next nonce to use; null: read it from the node first (at start and after anything went wrong). */
  #nonce: number | null = null
  #pumping = false
  #closed = false

  constructor (api: ApiPromise, signer: KeyringPair, opts: TxQueueOptions = {}) {
    this.#api = api
    this.#provider = (api as unknown as { _rpcCore: { provider: Provider } })._rpcCore.provider
    this.#signer = signer
    this.#log = opts.logger ?? silent
    this.#maxAttempts = opts.maxAttempts ?? 5
    this.#backoffMs = opts.backoffMs ?? 500
    api.on('disconnected', this.#onDisconnected)
  }

  get address (): string { return this.#signer.address }

  /**
   * Queues `tx` to be signed (by the queue: it is signed in place, do not sign or reuse it) and sent; resolves
   * once it is in a finalized block, ok or not.
   */
  submit (tx: SubmittableExtrinsic<'promise'>, label: string, opts: SubmitOptions = {}): Promise<TxResult> {
    if (this.#closed) return Promise.reject(TxQueueError.TX_QUEUE_CLOSED(label))
    return new Promise((resolve, reject) => {
      this.#queue.push({ tx, label, resolve, reject, attempts: 0, retryWhile: opts.retryWhile ?? null, notBefore: 0, sent: null, watch: 0 })
      void this.#pump()
    })
  }

  /** Accepts nothing more and rejects what is not yet sent; what is sent is still followed to its block. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    for (const item of this.#queue.splice(0)) item.reject(TxQueueError.TX_QUEUE_CLOSED(item.label))
    this.#release()
  }

  async #pump (): Promise<void> {
    if (this.#pumping) return
    this.#pumping = true
    try {
      let item: Item | undefined
      while ((item = this.#queue.shift()) !== undefined) {
        const wait = item.notBefore - Date.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        if (this.#closed) item.reject(TxQueueError.TX_QUEUE_CLOSED(item.label, item.sent !== null))
        else await this.#attempt(item)
      }
    } finally {
      this.#pumping = false
      this.#release()
    }
  }

  /** One try at getting `item` into the node's pool; on a transient failure it goes back to the front of the queue. */
  async #attempt (item: Item): Promise<void> {
    try {
      if (item.sent !== null && await this.#resend(item, item.sent)) return
      // A retry reads the nonce again: the one it had may be taken, or below transactions of ours in the pool.
      const nonce = item.attempts === 0 && this.#nonce !== null ? this.#nonce : await this.#readNonce()
      item.sent = await this.#sign(item.tx, nonce)
      await this.#watch(item)
      this.#nonce = item.attempts === 0 ? nonce + 1 : null
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err))
      const verdict = classify(error)
      // An answer from the node means it does not hold this signed copy (unless it says it does);
      // no answer (disconnected, timed out) leaves its fate unknown: it is kept, to be resent as it is.
      if (isAnswer(error) && verdict !== 'pending') item.sent = null
      if (verdict === 'final') {
        this.#log.error({ label: item.label, err: error.message }, 'transaction refused')
        item.reject(TxQueueError.TX_REFUSED(item.label, error))
      } else {
        this.#retry(item, error)
      }
    }
  }

  /**
   * Sends the same signed bytes again after losing track of them. True when they are back in the pool or
   * found in a block; false when they can never apply, so that the item must be signed anew.
   */
  async #resend (item: Item, sent: Sent): Promise<boolean> {
    try {
      await this.#watch(item)
      return true
    } catch (err) {
      if (classify(err as Error) !== 'resign') throw err
    }
    // Its nonce is used (by this very extrinsic, or by another and then this one never applies) or its era is over.
    const result = await this.#findIncluded(sent)
    if (result !== null) {
      item.resolve(result)
      return true
    }
    this.#log.info({ label: item.label, nonce: sent.nonce }, 'lost transaction was not included; signing it again')
    item.sent = null
    return false
  }

  #retry (item: Item, error: Error): void {
    // Whatever went wrong, the node's count (its pool included) is the one to trust next: it also fills
    // the gap an extrinsic that is given up leaves below ours waiting in the pool.
    this.#nonce = null
    item.attempts++
    if (item.attempts < this.#maxAttempts) return this.#again(item, error)
    const failed = (): void => {
      this.#log.error({ label: item.label, attempts: item.attempts, err: error.message }, 'transaction failed')
      item.reject(TxQueueError.TX_FAILED(item.label, item.attempts, error, item.sent !== null))
    }
    if (item.retryWhile === null) return failed()
    void item.retryWhile().catch(() => false).then((go) => { if (go) this.#again(item, error); else failed() })
  }

  #again (item: Item, error: Error): void {
    if (this.#closed) {
      item.reject(TxQueueError.TX_QUEUE_CLOSED(item.label, item.sent !== null))
      return
    }
    const delay = this.#backoffMs * 2 ** Math.min(item.attempts - 1, MAX_BACKOFF_STEPS)
    this.#log.warn({ label: item.label, attempt: item.attempts, delay, err: error.message }, 'transaction will be retried')
    item.notBefore = Date.now() + delay
    // At the front: extrinsics submitted after it should not overtake it where that can be helped.
    this.#queue.unshift(item)
    void this.#pump()
  }

  async #readNonce (): Promise<number> {
    return (await this.#api.rpc.system.accountNextIndex(this.#signer.address)).toNumber()
  }

  async #sign (tx: SubmittableExtrinsic<'promise'>, nonce: number): Promise<Sent> {
    // Our own mortal era (one header read instead of polkadot-js's four), so we know where a lost one could be.
    const head = await this.#api.rpc.chain.getHeader()
    const current = head.number.toNumber()
    const era = this.#api.registry.createType('ExtrinsicEra', { current, period: ERA_PERIOD })
    await tx.signAsync(this.#signer, { nonce, era, blockHash: head.hash })
    const mortal = era.asMortalEra
    return { nonce, hash: tx.hash.toHex(), birth: mortal.birth(current), death: mortal.death(current) }
  }

  /** Submits the item's signed extrinsic and resolves once the node has it in its pool; the rest comes by callback. */
  async #watch (item: Item): Promise<void> {
    const watch = ++item.watch
    const current = (): boolean => item.watch === watch
    let inBlock: { hash: string, result: Promise<TxResult | null> } | null = null
    let unsubscribe: (() => void) | null = null
    const stop = (): void => {
      item.watch++
      this.#watching.delete(item)
      unsubscribe?.()
      this.#release()
    }
    const settle = async (blockHash: string): Promise<void> => {
      const sent = item.sent as Sent
      try {
        const result = inBlock?.hash === blockHash ? await inBlock.result : await this.#outcome(blockHash, sent.hash)
        if (!current()) return
        if (result === null) throw new Error(`finalized block ${blockHash} does not hold ${sent.hash}`)
        stop()
        item.resolve(result)
      } catch (err) {
        if (!current()) return
        stop()
        this.#retry(item, err as Error) // fate unknown: item.sent is kept, the retry resends it
      }
    }
    const onStatus = (status: ExtrinsicStatus): void => {
      if (!current()) return
      if (status.isInBlock) {
        // Read now, as polkadot-js does: the node sends Finalized once the client has read the block.
        const hash = status.asInBlock.toHex()
        const result = this.#outcome(hash, (item.sent as Sent).hash)
        result.catch(() => {})
        inBlock = { hash, result }
      } else if (status.isFinalized) {
        void settle(status.asFinalized.toHex())
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        // Out of the pool without being included: safe to sign again, with a nonce read afresh.
        stop()
        item.sent = null
        this.#retry(item, new Error(`the node reported the extrinsic ${status.type}`))
      } else if (status.isFinalityTimeout) {
        stop()
        this.#retry(item, new Error('finality timeout'))
      }
    }
    // Not api.rpc.author.submitAndWatchExtrinsic: polkadot-js shares and replays subscriptions by their
    // parameters, so resending the same bytes while an old watch of them lingers would only replay its last
    // status. The provider subscribes afresh, and refusals come back as the node's own errors (code, data).
    const id = await this.#provider.subscribe(UPDATE, 'author_submitAndWatchExtrinsic', [item.tx.toHex()], (err, raw) => {
      if (err === null) onStatus(this.#api.registry.createType('ExtrinsicStatus', raw))
    })
    unsubscribe = () => { this.#provider.unsubscribe(UPDATE, 'author_unwatchExtrinsic', id).catch(() => {}) }
    if (!current()) return unsubscribe() // it settled already
    this.#watching.add(item)
  }

  /** The extrinsic's outcome in block `blockHash`, or null when the block does not hold it. */
  async #outcome (blockHash: string, txHash: string): Promise<TxResult | null> {
    const { block } = await this.#api.rpc.chain.getBlock(blockHash)
    const index = block.extrinsics.findIndex((x) => x.hash.toHex() === txHash)
    if (index === -1) return null
    const events = (await this.#api.query.system.events.at(blockHash))
      .filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eqn(index))
    for (const { event } of events) {
      if (!this.#api.events.system.ExtrinsicFailed.is(event)) continue
      const [dispatchError] = event.data
      if (!dispatchError.isModule) return { blockHash, events, ok: false, error: dispatchError.type }
      const { section, name, docs } = this.#api.registry.findMetaError(dispatchError.asModule)
      return { blockHash, events, ok: false, error: `${section}.${name}`, errorDocs: docs.join(' ').trim() }
    }
    return { blockHash, events, ok: true }
  }

  /** Looks for a lost extrinsic in the finalized blocks of its era. */
  async #findIncluded (sent: Sent): Promise<TxResult | null> {
    const finalized = await this.#api.rpc.chain.getHeader(await this.#api.rpc.chain.getFinalizedHead())
    const last = Math.min(finalized.number.toNumber(), sent.death - 1)
    for (let n = sent.birth; n <= last; n++) {
      const result = await this.#outcome((await this.#api.rpc.chain.getBlockHash(n)).toHex(), sent.hash)
      if (result !== null) return result
    }
    return null
  }

  /**
   * polkadot-js neither ends nor resumes extrinsic watches when the socket drops: their statuses just stop.
   * Everything watched is then of unknown fate and goes back to the queue, to be resent as signed.
   */
  readonly #onDisconnected = (): void => {
    for (const item of [...this.#watching]) {
      item.watch++
      this.#watching.delete(item)
      this.#retry(item, new Error('disconnected from the node while waiting for the extrinsic'))
    }
    this.#release()
  }

  /** Once closed and idle, stop listening to the api. */
  #release (): void {
    if (this.#closed && !this.#pumping && this.#watching.size === 0) this.#api.off('disconnected', this.#onDisconnected)
  }
}

/** Sorts a submission failure: JSON-RPC pool errors carry a numeric code and the reason first in `data`. */
function classify (err: Error): Verdict {
  if (!isAnswer(err)) return 'transient' // no answer: disconnected, timed out
  const { code, data } = err
  const reason = typeof data === 'string' ? /^\w+/.exec(data)?.[0] : undefined
  if (code === 1010) {
    // A used or future nonce, or an expired era: signing again with a nonce read afresh cures it.
    if (reason === 'Stale' || reason === 'Future' || reason === 'AncientBirthBlock') return 'resign'
    if (reason === 'ExhaustsResources') return 'transient'
    return 'final'
  }
  if (code === 1013) return 'pending' // Substrate's "already imported"
  // Another transaction of this account holds the nonce in the pool: a fresh nonce cures it.
  if (code === 1014) return 'resign'
  if (code === 1011 || code === 1015 || code === -32602) return 'final'
  return 'transient' // temporarily banned, dropped (a full pool), or the node is busy or shutting down
}

/** Whether the error is the node's JSON-RPC answer (polkadot-js's RpcError), rather than a transport failure. */
function isAnswer (err: Error): err is Error & { code: number, data?: unknown } {
  return typeof (err as { code?: unknown }).code === 'number'
}

import type { ChainNode } from '../node/types.js'
import { batchResponseTooBig, batchTooLong, ErrorCode, oversizedResponse, RpcError } from './errors.js'
import { errorReply, parseRequest, resultReply } from './jsonrpc.js'
import { clip } from './params.js'
import { type HeldSubscription, Subscriptions } from './subscriptions.js'
import type { Connection, Handler, RpcContext, RpcLogger } from './types.js'

export interface SessionOptions {
  readonly node: ChainNode
  readonly handlers: ReadonlyMap<string, Handler>
  /** Sends a text frame to the client; absent over HTTP, where there are no subscriptions. */
  readonly push?: (text: string) => void
  /** A round trip through the client (WebSocket ping); absent over HTTP. */
  readonly roundTrip?: (timeoutMs: number) => Promise<void>
  readonly maxSubscriptions: number
  /** Largest reply, a batch's as a whole: past it the client gets -32008 (-32011 for a batch) instead. */
  readonly maxResponseBytes: number
  readonly maxBatchLength: number
  readonly logger: RpcLogger
}

/**
 * Requests of a batch handled at once. A batch is answered in windows so that its reply is measured as it
 * grows: 120,000 metadata requests stop at the size limit instead of holding 120,000 replies in memory.
 */
const BATCH_WINDOW = 8

type ReplyListener = (method: string, params: readonly unknown[]) => void

/** What handling one message left to do once its reply is sent. */
interface Outcome {
  readonly opened: HeldSubscription[]
  readonly answered: Array<[method: string, params: readonly unknown[]]>
}

/** One client connection (or one HTTP request): turns JSON-RPC text into handler calls and replies. */
export class RpcSession {
  readonly #opts: SessionOptions
  readonly #methods: readonly string[]
  readonly #subscriptions: Subscriptions | undefined
  readonly #replyListeners = new Set<ReplyListener>()
  readonly #connection: Connection

  constructor (opts: SessionOptions) {
    this.#opts = opts
    this.#methods = [...opts.handlers.keys()].sort()
    this.#subscriptions = opts.push === undefined ? undefined : new Subscriptions(opts.push, opts.maxSubscriptions, opts.logger)
    this.#connection = {
      onReply: (listener) => {
        this.#replyListeners.add(listener)
        return () => this.#replyListeners.delete(listener)
      },
      roundTrip: opts.roundTrip ?? (async () => {})
    }
  }

  /** Handles one message (a request or a batch) and passes its reply, if any, to `reply`. Never throws. */
  async receive (text: string, reply: (text: string) => void): Promise<void> {
    let message: unknown
    try {
      message = JSON.parse(text)
    } catch (err) {
      reply(errorReply(null, new RpcError(ErrorCode.parse, 'Parse error', (err as Error).message)))
      return
    }
    const outcome: Outcome = { opened: [], answered: [] }
    if (Array.isArray(message)) {
      const batch = await this.#batch(message, outcome)
      if (batch !== undefined) reply(batch)
    } else {
      const single = await this.#call(message, outcome)
      if (single !== undefined) reply(single)
    }
    // Now that the client knows the subscription ids, their first notifications may follow.
    for (const subscription of outcome.opened) subscription.release()
    for (const [method, params] of outcome.answered) {
      for (const listener of [...this.#replyListeners]) {
        try {
          listener(method, params)
        } catch (err) {
          this.#opts.logger.error({ err, method }, 'reply listener failed')
        }
      }
    }
  }

  /** Ends this connection's subscriptions and their node listeners. */
  close (): void {
    this.#subscriptions?.close()
    this.#replyListeners.clear()
  }

  /** A batch's reply, or one error in its place (empty, too long, or a reply past the size limit). */
  async #batch (requests: unknown[], outcome: Outcome): Promise<string | undefined> {
    const { maxBatchLength, maxResponseBytes } = this.#opts
    if (requests.length === 0) return errorReply(null, new RpcError(ErrorCode.invalidRequest, 'Invalid request', 'empty batch'))
    if (requests.length > maxBatchLength) return errorReply(null, batchTooLong(maxBatchLength))
    const replies: string[] = []
    // The brackets, then a comma between replies.
    let size = 1
    for (let i = 0; i < requests.length; i += BATCH_WINDOW) {
      const window = await Promise.all(requests.slice(i, i + BATCH_WINDOW).map((r) => this.#call(r, outcome)))
      for (const text of window) {
        if (text === undefined) continue
        size += Buffer.byteLength(text) + 1
        replies.push(text)
        if (size > maxResponseBytes) {
          // The client gets no subscription ids, so it could never end these.
          for (const subscription of outcome.opened.splice(0)) subscription.end()
          outcome.answered.length = 0
          return errorReply(null, batchResponseTooBig(maxResponseBytes))
        }
      }
    }
    return replies.length > 0 ? `[${replies.join(',')}]` : undefined
  }

  async #call (raw: unknown, outcome: Outcome): Promise<string | undefined> {
    const request = parseRequest(raw)
    if ('error' in request) return errorReply(request.id, request.error)
    const { id, method, params } = request
    const mine: HeldSubscription[] = []
    try {
      const handler = this.#opts.handlers.get(method)
      if (handler === undefined) throw new RpcError(ErrorCode.methodNotFound, 'Method not found', `unknown method "${clip(method, 64)}"`)
      const result = await handler(this.#context(method, mine), params)
      if (id === undefined) {
        // The client cannot address a subscription whose id it never receives.
        for (const subscription of mine) subscription.end()
        return undefined
      }
      const text = resultReply(id, result)
      if (Buffer.byteLength(text) > this.#opts.maxResponseBytes) {
        for (const subscription of mine) subscription.end()
        return errorReply(id, oversizedResponse(this.#opts.maxResponseBytes))
      }
      outcome.opened.push(...mine)
      outcome.answered.push([method, params])
      return text
    } catch (err) {
      for (const subscription of mine) subscription.end()
      if (!(err instanceof RpcError)) this.#opts.logger.error({ err, method }, 'RPC handler failed')
      const error = err instanceof RpcError ? err : new RpcError(ErrorCode.internal, 'Internal error', (err as Error)?.message ?? String(err))
      return id === undefined ? undefined : errorReply(id, error)
    }
  }

  #context (method: string, mine: HeldSubscription[]): RpcContext {
    const subscriptions = this.#subscriptions
    return {
      node: this.#opts.node,
      methods: this.#methods,
      logger: this.#opts.logger,
      maxResponseBytes: this.#opts.maxResponseBytes,
      connection: this.#connection,
      subscribe: (notification, cleanup) => {
        if (subscriptions === undefined) {
          throw new RpcError(ErrorCode.methodNotFound, `${method} is a subscription: call it over a WebSocket connection`)
        }
        const subscription = subscriptions.open(notification, cleanup)
        mine.push(subscription)
        return subscription
      },
      unsubscribe: (notification, id) => subscriptions?.unsubscribe(notification, id) ?? false
    }
  }
}

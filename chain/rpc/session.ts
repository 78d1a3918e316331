import type { ChainNode } from '../node/types.js'
import { ErrorCode, RpcError } from './errors.js'
import { errorReply, parseRequest, resultReply } from './jsonrpc.js'
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
  readonly logger: RpcLogger
}

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
      if (message.length === 0) {
        reply(errorReply(null, new RpcError(ErrorCode.invalidRequest, 'Invalid request', 'empty batch')))
        return
      }
      const replies = (await Promise.all(message.map((m) => this.#call(m, outcome)))).filter((r) => r !== undefined)
      if (replies.length > 0) reply(`[${replies.join(',')}]`)
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

  async #call (raw: unknown, outcome: Outcome): Promise<string | undefined> {
    const request = parseRequest(raw)
    if ('error' in request) return errorReply(request.id, request.error)
    const { id, method, params } = request
    const mine: HeldSubscription[] = []
    try {
      const handler = this.#opts.handlers.get(method)
      if (handler === undefined) throw new RpcError(ErrorCode.methodNotFound, 'Method not found', `unknown method "${method}"`)
      const result = await handler(this.#context(method, mine), params)
      if (id === undefined) {
        // The client cannot address a subscription whose id it never receives.
        for (const subscription of mine) subscription.end()
        return undefined
      }
      const text = resultReply(id, result)
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

import { randomBytes } from 'node:crypto'
import { ErrorCode, overLimit, RpcError } from './errors.js'
import { notification } from './jsonrpc.js'
import type { RpcLogger, Subscription } from './types.js'

/** A subscription as its opener sees it: it sends nothing until released (after the subscribe reply went out). */
export interface HeldSubscription extends Subscription {
  release (): void
}

interface Entry {
  readonly notification: string
  readonly subscription: Subscription
}

/** The subscriptions of one WebSocket connection. */
export class Subscriptions {
  readonly #entries = new Map<string, Entry>()
  #closed = false

  constructor (
    private readonly push: (text: string) => void,
    private readonly max: number,
    private readonly logger: RpcLogger
  ) {}

  open (method: string, cleanup: () => void): HeldSubscription {
    if (this.#closed) throw new RpcError(ErrorCode.internal, 'Internal error', 'the connection is closed')
    if (this.#entries.size >= this.max) {
      throw overLimit(ErrorCode.tooManySubscriptions, 'Too many subscriptions on the connection', this.max)
    }
    let id: string
    do id = randomBytes(8).toString('hex'); while (this.#entries.has(id))

    let held: unknown[] | null = []
    let ended = false
    const emit = (result: unknown): void => {
      let text: string
      try {
        text = notification(method, id, result)
      } catch (err) {
        this.logger.error({ err, method, subscription: id }, 'cannot encode a notification')
        return
      }
      this.push(text)
    }
    const subscription: HeldSubscription = {
      id,
      send: (result) => {
        if (ended) return
        if (held !== null) held.push(result)
        else emit(result)
      },
      end: () => {
        if (ended) return
        ended = true
        this.#entries.delete(id)
        try {
          cleanup()
        } catch (err) {
          this.logger.error({ err, method, subscription: id }, 'subscription cleanup failed')
        }
      },
      // Notifications queued before an end() by the handler itself (a status that arrived early) still go out.
      release: () => {
        const queued = held ?? []
        held = null
        for (const result of queued) emit(result)
      }
    }
    this.#entries.set(id, { notification: method, subscription })
    return subscription
  }

  unsubscribe (method: string, id: string): boolean {
    const entry = this.#entries.get(id)
    if (entry === undefined || entry.notification !== method) return false
    entry.subscription.end()
    return true
  }

  /** Ends every subscription (the connection dropped); later open() calls fail. */
  close (): void {
    this.#closed = true
    for (const { subscription } of [...this.#entries.values()]) subscription.end()
  }
}

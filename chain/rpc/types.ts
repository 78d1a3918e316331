import type { ChainNode } from '../node/types.js'

/** A subscription of one connection. Notifications sent before the subscribe call's reply wait for it. */
export interface Subscription {
  readonly id: string
  /** Pushes a notification `{ method, params: { subscription: id, result } }`; ignored once ended. */
  send (result: unknown): void
  /** Ends the subscription (as when the client unsubscribes); its cleanup runs once. */
  end (): void
}

/** The connection a call came on, for methods whose timing depends on what the client has seen. */
export interface Connection {
  /** Calls `listener` after each successful reply sent on this connection; returns a function that stops it. */
  onReply (listener: (method: string, params: readonly unknown[]) => void): () => void
  /** Resolves once the client has processed everything sent before (a ping answered), or after `timeoutMs`. */
  roundTrip (timeoutMs: number): Promise<void>
}

/** What a handler may use: the node, and the subscriptions of the connection that called it. */
export interface RpcContext {
  readonly node: ChainNode
  /** Every method this server answers (for rpc_methods). */
  readonly methods: readonly string[]
  readonly logger: RpcLogger
  /** The largest reply: a handler building a large one stops (-32008) once past it. */
  readonly maxResponseBytes: number
  readonly connection: Connection
  /**
   * Opens a subscription whose notifications carry `notification` as their method; `cleanup` runs once when
   * it ends for any reason (unsubscribe, end(), dropped connection, or the subscribe call failing).
   * Throws an RpcError over HTTP and past the per-connection limit.
   */
  subscribe (notification: string, cleanup: () => void): Subscription
  /** Ends this connection's subscription `id` if it sends `notification`; false if there is none. */
  unsubscribe (notification: string, id: string): boolean
}

/** A JSON-RPC method. Its result (undefined → null) is the reply; a thrown RpcError is answered as is. */
export type Handler = (ctx: RpcContext, params: readonly unknown[]) => unknown

/** pino-compatible. */
export interface RpcLogger {
  info (obj: object, msg?: string): void
  warn (obj: object, msg?: string): void
  error (obj: object, msg?: string): void
}

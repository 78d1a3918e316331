/** What one client may ask of the RPC server; the defaults are Substrate's (`--rpc-max-*`). */
export interface RpcLimits {
  /** Open TCP connections, HTTP and WebSocket together (`--rpc-max-connections`). */
  readonly maxConnections: number
  /** Largest request: an HTTP body or a WebSocket message (`--rpc-max-request-size`). */
  readonly maxRequestBytes: number
  /** Largest reply: one response, or a whole batch's (`--rpc-max-response-size`). */
  readonly maxResponseBytes: number
  /** Most requests in one batch (`--rpc-max-batch-request-len`); Substrate sets none by default. */
  readonly maxBatchLength: number
  /** Open subscriptions on one WebSocket connection (`--rpc-max-subscriptions-per-connection`). */
  readonly maxSubscriptionsPerConnection: number
}

const MiB = 1024 * 1024

export const DEFAULT_RPC_LIMITS: RpcLimits = {
  maxConnections: 100,
  maxRequestBytes: 15 * MiB,
  maxResponseBytes: 15 * MiB,
  maxBatchLength: Number.POSITIVE_INFINITY,
  maxSubscriptionsPerConnection: 1024
}

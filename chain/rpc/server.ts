import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type { ChainNode } from '../node/types.js'
import { admission } from './admission.js'
import { httpHandler } from './http.js'
import { DEFAULT_RPC_LIMITS, type RpcLimits } from './limits.js'
import { denyUnsafe } from './method-policy.js'
import { methodTable } from './methods/index.js'
import { type CorsPolicy, LOCAL_ORIGINS } from './origin.js'
import { RpcSession } from './session.js'
import type { RpcLogger } from './types.js'
import { keepAlive, serveWebSocket } from './websocket.js'

export type { RpcLogger } from './types.js'

export interface RpcServerOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** 0 picks a free port. */
  port: number
  /** Substrate's defaults where not given. */
  limits?: Partial<RpcLimits>
  /** Origins whose pages may call the node (default: this machine's, as Substrate's without --dev). */
  cors?: CorsPolicy
  /** Whether unsafe methods (dev_*) are served (default true); false answers them Substrate's refusal. */
  unsafe?: boolean
  logger?: RpcLogger
}

export interface RpcServer {
  readonly port: number
  /** ws://host:port; the same address serves HTTP POST. */
  readonly url: string
  close (): Promise<void>
}

/** How often WebSocket clients are pinged to find dead connections. */
const HEARTBEAT_MS = 30_000

const defaultLogger: RpcLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj)
}

/** Substrate JSON-RPC over HTTP POST and WebSocket on one port. */
export async function startRpcServer (node: ChainNode, opts: RpcServerOptions): Promise<RpcServer> {
  const host = opts.host ?? '127.0.0.1'
  const limits: RpcLimits = { ...DEFAULT_RPC_LIMITS, ...opts.limits }
  const cors = opts.cors ?? LOCAL_ORIGINS
  const logger = opts.logger ?? defaultLogger
  const table = methodTable(node)
  const handlers = opts.unsafe === false ? denyUnsafe(table) : table
  const newSession = (push?: (text: string) => void, roundTrip?: (timeoutMs: number) => Promise<void>): RpcSession =>
    new RpcSession({
      node, handlers, push, roundTrip, logger,
      maxSubscriptions: limits.maxSubscriptionsPerConnection,
      maxResponseBytes: limits.maxResponseBytes,
      maxBatchLength: limits.maxBatchLength
    })

  const serveHttp = httpHandler(() => newSession(), { maxRequestBytes: limits.maxRequestBytes, cors, logger })
  const http = createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxRequestBytes })
  admission(http, wss, { maxConnections: limits.maxConnections, cors, serveHttp, logger })
  const sessions = new Set<RpcSession>()
  wss.on('connection', (ws) => {
    // Replies may be large (metadata) but a client owing several messages' worth is not reading.
    const session = serveWebSocket(ws, newSession, 4 * limits.maxResponseBytes, logger)
    sessions.add(session)
    ws.on('close', () => sessions.delete(session))
  })
  wss.on('error', (err) => logger.error({ err }, 'WebSocket server error'))

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(opts.port, host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  http.on('error', (err) => logger.error({ err }, 'RPC server error'))
  const stopHeartbeat = keepAlive(wss, HEARTBEAT_MS)
  const { port } = http.address() as AddressInfo
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`
  logger.info({ url }, 'RPC server listening')

  return {
    port,
    url,
    async close () {
      stopHeartbeat()
      // End subscriptions (and their node listeners) now rather than when each socket's close event comes.
      for (const session of sessions) session.close()
      sessions.clear()
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      http.closeAllConnections()
      await new Promise<void>((resolve, reject) => http.close((err) => (err ? reject(err) : resolve())))
    }
  }
}

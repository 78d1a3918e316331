import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import { type CorsPolicy, originAllowed } from './origin.js'
import type { RpcLogger } from './types.js'

export interface AdmissionOptions {
  readonly maxConnections: number
  readonly cors: CorsPolicy
  readonly serveHttp: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  readonly logger: RpcLogger
}

const TOO_MANY = 'Too many connections. Please try again later.\n'
/** How long a refused connection is given to read its 429 before it is cut. */
const REFUSED_LINGER_MS = 1000
/** A client must send its request headers within this, and its whole request within REQUEST_MS: a slow one holds a slot. */
const HEADERS_MS = 10_000
const REQUEST_MS = 30_000

/**
 * Who gets in: at most `maxConnections` TCP connections at once (the rest are answered 429 at once and
 * closed, as jsonrpsee does), and WebSocket upgrades only from an allowed Origin. Requests that pass go to
 * `serveHttp` or become WebSocket connections of `wss`.
 */
export function admission (http: Server, wss: WebSocketServer, opts: AdmissionOptions): void {
  const admitted = new Set<Socket>()
  // Its request may still be parsed after the 429 went out: it must not run.
  const refused = new WeakSet<Socket>()
  let warned = false
  http.headersTimeout = HEADERS_MS
  http.requestTimeout = REQUEST_MS
  http.on('connection', (socket: Socket) => {
    if (admitted.size >= opts.maxConnections) {
      if (!warned) opts.logger.warn({ maxConnections: opts.maxConnections }, 'RPC connection limit reached; refusing connections (--rpc-max-connections)')
      warned = true
      refused.add(socket)
      // Answered before its request is read: a refused client holds nothing for long.
      reject(socket, 429, 'Too Many Requests', TOO_MANY)
      setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref()
      return
    }
    warned = false
    admitted.add(socket)
    socket.once('close', () => admitted.delete(socket))
  })
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (refused.has(req.socket)) res.destroy()
    else void opts.serveHttp(req, res)
  })
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (refused.has(req.socket)) return socket.destroy()
    if (!originAllowed(req.headers.origin, opts.cors)) {
      return reject(socket, 403, 'Forbidden', 'Origin is not allowed: see --rpc-cors\n')
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })
}

function reject (socket: Duplex, status: number, reason: string, text: string): void {
  socket.on('error', () => {})
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`)
}

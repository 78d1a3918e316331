import type { IncomingMessage, ServerResponse } from 'node:http'
import { oversizedRequest } from './errors.js'
import { errorReply } from './jsonrpc.js'
import { type CorsPolicy, originAllowed } from './origin.js'
import { clip } from './params.js'
import type { RpcSession } from './session.js'
import type { RpcLogger } from './types.js'

/** The body as text, or null as soon as it is known to exceed `max` bytes (the rest is read but not kept). */
function readBody (req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > max) {
      req.resume()
      return resolve(null)
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > max) {
        req.off('data', onData)
        req.resume()
        resolve(null)
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** How long the rest of an oversized upload is read (and dropped) after it is answered. */
const UPLOAD_DRAIN_MS = 5000

/** Substrate's /health: this node has no peers to sync from and should have none. */
const HEALTH = JSON.stringify({ isSyncing: false, peers: 0, shouldHavePeers: false })

export interface HttpOptions {
  readonly maxRequestBytes: number
  readonly cors: CorsPolicy
  readonly logger: RpcLogger
}

/**
 * JSON-RPC over HTTP POST, one session per request (so no subscriptions), and `GET /health`. A browser page
 * is served only from an allowed Origin, and only a JSON body is read: a cross-site form or `text/plain` POST
 * (which a browser sends without asking) is refused before it runs anything.
 */
export function httpHandler (newSession: () => RpcSession, opts: HttpOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin
    if (!originAllowed(origin, opts.cors)) {
      res.setHeader('connection', 'close')
      plain(res, 403, `Origin ${clip(origin ?? '', 100)} is not allowed: see --rpc-cors\n`)
      return
    }
    // Set on every answer to an allowed page, so that its script may read it.
    if (origin !== undefined) res.setHeader('access-control-allow-origin', origin).setHeader('vary', 'origin')
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '3600'
      }).end()
      return
    }
    if (req.method === 'GET' && (req.url === '/health' || req.url === '/health/readiness')) {
      send(res, 200, req.url === '/health' ? HEALTH : undefined)
      return
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST')
      plain(res, 405, 'POST JSON-RPC requests here, GET /health, or open a WebSocket for subscriptions\n')
      return
    }
    if (!isJson(req.headers['content-type'])) {
      res.setHeader('connection', 'close')
      plain(res, 415, 'Supplied content type is not allowed. Content-Type: application/json is required\n')
      return
    }
    try {
      const body = await readBody(req, opts.maxRequestBytes)
      if (body === null) {
        // Answered now; the rest of the upload is read and dropped so that the client, still sending, gets the
        // answer rather than a reset, but for a few seconds only: then the connection is cut.
        const cut = setTimeout(() => req.socket.destroy(), UPLOAD_DRAIN_MS).unref()
        req.once('end', () => clearTimeout(cut))
        // No "Connection: close": closing now would reset the socket under the unread upload, losing the answer.
        send(res, 413, errorReply(null, oversizedRequest(opts.maxRequestBytes)))
        return
      }
      let reply: string | undefined
      const session = newSession()
      await session.receive(body, (text) => { reply = text })
      session.close()
      // Only notifications: nothing to answer.
      send(res, reply === undefined ? 204 : 200, reply)
    } catch (err) {
      opts.logger.warn({ err }, 'HTTP request failed')
      if (!res.headersSent) send(res, 500, undefined, true)
    }
  }
}

/** jsonrpsee's JSON content types. */
const isJson = (type: string | undefined): boolean =>
  type !== undefined && /^application\/(?:json|json-rpc|jsonrequest)\s*(?:;|$)/i.test(type)

function send (res: ServerResponse, status: number, body: string | undefined, close = false): void {
  if (body !== undefined) res.setHeader('content-type', 'application/json; charset=utf-8')
  if (close) res.setHeader('connection', 'close')
  res.writeHead(status).end(body)
}

function plain (res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
}

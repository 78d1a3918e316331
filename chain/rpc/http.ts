import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCode, RpcError } from './errors.js'
import { errorReply } from './jsonrpc.js'
import type { RpcSession } from './session.js'
import type { RpcLogger } from './types.js'

/** The body as text, or null as soon as it is known to exceed `max` bytes (the rest is not buffered). */
function readBody (req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > max) return resolve(null)
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > max) {
        req.off('data', onData)
        req.pause()
        resolve(null)
      } else chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send (res: ServerResponse, status: number, body: string | undefined, close = false): void {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }
  if (close) headers.connection = 'close'
  res.writeHead(status, headers).end(body)
}

/** JSON-RPC over HTTP POST: one session per request, so no subscriptions. */
export function httpHandler (newSession: () => RpcSession, maxBytes: number, logger: RpcLogger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' })
        .end('POST JSON-RPC requests here, or open a WebSocket for subscriptions\n')
      return
    }
    try {
      const body = await readBody(req, maxBytes)
      if (body === null) {
        // Stop the client's upload: answer now and drop the connection.
        const error = new RpcError(ErrorCode.oversizedRequest, 'Request is too big', `Exceeded max limit of ${maxBytes}`)
        res.once('finish', () => req.socket.destroy())
        send(res, 413, errorReply(null, error), true)
        return
      }
      let reply: string | undefined
      const session = newSession()
      await session.receive(body, (text) => { reply = text })
      session.close()
      // Only notifications: nothing to answer.
      send(res, reply === undefined ? 204 : 200, reply)
    } catch (err) {
      logger.warn({ err }, 'HTTP request failed')
      if (!res.headersSent) send(res, 500, undefined, true)
    }
  }
}

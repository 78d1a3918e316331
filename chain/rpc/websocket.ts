import WebSocket, { type WebSocketServer } from 'ws'
import type { RpcSession } from './session.js'
import type { RpcLogger } from './types.js'

/** Substrate's `--rpc-message-buffer-capacity-per-connection` default. */
const MAX_IN_FLIGHT = 64

function text (data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8')
}

/**
 * Round trips through the client: a ping with a fresh payload, resolved by its pong. Frames are handled in
 * order, so the pong means the client has received everything sent before the ping.
 */
function pinger (ws: WebSocket): (timeoutMs: number) => Promise<void> {
  const waiting = new Map<string, () => void>()
  let next = 0
  ws.on('pong', (data) => waiting.get(data.toString())?.())
  ws.on('close', () => { for (const done of [...waiting.values()]) done() })
  return (timeoutMs) => new Promise<void>((resolve) => {
    if (ws.readyState !== WebSocket.OPEN) return resolve()
    const key = `rt${next++}`
    const done = (): void => {
      clearTimeout(timer)
      waiting.delete(key)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs).unref()
    waiting.set(key, done)
    ws.ping(key)
  })
}

/**
 * Serves one WebSocket connection. A client that stops reading while notifications pile up past
 * `maxBufferedBytes` is disconnected rather than allowed to grow the node's memory.
 */
export function serveWebSocket (
  ws: WebSocket,
  newSession: (push: (text: string) => void, roundTrip: (timeoutMs: number) => Promise<void>) => RpcSession,
  maxBufferedBytes: number,
  logger: RpcLogger
): RpcSession {
  const push = (message: string): void => {
    if (ws.readyState !== WebSocket.OPEN) return
    if (ws.bufferedAmount > maxBufferedBytes) {
      logger.warn({ bufferedAmount: ws.bufferedAmount }, 'WebSocket client is not reading; disconnecting it')
      ws.terminate()
      return
    }
    ws.send(message)
  }
  const session = newSession(push, pinger(ws))
  // At most MAX_IN_FLIGHT messages are handled at once; the socket is not read while more wait (TCP pushes back),
  // so those waiting are at most what was already read.
  let inFlight = 0
  const waiting: string[] = []
  const handle = (message: string): void => {
    inFlight++
    session.receive(message, push)
      .catch((err) => logger.error({ err }, 'WebSocket message failed'))
      .finally(() => {
        inFlight--
        const next = waiting.shift()
        if (next !== undefined) handle(next)
        else if (ws.isPaused) ws.resume()
      })
  }
  ws.on('message', (data) => {
    if (inFlight < MAX_IN_FLIGHT) return handle(text(data))
    waiting.push(text(data))
    ws.pause()
  })
  ws.on('close', () => session.close())
  // e.g. a message over maxPayload: ws closes the connection with 1009; without a listener it would throw.
  ws.on('error', (err) => logger.warn({ err: err.message }, 'WebSocket connection error'))
  return session
}

/**
 * Pings every client each `ms`; one that did not answer the previous ping is gone without a TCP close
 * (a dead peer across hosts) and is terminated, which ends its subscriptions. Returns a stop function.
 */
export function keepAlive (wss: WebSocketServer, ms: number): () => void {
  const answered = new WeakSet<WebSocket>()
  wss.on('connection', (ws) => {
    answered.add(ws)
    ws.on('pong', () => answered.add(ws))
  })
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (answered.delete(ws)) ws.ping()
      else ws.terminate()
    }
  }, ms)
  timer.unref()
  return () => clearInterval(timer)
}

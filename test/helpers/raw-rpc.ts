import { readFile } from 'node:fs/promises'
import WebSocket from 'ws'

// Raw JSON-RPC over HTTP and WebSocket, for tests that send what no well-behaved client would.

export interface HttpAnswer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

export const request = (method: string, params: unknown[] = [], id: number | string = 1): Record<string, unknown> =>
  ({ jsonrpc: '2.0', id, method, params })

/** The http:// address of a node's ws:// endpoint (one port serves both). */
export const httpUrl = (wsUrl: string): string => wsUrl.replace(/^ws/, 'http')

export async function post (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST'): Promise<HttpAnswer> {
  const res = await fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body })
  return { status: res.status, headers: res.headers, text: await res.text() }
}

/** The error code of a JSON-RPC reply, or of each reply of a batch. */
export function errorCodes (text: string): number | Array<number | undefined> | undefined {
  const reply = JSON.parse(text)
  return Array.isArray(reply) ? reply.map((r) => r.error?.code) : reply.error?.code
}

/** Opens a WebSocket; resolves with it, or with the HTTP status of the refusal. */
export function openSocket (url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.once('error', reject)
  })
}

/** Sends one text frame and resolves with the next message (or the close code, if the node closes instead). */
export function exchange (ws: WebSocket, text: string): Promise<string | { closed: number }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => { done(); resolve(data.toString()) }
    const onClose = (code: number): void => { done(); resolve({ closed: code }) }
    const done = (): void => { ws.off('message', onMessage); ws.off('close', onClose) }
    ws.on('message', onMessage)
    ws.on('close', onClose)
    ws.send(text)
  })
}

/** Resident memory of a process, from /proc. */
export async function rssBytes (pid: number): Promise<number> {
  const m = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))
  if (m === null) throw new Error(`no VmRSS for process ${pid}`)
  return Number(m[1]) * 1024
}

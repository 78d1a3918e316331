import { ErrorCode, RpcError } from './errors.js'

// The JSON-RPC 2.0 envelope: checking one request object and writing replies.

export type RequestId = string | number | null

export interface Request {
  /** Absent for a notification, which gets no reply. */
  readonly id?: RequestId
  readonly method: string
  readonly params: readonly unknown[]
}

const isId = (v: unknown): v is RequestId => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))

/** A request, or the error to answer (with the request's id when it had a usable one). */
export function parseRequest (raw: unknown): Request | { id: RequestId, error: RpcError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { id: null, error: new RpcError(ErrorCode.invalidRequest, 'Invalid request', 'expected a JSON-RPC request object') }
  }
  const { jsonrpc, id, method, params } = raw as Record<string, unknown>
  const replyId = isId(id) ? id : null
  const invalid = (why: string) => ({ id: replyId, error: new RpcError(ErrorCode.invalidRequest, 'Invalid request', why) })
  if (jsonrpc !== '2.0') return invalid('"jsonrpc" must be "2.0"')
  if ('id' in raw && !isId(id)) return invalid('"id" must be a string, a number or null')
  if (typeof method !== 'string') return invalid('"method" must be a string')
  // Substrate methods take positional params only.
  if (params !== undefined && !Array.isArray(params)) {
    return { id: replyId, error: new RpcError(ErrorCode.invalidParams, 'Invalid params', '"params" must be an array') }
  }
  return 'id' in raw ? { id: id as RequestId, method, params: params ?? [] } : { method, params: params ?? [] }
}

export const resultReply = (id: RequestId, result: unknown): string =>
  JSON.stringify({ jsonrpc: '2.0', id, result: result === undefined ? null : result })

export const errorReply = (id: RequestId, error: RpcError): string =>
  JSON.stringify({ jsonrpc: '2.0', id, error })

export const notification = (method: string, subscription: string, result: unknown): string =>
  JSON.stringify({ jsonrpc: '2.0', method, params: { subscription, result } })

/** JSON-RPC error codes: the standard ones, then the jsonrpsee/Substrate server codes clients know. */
export const ErrorCode = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  tooManySubscriptions: -32006,
  oversizedRequest: -32007,
  oversizedResponse: -32008,
  batchTooLong: -32010,
  batchResponseTooBig: -32011,
  /** sc-rpc-api state errors: BASE_ERROR (4000) + 2 for a bad count, + 3 for client errors (unknown block, failed call). */
  stateInvalidCount: 4002,
  stateClient: 4003
} as const

/** An error answered to the client as `{ code, message, data? }`; anything else thrown is -32603. */
export class RpcError extends Error {
  constructor (readonly code: number, message: string, readonly data?: unknown) {
    super(message)
    this.name = 'RpcError'
  }

  toJSON (): { code: number, message: string, data?: unknown } {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data }
  }
}

/** jsonrpsee's "Exceeded max limit of N" errors, answered when one of the server's limits is passed. */
export const overLimit = (code: number, message: string, limit: number): RpcError =>
  new RpcError(code, message, `Exceeded max limit of ${limit}`)

export const oversizedRequest = (limit: number): RpcError => overLimit(ErrorCode.oversizedRequest, 'Request is too big', limit)
export const oversizedResponse = (limit: number): RpcError => overLimit(ErrorCode.oversizedResponse, 'Response is too big', limit)
export const batchTooLong = (limit: number): RpcError => overLimit(ErrorCode.batchTooLong, 'The batch request was too large', limit)
export const batchResponseTooBig = (limit: number): RpcError => overLimit(ErrorCode.batchResponseTooBig, 'The batch response was too large', limit)

/** Substrate's answer to an unsafe method (dev_*) on a node serving only safe ones (sc-rpc-api's UnsafeRpcError). */
export const unsafeMethod = (): RpcError => new RpcError(ErrorCode.methodNotFound, 'RPC call is unsafe to be called externally')

export const invalidParams = (message: string): RpcError => new RpcError(ErrorCode.invalidParams, message)

/** A state older than the node's --state-pruning window, in Substrate's words. */
export const stateDiscarded = (hash: string): RpcError =>
  new RpcError(ErrorCode.stateClient, `Client error: UnknownBlock: State already discarded for ${hash}`)

export const unknownBlock = (hash: string): RpcError =>
  new RpcError(ErrorCode.stateClient, `Client error: UnknownBlock: header not found: ${hash}`)

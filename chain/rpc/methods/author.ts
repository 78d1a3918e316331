import { u8aToHex } from '@polkadot/util'
import type { SubmitError, TxStatus } from '../../node/types.js'
import { RpcError } from '../errors.js'
import { bytes } from '../params.js'
import type { Handler, Subscription } from '../types.js'
import { follow, unsubscriber } from './pubsub.js'

/** Substrate's author error messages by code; the node's explanation goes in `data`. */
const POOL_MESSAGES: Record<number, string> = {
  1010: 'Invalid Transaction',
  1011: 'Unknown Transaction Validity',
  1012: 'Transaction is temporarily banned',
  1013: 'Transaction Already Imported',
  1014: 'Priority is too low',
  1015: 'Transaction had a cycle',
  1016: 'Immediately Dropped'
}

/**
 * polkadot-js fetches the block's events when it sees InBlock and abandons that work (rxjs switchMap)
 * when the next status arrives, so InBlock is lost if Finalized follows at once: leave it time.
 */
const FINALIZED_AFTER_IN_BLOCK_MS = 100

const isSubmitError = (err: unknown): err is SubmitError =>
  err instanceof Error && typeof (err as Partial<SubmitError>).rpcCode === 'number'

function submit (submitOne: (x: Uint8Array) => Uint8Array, extrinsic: Uint8Array): string {
  try {
    return u8aToHex(submitOne(extrinsic))
  } catch (err) {
    if (!isSubmitError(err)) throw err
    throw new RpcError(err.rpcCode, POOL_MESSAGES[err.rpcCode] ?? err.message, err.message)
  }
}

const isFinal = (s: TxStatus): boolean =>
  s === 'dropped' || s === 'invalid' || (typeof s === 'object' && ('finalized' in s || 'usurped' in s))

/** Sends statuses in order, skipping a repeated ready/future, pausing after InBlock; ends after a final one. */
function statusSender (subscription: Subscription): (status: TxStatus) => void {
  const queue: TxStatus[] = []
  let last: TxStatus | undefined
  let pausing = false
  const drain = (): void => {
    while (!pausing && queue.length > 0) {
      const status = queue.shift() as TxStatus
      if (typeof status === 'string' && status === last) continue
      last = status
      subscription.send(status)
      if (isFinal(status)) {
        subscription.end()
        return
      }
      if (typeof status === 'object' && 'inBlock' in status) {
        pausing = true
        setTimeout(() => { pausing = false; drain() }, FINALIZED_AFTER_IN_BLOCK_MS)
      }
    }
  }
  return (status) => { queue.push(status); drain() }
}

export const author_submitExtrinsic: Handler = ({ node }, [extrinsic]) =>
  submit((x) => node.submit(x), bytes(extrinsic, 'extrinsic'))

export const author_submitAndWatchExtrinsic: Handler = (ctx, [raw]) => {
  const extrinsic = bytes(raw, 'extrinsic')
  // The node may report statuses while submit() runs, before its hash is known here: keep them until then.
  const early: Array<[string, TxStatus]> = []
  let txHash: string | undefined
  let send: (status: TxStatus) => void = () => {}
  const subscription = follow(ctx, 'author_extrinsicUpdate', 'tx', (_sub, hash, status) => {
    const h = u8aToHex(hash)
    if (txHash === undefined) early.push([h, status])
    else if (h === txHash) send(status)
  })
  txHash = submit((x) => ctx.node.submit(x), extrinsic)
  send = statusSender(subscription)
  const own = early.filter(([h]) => h === txHash).map(([, status]) => status)
  // Substrate's first status is the pool's verdict; the node accepted it, so it is ready unless it said otherwise.
  if (own[0] !== 'ready' && own[0] !== 'future') own.unshift('ready')
  for (const status of own) send(status)
  return subscription.id
}

export const author_unwatchExtrinsic = unsubscriber('author_extrinsicUpdate')

export const author_pendingExtrinsics: Handler = ({ node }) => node.pending().map((x) => u8aToHex(x))

import { u8aToHex } from '@polkadot/util'
import type { ChainNode, SubmitError, TxStatus } from '../../node/types.js'
import { RpcError } from '../errors.js'
import { bytes } from '../params.js'
import type { Connection, Handler, Subscription } from '../types.js'
import { follow, unsubscriber } from './pubsub.js'

/** Substrate's author error messages by code; the node's explanation goes in `data`. */
const POOL_MESSAGES: Record<number, string> = {
  1010: 'Invalid Transaction',
  1011: 'Unknown Transaction Validity',
  1012: 'Transaction is temporarily banned',
  1013: 'Transaction Already Imported',
  1014: 'Priority is too low',
  1015: 'Cycle Detected',
  1016: 'Immediately Dropped'
}

/** How long a client has to show it fetches an InBlock block (a request naming it) before Finalized follows anyway. */
const FETCH_START_MS = 500
/** How long a client that started fetching has to be answered its read of the block's events. */
const FETCH_DONE_MS = 5000
const STORAGE_READS = new Set(['state_getStorage', 'state_getStorageAt', 'state_queryStorageAt'])

/**
 * polkadot-js reads a block and its events when it sees InBlock, and drops that work (rxjs switchMap) if
 * Finalized arrives first: the InBlock status is then never reported. With instant finality both come
 * together, so Finalized waits until the client has been answered a storage read at that block and has
 * processed the answer (a ping round trip), unless it shows no sign of fetching the block at all.
 */
async function inBlockProcessed (connection: Connection, blockHash: string): Promise<void> {
  await new Promise<void>((resolve) => {
    let started = false
    const finish = (): void => {
      clearTimeout(timer)
      stop()
      resolve()
    }
    // Unref'd: a wait left behind by a dropped connection must not keep the process alive.
    let timer = setTimeout(finish, FETCH_START_MS).unref()
    const stop = connection.onReply((method, params) => {
      if (!params.some((p) => typeof p === 'string' && p.toLowerCase() === blockHash)) return
      if (STORAGE_READS.has(method)) finish()
      else if (!started) {
        started = true
        clearTimeout(timer)
        timer = setTimeout(finish, FETCH_DONE_MS).unref()
      }
    })
  })
  await connection.roundTrip(FETCH_DONE_MS)
}

const isSubmitError = (err: unknown): err is SubmitError =>
  err instanceof Error && typeof (err as Partial<SubmitError>).rpcCode === 'number'

async function submit (node: ChainNode, extrinsic: Uint8Array): Promise<string> {
  try {
    return u8aToHex(await node.submit(extrinsic))
  } catch (err) {
    if (!isSubmitError(err)) throw err
    throw new RpcError(err.rpcCode, POOL_MESSAGES[err.rpcCode] ?? err.message, err.message)
  }
}

const isFinal = (s: TxStatus): boolean =>
  s === 'dropped' || s === 'invalid' || (typeof s === 'object' && ('finalized' in s || 'usurped' in s))

/** Sends statuses in order, skipping a repeated ready/future, holding what follows InBlock; ends after a final one. */
function statusSender (subscription: Subscription, connection: Connection): (status: TxStatus) => void {
  const queue: TxStatus[] = []
  let last: TxStatus | undefined
  let holding = false
  const drain = (): void => {
    while (!holding && queue.length > 0) {
      const status = queue.shift() as TxStatus
      if (typeof status === 'string' && status === last) continue
      last = status
      subscription.send(status)
      if (isFinal(status)) {
        subscription.end()
        return
      }
      if (typeof status === 'object' && 'inBlock' in status) {
        holding = true
        void inBlockProcessed(connection, status.inBlock.toLowerCase()).then(() => {
          holding = false
          drain()
        })
      }
    }
  }
  return (status) => {
    queue.push(status)
    drain()
  }
}

export const author_submitExtrinsic: Handler = ({ node }, [extrinsic]) => submit(node, bytes(extrinsic, 'extrinsic'))

export const author_submitAndWatchExtrinsic: Handler = async (ctx, [raw]) => {
  const extrinsic = bytes(raw, 'extrinsic')
  // The node may report statuses while submit() runs, before the hash is known here: keep them until then.
  const early: Array<[string, TxStatus]> = []
  let txHash: string | undefined
  let send: (status: TxStatus) => void = () => {}
  const subscription = follow(ctx, 'author_extrinsicUpdate', 'tx', (_sub, hash, status) => {
    const h = u8aToHex(hash)
    if (txHash === undefined) early.push([h, status])
    else if (h === txHash) send(status)
  })
  txHash = await submit(ctx.node, extrinsic)
  send = statusSender(subscription, ctx.connection)
  const own = early.filter(([h]) => h === txHash).map(([, status]) => status)
  // Substrate's first status is the pool's verdict; the node accepted it, so it is ready unless it said otherwise.
  if (own[0] !== 'ready' && own[0] !== 'future') own.unshift('ready')
  for (const status of own) send(status)
  return subscription.id
}

export const author_unwatchExtrinsic = unsubscriber('author_extrinsicUpdate')

export const author_pendingExtrinsics: Handler = ({ node }) => node.pending().map((x) => u8aToHex(x))

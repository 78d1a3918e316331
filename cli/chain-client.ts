import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
// The typed api (api.query.plans…, api.tx…) comes with the generated augmentation the service module loads.
import type {} from '../service/chain.js'
import type { TxResult } from '../service/tx-queue.js'
import { CliError } from './errors.js'

/**
 * Connects to the chain node, or fails at once with CHAIN_UNREACHABLE. The provider does not reconnect:
 * a command that loses the chain fails (see `onChainLost`) rather than retrying, and logging, forever.
 */
export async function connectToChain (url: string): Promise<ApiPromise> {
  if (!/^wss?:\/\/[^/\s]+/.test(url) || !URL.canParse(url)) throw CliError.USAGE(`--chain takes a ws:// or wss:// URL, not "${url}"`)
  const { connectChain } = await import('../service/chain.js')
  return await connectChain(url, { reconnect: false }).catch((err: Error) => { throw CliError.CHAIN_UNREACHABLE(url, err.message) })
}

/** A promise that rejects with CHAIN_UNREACHABLE when the connection drops, for long-running commands to race against. */
export function onChainLost (api: ApiPromise, url: string): Promise<never> {
  return new Promise((_resolve, reject) => {
    api.once('disconnected', () => reject(CliError.CHAIN_UNREACHABLE(url, 'the connection was lost')))
  })
}

/** The outcome of a submitted extrinsic, or EXTRINSIC_FAILED with the dispatch error's name and meaning. */
export function expectSuccess (call: SubmittableExtrinsic<'promise'>, result: TxResult): TxResult {
  if (result.ok) return result
  throw CliError.EXTRINSIC_FAILED(`${call.method.section}.${call.method.method}`, result.error ?? 'unknown', result.errorDocs ?? null)
}

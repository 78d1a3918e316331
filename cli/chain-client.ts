import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
// The typed api (api.query.plans…, api.tx…) comes with the generated augmentation the service module loads.
import type {} from '../service/chain.js'
import type { TxResult } from '../service/tx-queue.js'
import { CliError } from './errors.js'

/** How long a command waits for the chain to accept the WebSocket connection. */
const CONNECT_TIMEOUT_MS = 10_000

/**
 * Connects to the chain node, or fails at once with CHAIN_UNREACHABLE. The provider does not reconnect:
 * a command that loses the chain fails (see `onChainLost`) rather than retrying, and logging, forever.
 */
export async function connectToChain (url: string): Promise<ApiPromise> {
  if (!/^wss?:\/\/[^/\s]+/.test(url) || !URL.canParse(url)) throw CliError.USAGE(`--chain takes a ws:// or wss:// URL, not "${url}"`)
  const { ApiPromise, WsProvider } = await import('@polkadot/api')
  const provider = new WsProvider(url, false)
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer in ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS)
      provider.on('connected', () => { clearTimeout(timer); resolve() })
      provider.on('error', (err: { message?: string }) => { clearTimeout(timer); reject(new Error(err.message ?? 'connection failed')) })
      provider.connect().catch(reject)
    })
    return await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true })
  } catch (err) {
    await provider.disconnect().catch(() => {})
    throw CliError.CHAIN_UNREACHABLE(url, (err as Error).message)
  }
}

/** A promise that rejects with CHAIN_UNREACHABLE when the connection drops, for long-running commands to race against. */
export function onChainLost (api: ApiPromise, url: string): Promise<never> {
  return new Promise((_resolve, reject) => {
    api.once('disconnected', () => reject(CliError.CHAIN_UNREACHABLE(url, 'the connection was lost')))
  })
}

/** The outcome of a submitted extrinsic, or EXTRINSIC_FAILED with the dispatch error's name and meaning. */
export function expectSuccess (api: ApiPromise, call: SubmittableExtrinsic<'promise'>, result: TxResult): TxResult {
  if (result.ok) return result
  const error = result.error ?? 'unknown'
  const [section, name] = error.split('.')
  const docs = name === undefined ? null : api.errors[section]?.[name]?.meta.docs.map((d) => d.toString()).join(' ') ?? null
  throw CliError.EXTRINSIC_FAILED(`${call.method.section}.${call.method.method}`, error, docs)
}

// The runtime's generated augmentation: typed api.query / api.tx / api.events for datdot's pallets.
import '../chain/interfaces/augment-api.js'
import '../chain/interfaces/types-lookup.js'
import { ApiPromise, WsProvider } from '@polkadot/api'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import type { Logger } from 'pino'

/**
 * Connects to the chain node. The first connection must succeed within `timeoutMs` (a service pointed at the
 * wrong URL fails instead of retrying forever); after that the provider reconnects on its own, unless
 * `reconnect` is false (a command that loses the chain fails rather than waiting).
 */
export async function connectChain (url: string, opts: { timeoutMs?: number, reconnect?: boolean } = {}): Promise<ApiPromise> {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const provider = new WsProvider(url, opts.reconnect === false ? false : undefined)
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs)
      provider.on('connected', () => { clearTimeout(timer); resolve() })
      provider.on('error', (err: { message?: string }) => { clearTimeout(timer); reject(new Error(err.message ?? 'connection failed')) })
      if (opts.reconnect === false) provider.connect().catch(reject)
    })
    return await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true })
  } catch (err) {
    await provider.disconnect().catch(() => {})
    throw err
  }
}

export type BlockHandler = (events: FrameSystemEventRecord[], block: { hash: string, number: number }) => Promise<void>

/**
 * Calls `handler` with the events of every finalized block, one block at a time and in order: blocks the
 * subscription skipped (the service was busy) are fetched, so no event is missed while it runs.
 */
export async function followFinalized (api: ApiPromise, handler: BlockHandler, log: Logger): Promise<() => void> {
  let last = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
  let chain = Promise.resolve()
  const unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    const target = header.number.toNumber()
    chain = chain.then(async () => {
      for (let n = last + 1; n <= target; n++) {
        const hash = (await api.rpc.chain.getBlockHash(n)).toHex()
        const events = await (await api.at(hash)).query.system.events()
        await handler([...events], { hash, number: n }).catch((err) => log.error({ err, block: n }, 'handling a block failed'))
        last = n
      }
    }).catch((err) => log.warn({ err: (err as Error).message }, 'could not read a finalized block; will retry with the next'))
  })
  return unsubscribe
}

/** A watch of the chain's new blocks: `done` resolves true once `test` holds for one, false once stopped first. */
export interface ChainWatch { readonly done: Promise<boolean>, stop (): void }

/** Checks `test` at every new best block (from the next one) until it holds; errors in it count as not yet. */
export function whenChain (api: ApiPromise, test: (block: number) => boolean | Promise<boolean>): ChainWatch {
  let end = (_held: boolean): void => {}
  const done = new Promise<boolean>((resolve) => {
    let unsubscribe: (() => void) | null = null
    let over = false
    end = (held) => {
      if (over) return
      over = true
      unsubscribe?.()
      resolve(held)
    }
    api.rpc.chain.subscribeNewHeads(async (header) => {
      if (!over && await Promise.resolve(test(header.number.toNumber())).catch(() => false)) end(true)
    }).then((u) => { if (over) u(); else unsubscribe = u }, () => end(false))
  })
  return { done, stop: () => end(false) }
}

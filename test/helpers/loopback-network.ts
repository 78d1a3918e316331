import type { TestContext } from 'node:test'
import type { ApiPromise } from '@polkadot/api'
import { startChainProcess } from './chain.js'
import { connectApi } from './api.js'
import { devSpecWith } from './blocks.js'
import { startTestnet } from './network.js'
import { eventLog } from './event-log.js'
import type { EventLog } from './event-log.js'

/** Parameters under which a network on loopback does in seconds what takes hours on a real one. */
export const FAST_PARAMS = { challengePeriod: 8, samples: 4, responseWindow: 12, maxStrikes: 2, performancePeriod: 15, attestersPerCheck: 3, amendmentDeadline: 25, ratioPerMibBlock: '1000' }

export interface LoopbackNetwork {
  readonly api: ApiPromise
  /** Every finalized event since the start. */
  readonly log: EventLog
  /** What services and publishers connect with. */
  readonly common: { chain: string, bootstrap: string[] }
}

/**
 * A chain node (400 ms blocks, FAST_PARAMS with the test's own `params` over them) and a DHT testnet on
 * loopback, torn down when the test ends.
 */
export async function startLoopbackNetwork (t: TestContext, params: Partial<typeof FAST_PARAMS> = {}): Promise<LoopbackNetwork> {
  const spec = devSpecWith(t, (s) => { s.genesis.pallets.params = { ...FAST_PARAMS, ...params } })
  const chain = await startChainProcess(t, { args: ['--block-time', '400', '--chain', spec] })
  const api = await connectApi(t, chain.url)
  const bootstrap = await startTestnet(t)
  return { api, log: await eventLog(api), common: { chain: chain.url, bootstrap } }
}

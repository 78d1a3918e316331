import type { Logger } from 'pino'
import type { ChainSpec } from '../spec/types.js'
import type { ChainNode, Sealing } from './types.js'
import { DevNode } from './node.js'
import { makeTempBase } from './temp-base.js'
import { type RpcServerOptions, startRpcServer } from '../rpc/server.js'
import type { Pruning } from '../db/pruning.js'

/** How the RPC server limits and checks its clients (Substrate's `--rpc-*` flags). */
export type RpcOptions = Pick<RpcServerOptions, 'limits' | 'cors' | 'unsafe'>

export interface StartChainOptions {
  readonly spec: ChainSpec
  /** Where the chain's database lives; null for a throw-away chain in a temp dir, removed on close. */
  readonly basePath: string | null
  readonly host: string
  readonly port: number
  readonly sealing: Sealing
  readonly dev: boolean
  /** `--authority-key FILE`; by default the node's own key in its base path (in the temp dir with --tmp). */
  readonly authorityKeyFile?: string
  readonly rpc?: RpcOptions
  readonly pruning?: Pruning
  readonly logger: Logger
}

export interface RunningChain {
  readonly url: string
  readonly node: ChainNode
  close (): Promise<void>
}

/** Opens the node on its database and serves its RPC; resolves once the RPC accepts connections. */
export async function startChain (opts: StartChainOptions): Promise<RunningChain> {
  const tmp = opts.basePath === null ? makeTempBase() : null
  const removeTmp = (): void => tmp?.remove()
  const node = await DevNode.open({
    spec: opts.spec,
    basePath: tmp?.path ?? opts.basePath,
    sealing: opts.sealing,
    dev: opts.dev,
    authorityKeyFile: opts.authorityKeyFile,
    pruning: opts.pruning,
    log: opts.logger.child({ component: 'node' })
  }).catch((err) => { removeTmp(); throw err })
  let rpc: Awaited<ReturnType<typeof startRpcServer>>
  try {
    rpc = await startRpcServer(node, { ...opts.rpc, host: opts.host, port: opts.port, logger: opts.logger.child({ component: 'rpc' }) })
  } catch (err) {
    await node.close()
    removeTmp()
    throw err
  }
  return {
    url: rpc.url,
    node,
    async close () {
      await rpc.close()
      await node.close()
      removeTmp()
    }
  }
}

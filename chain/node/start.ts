import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { ChainSpec } from '../spec/types.js'
import type { ChainNode, Sealing } from './types.js'
import { DevNode } from './node.js'
import { startRpcServer } from '../rpc/server.js'

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
  readonly logger: Logger
}

export interface RunningChain {
  readonly url: string
  readonly node: ChainNode
  close (): Promise<void>
}

/** Opens the node on its database and serves its RPC; resolves once the RPC accepts connections. */
export async function startChain (opts: StartChainOptions): Promise<RunningChain> {
  const tmp = opts.basePath === null ? mkdtempSync(join(tmpdir(), 'datdot-chain-')) : null
  const removeTmp = () => { if (tmp !== null) rmSync(tmp, { recursive: true, force: true }) }
  const node = await DevNode.open({
    spec: opts.spec,
    basePath: opts.basePath ?? tmp,
    sealing: opts.sealing,
    dev: opts.dev,
    authorityKeyFile: opts.authorityKeyFile,
    log: opts.logger.child({ component: 'node' })
  }).catch((err) => { removeTmp(); throw err })
  let rpc: Awaited<ReturnType<typeof startRpcServer>>
  try {
    rpc = await startRpcServer(node, { host: opts.host, port: opts.port, logger: opts.logger.child({ component: 'rpc' }) })
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

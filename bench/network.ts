// What the end-to-end benchmarks share: a chain node in this process, a DHT testnet, a publisher with a feed,
// and plain hypercore readers in processes of their own for the reference.
import { performance } from 'node:perf_hooks'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { TestContext } from 'node:test'
import { u8aToHex } from '@polkadot/util'
import { pino } from 'pino'
import type Hypercore from 'hypercore'
import { startChain } from '../chain/node/start.js'
import { loadChainSpec } from '../chain/spec/load.js'
import { startTestnet } from '../test/helpers/network.js'
import { killedAtExit } from '../test/helpers/process.js'
import { startPublisher } from '../test/helpers/publisher.js'
import type { TestPublisher } from '../test/helpers/publisher.js'
import { appendBlocks } from '../test/helpers/hypercore.js'
import { positionsOf } from '../service/publisher.js'
import type { HostingMode } from '../service/publisher.js'

const READER = fileURLToPath(new URL('./plain-reader.ts', import.meta.url))
export const BLOCK = 64 * 1024

export interface BenchNetwork {
  /** Stands in for a test context: the test helpers take one only to register their teardown. */
  readonly t: TestContext
  readonly common: { chain: string, bootstrap: string[] }
  readonly pub: TestPublisher
  /** The feed, seeded by the publisher. */
  readonly core: Hypercore
  close (): Promise<void>
}

/** A chain (blocks every `blockTimeMs`, the dev spec's params with `params` over them), a testnet, and a publisher seeding a feed of `blocks` 64 KiB blocks. */
export async function benchNetwork (o: { blocks: number, blockTimeMs: number, params?: Record<string, number | string> }): Promise<BenchNetwork> {
  const cleanups: Array<() => unknown> = []
  const t = { after: (fn: () => unknown) => { cleanups.push(fn) } } as unknown as TestContext
  const spec = loadChainSpec(fileURLToPath(new URL('../chain-spec/dev.json', import.meta.url)))
  if (o.params !== undefined) (spec.genesis.pallets as Record<string, unknown>).params = { ...(spec.genesis.pallets as { params?: object }).params, ...o.params }
  const chain = await startChain({ spec, basePath: null, host: '127.0.0.1', port: 0, sealing: { mode: 'interval', ms: o.blockTimeMs }, dev: true, logger: pino({ level: 'warn' }) })
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn()
    await chain.close()
  }
  try {
    const bootstrap = await startTestnet(t)
    const common = { chain: chain.url, bootstrap }
    const pub = await startPublisher(t, { ...common, uri: '//Alice' })
    const core = await pub.core('bench')
    await appendBlocks(core, o.blocks, BLOCK)
    await pub.network.join(core.key, { server: true, client: false })
    return { t, common, pub, core, close }
  } catch (err) {
    await close()
    throw err
  }
}

/** Seconds for `count` plain reader processes to download the whole feed, from the moment they are told to start. */
export async function plainReplication (core: Hypercore, bootstrap: string[], count: number): Promise<number> {
  const keyHex = u8aToHex(core.key).slice(2)
  // Killed if this process ends first (a reader that hangs must not outlive the bench).
  const readers = Array.from({ length: count }, () => killedAtExit(spawn(process.execPath, ['--import', 'tsx', READER, keyHex, ...bootstrap], { stdio: ['pipe', 'pipe', 'inherit'] })))
  // Taken at once: a reader may exit before anyone would start listening.
  const exited = readers.map((r) => new Promise((resolve) => r.once('exit', resolve)))
  const lines = readers.map((r) => createInterface({ input: r.stdout! })[Symbol.asyncIterator]())
  await Promise.all(lines.map((l) => l.next()))
  const t0 = performance.now()
  for (const r of readers) r.stdin!.write('go\n')
  const done = await Promise.all(lines.map((l) => l.next()))
  const seconds = (performance.now() - t0) / 1000
  for (const d of done) if (d.value !== `done ${core.length}`) throw new Error(`a plain reader did not finish: ${String(d.value)}`)
  await Promise.all(exited)
  return seconds
}

/** Seconds from the publisher's hosting request for `core` to the plan's last HostingStarted. */
export async function timedSetup (pub: TestPublisher, core: Hypercore, mode: HostingMode): Promise<number> {
  let t0 = 0
  pub.publisher.once('requesting', () => { t0 = performance.now() })
  const { planId } = await pub.publisher.publish(core, mode)
  await pub.publisher.hosted(planId, positionsOf(mode))
  if (t0 === 0) throw new Error('the publisher never said it was requesting hosting: nothing was timed')
  return (performance.now() - t0) / 1000
}

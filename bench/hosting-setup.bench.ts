// Time from asking for Replicate{3} of a 256 MiB feed to the third HostingStarted (ours) vs. plain hypercore
// replication of the same feed to three plain readers (reference), in the same run. Hosters, the attester
// and the readers each run in their own process; the publisher seeds from this one.
import { performance } from 'node:perf_hooks'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { TestContext } from 'node:test'
import { u8aToHex } from '@polkadot/util'
import { pino } from 'pino'
import { startChain } from '../chain/node/start.js'
import { loadChainSpec } from '../chain/spec/load.js'
import { startServiceProcess, startTestnet } from '../test/helpers/network.js'
import { startPublisher } from '../test/helpers/publisher.js'
import { appendBlocks } from '../test/helpers/hypercore.js'
import { result } from './result.js'

const BLOCKS = 4096
const BLOCK = 64 * 1024
const BLOCK_TIME_MS = 1000
const READER = fileURLToPath(new URL('./plain-reader.ts', import.meta.url))

export default async function hostingSetup () {
  // The test helpers take a test context only to register their teardown.
  const cleanups: Array<() => unknown> = []
  const t = { after: (fn: () => unknown) => { cleanups.push(fn) } } as unknown as TestContext
  const spec = loadChainSpec(fileURLToPath(new URL('../chain-spec/dev.json', import.meta.url)))
  const chain = await startChain({ spec, basePath: null, host: '127.0.0.1', port: 0, sealing: { mode: 'interval', ms: BLOCK_TIME_MS }, dev: true, logger: pino({ level: 'warn' }) })
  try {
    const bootstrap = await startTestnet(t)
    const common = { chain: chain.url, bootstrap }
    const pub = await startPublisher(t, { ...common, uri: '//Alice' })
    const core = await pub.core('bench')
    await appendBlocks(core, BLOCKS, BLOCK)
    await pub.network.join(core.key, { server: true, client: false })

    const reference = await plainReplication(u8aToHex(core.key).slice(2), bootstrap)

    await Promise.all([0, 1, 2].map((i) => startServiceProcess(t, { ...common, account: `//BenchHoster${i}`, roles: 'hoster', capacity: '1GiB' })))
    await startServiceProcess(t, { ...common, account: '//BenchAttester', roles: 'attester' })
    let t0 = 0
    pub.publisher.once('requesting', () => { t0 = performance.now() })
    const { planId } = await pub.publisher.publish(core, { replicas: 3 })
    await pub.publisher.hosted(planId, 3)
    if (t0 === 0) throw new Error('the publisher never said it was requesting hosting: nothing was timed')
    const ours = (performance.now() - t0) / 1000

    return result({
      name: 'hosting-setup',
      ours,
      reference,
      goal: 1.3,
      goalIs: 'max',
      unit: 's',
      what: `256 MiB feed: requestHosting Replicate{3} to the third HostingStarted (3 hoster processes, an attester, blocks every ${BLOCK_TIME_MS} ms) vs. 3 plain hypercore readers (own processes) downloading it from the publisher`
    })
  } finally {
    for (const fn of cleanups.reverse()) await fn()
    await chain.close()
  }
}

/** Seconds for three plain reader processes to download the whole feed, from the moment they are told to start. */
async function plainReplication (keyHex: string, bootstrap: string[]): Promise<number> {
  const readers = [0, 1, 2].map(() => spawn(process.execPath, ['--import', 'tsx', READER, keyHex, ...bootstrap], { stdio: ['pipe', 'pipe', 'inherit'] }))
  // Taken at once: a reader may exit before anyone would start listening.
  const exited = readers.map((r) => new Promise((resolve) => r.once('exit', resolve)))
  const lines = readers.map((r) => createInterface({ input: r.stdout! })[Symbol.asyncIterator]())
  await Promise.all(lines.map((l) => l.next()))
  const t0 = performance.now()
  for (const r of readers) r.stdin!.write('go\n')
  const done = await Promise.all(lines.map((l) => l.next()))
  const seconds = (performance.now() - t0) / 1000
  for (const d of done) if (d.value !== `done ${BLOCKS}`) throw new Error(`a plain reader did not finish: ${String(d.value)}`)
  await Promise.all(exited)
  return seconds
}

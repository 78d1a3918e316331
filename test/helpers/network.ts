import type { TestContext } from 'node:test'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import createTestnet from 'hyperdht/testnet.js'
import { killedAtExit, stop } from './process.js'
import { devAccount } from './api.js'
import { fundAt } from './faucet.js'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))
const START_TIMEOUT_MS = 60_000

/** A local DHT testnet on loopback (3 nodes), destroyed when the test ends. Returns `host:port` bootstraps. */
export async function startTestnet (t: TestContext): Promise<string[]> {
  const testnet = await createTestnet(3, { host: '127.0.0.1' })
  t.after(() => testnet.destroy())
  return testnet.bootstrap.map((b) => `${b.host}:${b.port}`)
}

export interface ServiceProcess {
  readonly proc: ChildProcess
  readonly storage: string
  readonly address: string
  /** Where it serves Prometheus metrics, if started with `metrics`. */
  readonly metricsPort: number | null
  /** Everything the service logged so far (pino JSON lines). */
  readonly logs: string[]
  kill (signal?: NodeJS.Signals): Promise<void>
  /** Starts the service again on the same storage. */
  restart (): Promise<ServiceProcess>
}

export interface ServiceProcessOptions {
  account: string
  roles: string
  chain: string
  bootstrap: string[]
  capacity?: string
  graceMs?: number
  storage?: string
  /** Serve metrics on a free port. */
  metrics?: boolean
}

/**
 * Runs `datdot service start` as its own process and resolves once it has started (registered, duties
 * rebuilt). Killed (SIGTERM, then SIGKILL after 5 s) and its storage removed when the test ends.
 */
export async function startServiceProcess (t: TestContext, opts: ServiceProcessOptions): Promise<ServiceProcess> {
  await fundAt(t, opts.chain, [devAccount(opts.account).address])
  const storage = opts.storage ?? mkdtempSync(join(tmpdir(), 'datdot-service-'))
  if (opts.storage === undefined) t.after(() => rmSync(storage, { recursive: true, force: true }))
  const args = [BIN, 'service', 'start', '--dev', '--account', opts.account, '--roles', opts.roles, '--chain', opts.chain,
    '--storage', storage, '--capacity', opts.capacity ?? '1GiB', '--grace', String(opts.graceMs ?? 2000),
    ...opts.bootstrap.flatMap((b) => ['--bootstrap', b]), ...(opts.metrics === true ? ['--metrics', '0'] : [])]
  const proc = killedAtExit(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }))
  const logs: string[] = []
  createInterface({ input: proc.stderr! }).on('line', (line) => logs.push(line))
  t.after(() => stop(proc))
  // DATDOT_TEST_LOGS=DIR keeps what each service logged (README).
  if (process.env.DATDOT_TEST_LOGS !== undefined) t.after(() => writeFileSync(join(process.env.DATDOT_TEST_LOGS!, `${opts.account.replace(/\W/g, '')}-${proc.pid}.log`), logs.join('\n')))
  let metricsPort: number | null = null
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service ${opts.account} did not start in ${START_TIMEOUT_MS} ms:\n${logs.slice(-20).join('\n')}`)), START_TIMEOUT_MS)
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const m = /^datdot service: started as (\S+)(?: \(metrics on 127\.0\.0\.1:(\d+)\))?/.exec(line)
      if (m) {
        clearTimeout(timer)
        metricsPort = m[2] === undefined ? null : Number(m[2])
        resolve(m[1])
      }
    })
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`service ${opts.account} exited (${code}):\n${logs.slice(-20).join('\n')}`)) })
  })
  return {
    proc,
    storage,
    address,
    metricsPort,
    logs,
    kill: (signal = 'SIGTERM') => stop(proc, signal),
    restart: async () => {
      await stop(proc)
      return startServiceProcess(t, { ...opts, storage })
    }
  }
}



import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { TestContext } from 'node:test'
import { fileURLToPath } from 'node:url'
import { killedAtExit, running, stop } from './process.js'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))
const SEALING_FLAGS = ['--instant', '--manual-seal', '--block-time']
const START_TIMEOUT_MS = 30_000
/** How much of the node's stderr (its logs) to keep for error messages. */
const STDERR_TAIL = 8_000

export interface ChainProcess {
  /** The WebSocket endpoint the node printed (a new one after restart()). */
  readonly url: string
  readonly proc: ChildProcess
  readonly basePath: string
  /** Sends `signal` (SIGTERM by default) and waits for the exit, with SIGKILL after 5 s. */
  kill (signal?: NodeJS.Signals): Promise<void>
  /** Stops the node if it runs and starts it again on the same base path; resolves with the new url. */
  restart (): Promise<string>
  /** The end of what the running node wrote to stderr (its logs). */
  stderr (): string
}

export interface ChainProcessOptions {
  /** Extra `datdot chain start` arguments. */
  args?: string[]
  /** A base path of the caller's, kept after the test (default: a temp dir, removed after the test). */
  basePath?: string
  /** Start with `--dev` (the default); false runs a node as an operator would, without dev RPCs. */
  dev?: boolean
  /** Start with `--tmp` (the node's own temp base path) instead of `--base-path`. */
  tmp?: boolean
  /** The node's environment (default: this process's). */
  env?: NodeJS.ProcessEnv
}

/**
 * Runs `datdot chain start --dev --port 0 --base-path <dir>` plus `opts.args` (`--manual-seal` unless
 * they choose another sealing, which a node without `--dev` must) and resolves once it prints its endpoint. When the test ends the node must
 * stop cleanly on SIGTERM (exit 0).
 */
export async function startChainProcess (t: TestContext, opts: ChainProcessOptions = {}): Promise<ChainProcess> {
  const ownDir = opts.basePath === undefined
  const basePath = opts.basePath ?? mkdtempSync(join(tmpdir(), 'datdot-test-chain-'))
  const removeDir = (): void => { if (ownDir) rmSync(basePath, { recursive: true, force: true }) }
  const extra = opts.args ?? []
  const sealing = extra.some(a => SEALING_FLAGS.some(f => a === f || a.startsWith(`${f}=`))) ? [] : ['--manual-seal']
  const dev = opts.dev === false ? [] : ['--dev']
  const base = opts.tmp === true ? ['--tmp'] : ['--base-path', basePath]
  const args = [BIN, 'chain', 'start', ...dev, '--port', '0', ...base, ...sealing, ...extra]
  let current = await launch(args, opts.env).catch(err => { removeDir(); throw err })
  t.after(async () => {
    try {
      if (running(current.proc)) await stopCleanly(current)
    } finally {
      removeDir()
    }
  })
  return {
    get url () { return current.url },
    get proc () { return current.proc },
    basePath,
    kill: (signal = 'SIGTERM') => stop(current.proc, signal),
    stderr: () => current.stderr(),
    async restart () {
      await stop(current.proc, 'SIGTERM')
      current = await launch(args, opts.env)
      return current.url
    }
  }
}

interface Started {
  url: string
  proc: ChildProcess
  /** The last STDERR_TAIL characters the node wrote to stderr. */
  stderr (): string
}

function launch (args: string[], env?: NodeJS.ProcessEnv): Promise<Started> {
  const proc = killedAtExit(spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env }))
  let tail = ''
  // Keep reading stderr for the process's whole life: a full pipe would block the node.
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => { tail = (tail + chunk).slice(-STDERR_TAIL) })
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer)
      proc.off('exit', onExit)
      proc.kill('SIGKILL')
      reject(new Error(`datdot chain start ${why}\n--- its stderr ---\n${tail}`))
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(`exited (${signal ?? `code ${code}`}) before printing its endpoint`)
    const timer = setTimeout(() => fail(`printed no endpoint within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS)
    proc.once('exit', onExit)
    createInterface({ input: proc.stdout }).on('line', line => {
      const m = /^datdot chain: listening on (ws:\/\/\S+)$/.exec(line)
      if (m === null) return
      clearTimeout(timer)
      proc.off('exit', onExit)
      resolve({ url: m[1], proc, stderr: () => tail })
    })
  })
}

async function stopCleanly ({ proc, stderr }: Started): Promise<void> {
  await stop(proc, 'SIGTERM')
  if (proc.exitCode !== 0) {
    const how = proc.exitCode !== null ? `exited with code ${proc.exitCode}` : `was ended by ${proc.signalCode}`
    throw new Error(`datdot chain start ${how} on SIGTERM instead of stopping cleanly\n--- its stderr ---\n${stderr()}`)
  }
}



import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliRunOptions {
  /** Killed (and the test failed) after this long; 60 s by default (a loaded 2-core machine needs it). */
  timeoutMs?: number
  /** On top of the environment. */
  env?: NodeJS.ProcessEnv
  /** Leave out the environment's DATDOT_* settings, so that only `env` configures the command. */
  cleanEnv?: boolean
  /** Written to the command's stdin. */
  input?: string
}

/** Runs the real `datdot` command as a subprocess; it is killed (and the test fails) after `timeoutMs`. */
export function datdot (args: string[], opts: CliRunOptions = {}): Promise<CliRun> {
  const base = opts.cleanEnv === true ? Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DATDOT_'))) : process.env
  const proc = spawn(process.execPath, [BIN, ...args], { stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: { ...base, ...opts.env } })
  proc.stdin?.end(opts.input)
  let stdout = ''
  let stderr = ''
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout += s })
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s })
  const timeoutMs = opts.timeoutMs ?? 60_000
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`datdot ${args.join(' ')} did not exit in ${timeoutMs} ms\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`))
    }, timeoutMs)
    proc.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** The JSON a successful `--json` run printed; fails with the run's output otherwise. */
export function jsonOf<T = any> (run: CliRun): T {
  if (run.code !== 0) throw new Error(`exit ${run.code}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`)
  return JSON.parse(run.stdout) as T
}

import type { ChildProcess } from 'node:child_process'

const KILL_AFTER_MS = 5_000

/**
 * Processes the tests started that still run. The test runner ends a test file that times out with SIGTERM,
 * and its teardown never runs: they are killed then, and on any other exit, so that none outlives its test.
 */
const live = new Set<ChildProcess>()

const killLive = (): void => { for (const proc of live) proc.kill('SIGKILL') }
process.once('exit', killLive)
process.once('SIGTERM', () => { killLive(); process.exit(143) })

/** Kills `proc` when this test process ends, however it ends. */
export function killedAtExit<P extends ChildProcess> (proc: P): P {
  live.add(proc)
  proc.once('exit', () => live.delete(proc))
  return proc
}

export function running (proc: ChildProcess): boolean {
  return proc.exitCode === null && proc.signalCode === null
}

/** Sends `signal` and waits for the exit, with SIGKILL after 5 s. */
export async function stop (proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!running(proc)) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill(signal)
  const timer = setTimeout(() => proc.kill('SIGKILL'), KILL_AFTER_MS)
  await exited
  clearTimeout(timer)
}

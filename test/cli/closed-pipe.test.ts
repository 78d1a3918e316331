// A reader that closes the pipe (`datdot … | head -3`) ends a command quietly: no EPIPE stack trace, exit 0;
// a command that runs until stopped shuts down as on SIGTERM.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))

/** Runs datdot with its stdout closed before it writes; resolves with its exit code and what it wrote to stderr. */
async function withClosedStdout (t: import('node:test').TestContext, args: string[]): Promise<{ code: number | null, stderr: string }> {
  const proc = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  t.after(() => { if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL') })
  proc.stdout.destroy()
  let stderr = ''
  proc.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const [code] = await once(proc, 'exit') as [number | null]
  return { code, stderr }
}

for (const [what, args] of [
  ['a command that prints and ends', ['publish', '--help']],
  ['a command that runs until stopped', ['dht', '--port', '0']]
] as const) {
  test(`${what} exits 0 without a stack trace when its reader is gone`, async (t) => {
    const { code, stderr } = await withClosedStdout(t, [...args])
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|\n +at /, 'no error and no stack trace')
    assert.equal(code, 0)
  })
}

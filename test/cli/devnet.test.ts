import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { datdot } from './run-datdot.js'
import { killedAtExit } from '../helpers/process.js'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))
/** The goal is 60 s on an idle 2-core machine; CI runs other test files beside this one. */
const UP_TIMEOUT_MS = 240_000
const UP_LINE = /^datdot devnet: all 3 hosters hosting; challenges passing \(up in ([\d.]+) s\)$/

interface Devnet {
  readonly proc: ChildProcess
  readonly lines: string[]
  readonly stderr: () => string
  readonly exit: Promise<number | null>
  /** Resolves with the first stdout line matching `re`, rejects after `ms` or when the devnet exits first. */
  line (re: RegExp, ms: number): Promise<RegExpExecArray>
}

/**
 * Runs `datdot devnet` with a --dir of the test's own. When the test ends, whatever is left of it is killed:
 * the devnet, and every process its pids file lists (with their process groups).
 */
function startDevnet (t: TestContext, args: string[], dir: string): Devnet {
  const proc = killedAtExit(spawn(process.execPath, [BIN, 'devnet', '--dir', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }))
  const lines: string[] = []
  const waiters = new Set<() => void>()
  let stderr = ''
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  createInterface({ input: proc.stdout! }).on('line', (l) => {
    lines.push(l)
    for (const w of waiters) w()
  })
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => { for (const w of waiters) w(); resolve(code) }))
  t.after(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
    for (const pid of listedPids(dir)) try { process.kill(-pid, 'SIGKILL') } catch {}
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    proc,
    lines,
    stderr: () => stderr,
    exit,
    line (re, ms) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = lines.map((l) => re.exec(l)).find((x) => x !== null)
          if (m !== undefined) done(() => resolve(m))
          else if (proc.exitCode !== null || proc.signalCode !== null) done(() => reject(new Error(`the devnet exited before printing ${re}:\n${lines.join('\n')}\n${stderr}`)))
        }
        const done = (settle: () => void): void => { clearTimeout(timer); waiters.delete(check); settle() }
        const timer = setTimeout(() => done(() => reject(new Error(`no ${re} within ${ms} ms:\n${lines.join('\n')}\n${stderr}`))), ms)
        waiters.add(check)
        check()
      })
    }
  }
}

function listedPids (dir: string): number[] {
  const file = join(dir, 'pids')
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => Number(l.split(' ')[0]))
}

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}


test('datdot devnet --help lists every option', async () => {
  const { code, stdout } = await datdot(['devnet', '--help'])
  assert.equal(code, 0)
  for (const option of ['--hosters <n>', '--attesters <n>', '--encoders <n>', '--erasure <k+m>', '--block-time <ms>', '--feed <path>', '--dir <dir>']) assert.ok(stdout.includes(option), `${option} in:\n${stdout}`)
})

test('datdot devnet: a command line it cannot run exits 2', async () => {
  for (const args of [['--hosters', '0'], ['--attesters', 'two'], ['--block-time', '5'], ['--no-such-option'],
    ['--erasure', 'two'], ['--erasure', '3+1'], ['--erasure', '2+1', '--encoders', '1']]) {
    const { code, stderr } = await datdot(['devnet', ...args])
    assert.equal(code, 2, `devnet ${args.join(' ')}: ${stderr}`)
    assert.match(stderr, /^error \[USAGE\]: /)
  }
})

test('datdot devnet: a missing --feed path fails before anything starts', async () => {
  const { code, stderr } = await datdot(['devnet', '--feed', '/no/such/file'])
  assert.equal(code, 1)
  assert.match(stderr, /^error \[PATH_NOT_FOUND\]: no file or directory at \/no\/such\/file/)
})

test('datdot devnet: 3 hosters hosting with challenges passing, then Ctrl-C stops every process', { timeout: UP_TIMEOUT_MS + 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-devnet-test-'))
  const started = Date.now()
  const devnet = startDevnet(t, ['--hosters', '3'], dir)
  const [, upIn] = await devnet.line(UP_LINE, UP_TIMEOUT_MS)
  t.diagnostic(`all hosting, challenges passing: ${((Date.now() - started) / 1000).toFixed(1)} s after spawn (the devnet says ${upIn} s)`)
  for (const uri of ['//Bob', '//Charlie', '//Dave']) assert.ok(devnet.lines.some((l) => l.startsWith(`datdot devnet: ${uri} hosting (plan 0`)), `${uri} hosting`)
  assert.ok(devnet.lines.some((l) => /^datdot devnet: \/\/\w+ passed a storage challenge/.test(l)))
  await devnet.line(/^datdot devnet: use it from other terminals: export DATDOT_CHAIN=ws:\/\/127\.0\.0\.1:\d+ DATDOT_BOOTSTRAP=127\.0\.0\.1:\d+$/, 5_000)

  const pids = listedPids(dir)
  assert.equal(pids.length, 7, 'chain, DHT, 3 hosters, 2 attesters')
  const stopAsked = Date.now()
  devnet.proc.kill('SIGINT')
  assert.equal(await devnet.exit, 0, devnet.stderr())
  t.diagnostic(`stopped in ${((Date.now() - stopAsked) / 1000).toFixed(1)} s`)
  assert.deepEqual(pids.filter(alive), [], 'no process of the devnet is left')
  assert.equal(devnet.lines.at(-1), 'datdot devnet: stopped')
  assert.ok(existsSync(join(dir, 'logs', 'chain.log')), 'a --dir is kept')
})

test('datdot devnet --erasure 2+1: two encoders code the feed, three hosters keep a slot each, challenges pass', { timeout: UP_TIMEOUT_MS + 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-devnet-test-'))
  const devnet = startDevnet(t, ['--erasure', '2+1', '--attesters', '1'], dir)
  await devnet.line(UP_LINE, UP_TIMEOUT_MS)
  assert.ok(devnet.lines.some((l) => l.includes('//Alice asks for 2+1 erasure slots')))
  assert.equal(devnet.lines.filter((l) => /^datdot devnet: encoder \/\/\S+ started as/.test(l)).length, 2, 'two encoders by default with --erasure')
  const pids = listedPids(dir)
  assert.equal(pids.length, 8, 'chain, DHT, 3 hosters, an attester, 2 encoders')
  devnet.proc.kill('SIGINT')
  assert.equal(await devnet.exit, 0, devnet.stderr())
  assert.deepEqual(pids.filter(alive), [], 'no process of the devnet is left')
})

test('datdot devnet: a part that fails to start stops everything; its log is shown; exit 1', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-devnet-test-'))
  // The hoster's storage directory cannot be made: a file is in the way.
  mkdirSync(join(dir, 'services'), { recursive: true })
  writeFileSync(join(dir, 'services', 'hoster-Bob'), '')
  const devnet = startDevnet(t, ['--hosters', '1', '--attesters', '1'], dir)
  assert.equal(await devnet.exit, 1)
  assert.match(devnet.stderr(), /--- last lines of .*hoster-Bob\.log ---\n[^]*EEXIST/)
  assert.match(devnet.stderr(), /^error \[DEVNET_PART_FAILED\]: the devnet's hoster \/\/Bob failed: .*\(its log: .*hoster-Bob\.log\)$/m)
  const pids = listedPids(dir)
  assert.ok(pids.length >= 3, 'the chain and the DHT had started')
  assert.deepEqual(pids.filter(alive), [], 'no process of the devnet is left')
})

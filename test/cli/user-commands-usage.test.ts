import { describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { datdot } from './run-datdot.js'

// Usage errors and local checks of publish, unpublish, status and challenges: none of these needs a chain.
const dir = mkdtempSync(join(tmpdir(), 'datdot-cli-usage-'))
test.after(() => rmSync(dir, { recursive: true, force: true }))
const DEV = ['--dev', '--account', '//Alice', '--bootstrap', '127.0.0.1:1', '--storage', dir]
const file = join(dir, 'file.txt')
writeFileSync(file, 'some data')

describe('--help lists every option and an example', { concurrency: 2 }, () => {
  const commands: Record<string, string[]> = {
    publish: ['--replicas <n>', '--erasure <k+m>', '--ranges <a-b,…>', '--wait', '--storage <dir>', '--chain <url>', '--bootstrap <host:port>', '--json', '--account <uri>'],
    unpublish: ['--chain <url>', '--json', '--account <uri>'],
    status: ['--chain <url>', '--json'],
    challenges: ['--hoster <account>', '--recent <blocks>', '--chain <url>', '--json']
  }
  for (const [command, options] of Object.entries(commands)) {
    it(command, async () => {
      const { code, stdout } = await datdot([command, '--help'])
      assert.equal(code, 0)
      for (const option of options) assert.match(stdout, new RegExp(`^  ${option.replace(/[+]/g, '\\+')} +\\S`, 'm'), option)
      assert.match(stdout, /^Exam?ples?:\n  datdot /m, 'an example')
    })
  }
})

describe('a command line that cannot run exits 2 with one line', { concurrency: 2 }, () => {
  const cases: Array<[string[], RegExp]> = [
    [['publish', '--erasure', '4x2', 'file'], /\[USAGE\].*"4x2" is not K\+M/],
    [['publish', '--erasure', '0+2', 'file'], /\[USAGE\].*"0\+2" is not K\+M/],
    [['publish', '--ranges', '10-20,15-30', 'file'], /\[USAGE\].*"10-20,15-30" is not a list of block ranges/],
    [['publish', '--ranges', '5-5', 'file'], /\[USAGE\].*"5-5" is not a list of block ranges/],
    [['publish', '--replicas', '2', '--erasure', '4+2', file, ...DEV], /\[USAGE\].*'--replicas <n>' cannot be used with option '--erasure <k\+m>'/],
    [['publish', '--erasure', '4+2', '--ranges', '0-10', file, ...DEV], /\[USAGE\].*'--ranges <a-b,…>' cannot be used with option '--erasure <k\+m>'/],
    [['publish', '--replicas', '0', 'file'], /\[USAGE\].*replicas must be an integer from 1/],
    [['publish', ...DEV], /\[USAGE\].*missing required argument 'source'/],
    [['publish', 'abcdef0123456789abcdef0123456789abcdef', ...DEV], /\[BAD_KEY\]: "abcdef0123456789abcdef0123456789abcdef" is not a hypercore key/],
    [['publish', file, '--bootstrap', '127.0.0.1:1', '--storage', dir], /\[USAGE\]: say whose keys to use/],
    [['unpublish'], /\[USAGE\].*missing required argument 'plan'/],
    [['unpublish', 'seven', '--dev', '--account', '//Alice'], /\[USAGE\].*"seven" is not a plan id/],
    [['status', '7'], /\[USAGE\].*"7" names no plan or feed: write plan:ID, feed:ID/],
    [['status', '--chain', 'localhost:9944'], /\[USAGE\]: --chain takes a ws:\/\/ or wss:\/\/ URL/],
    [['challenges', '--recent', 'many'], /\[USAGE\].*recent must be an integer/]
  ]
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const { code, stdout, stderr } = await datdot(args)
      assert.equal(code, 2, stderr)
      assert.equal(stdout, '')
      assert.match(stderr, /^error \[[A-Z_]+\]: [^\n]+\n$/)
      assert.match(stderr, message)
    })
  }
})

test('errors found before connecting: a path that does not exist; a chain that does not answer', { concurrency: true }, async (t) => {
  await t.test('path not found', async () => {
    const missing = join(dir, 'missing.bin')
    const { code, stderr } = await datdot(['publish', missing, ...DEV])
    assert.equal(code, 1)
    assert.equal(stderr, `error [PATH_NOT_FOUND]: no file or directory at ${missing} (give a file, a directory or the 64-hex key of a hypercore)\n`)
  })
  await t.test('chain unreachable', async () => {
    const { code, stdout, stderr } = await datdot(['status', '--chain', 'ws://127.0.0.1:1'])
    assert.equal(code, 1)
    assert.equal(stdout, '')
    assert.match(stderr, /^error \[CHAIN_UNREACHABLE\]: cannot reach the chain at ws:\/\/127\.0\.0\.1:1: .*ECONNREFUSED.* \(start a node \(datdot chain start\) or pass --chain ws:\/\/HOST:PORT\)\n$/)
  })
})

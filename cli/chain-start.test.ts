import { describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { startChainProcess } from '../test/helpers/chain.js'
import { datdot } from '../test/cli/run-datdot.js'



test('--help describes every option', async () => {
  const { code, stdout } = await datdot(['chain', 'start', '--help'])
  assert.equal(code, 0)
  for (const option of ['--dev', '--chain <file>', '--base-path <dir>', '--tmp', '--host <addr>', '--port <n>', '--block-time <ms>', '--instant', '--manual-seal',
    '--rpc-max-connections <n>', '--rpc-max-request-size <MiB>', '--rpc-max-response-size <MiB>', '--rpc-max-batch-request-len <n>',
    '--rpc-max-subscriptions-per-connection <n>', '--rpc-cors <origins>', '--rpc-methods <which>', '--state-pruning <n|archive>', '--blocks-pruning <n|archive>']) {
    assert.match(stdout, new RegExp(`^  ${option} +\\S`, 'm'), option)
  }
})

describe('a command line that cannot run exits 2 with one usage line', { concurrency: true }, () => {
  const cases: Array<[string[], RegExp]> = [
    [['--instant', '--manual-seal', '--dev'], /'--instant' cannot be used with option '--manual-seal'/],
    [['--instant', '--block-time', '100'], /'--instant' cannot be used with option '--block-time/],
    [['--manual-seal', '--block-time', '100', '--dev'], /'--manual-seal' cannot be used with option '--block-time/],
    [['--tmp', '--base-path', '/tmp/x'], /'--base-path <dir>' cannot be used with option '--tmp'/],
    [['--port', '65536'], /port must be an integer from 0 to 65535/],
    [['--port', '-1'], /port must be an integer from 0 to 65535/],
    [['--block-time', '0'], /block time must be an integer from 1/],
    [['--manual-seal'], /--manual-seal needs --dev/],
    [['--rpc-methods', 'all'], /option '--rpc-methods <which>' argument 'all' is invalid. Allowed choices are auto, safe, unsafe/],
    [['--rpc-max-connections', '0'], /connection count must be an integer from 1/],
    [['--rpc-max-response-size', '1.5'], /response size must be an integer from 1 to 4096/],
    [['--rpc-max-batch-request-len', '-3'], /batch length must be an integer from 1/],
    [['--state-pruning', '0'], /--state-pruning takes a number of blocks \(1 or more\), archive or archive-canonical/],
    [['--blocks-pruning', 'some'], /--blocks-pruning takes a number of blocks \(1 or more\), archive or archive-canonical/],
    [['--no-such-option'], /unknown option '--no-such-option'/]
  ]
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const { code, stdout, stderr } = await datdot(['chain', 'start', ...args])
      assert.equal(code, 2, stderr)
      assert.equal(stdout, '')
      assert.match(stderr, /^error \[USAGE\]: .+ \(add --help for usage\)\n$/)
      assert.match(stderr, message)
    })
  }
})

test('datdot without a command prints its usage and exits 2', async () => {
  const { code, stderr } = await datdot([])
  assert.equal(code, 2)
  assert.match(stderr, /^Usage: datdot /)
})

test('a missing or bad chain spec exits 1 with its code, file and field', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-cli-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))

  const missing = join(dir, 'missing.json')
  const notFound = await datdot(['chain', 'start', '--chain', missing])
  assert.equal(notFound.code, 1)
  assert.equal(notFound.stderr, `error [CHAIN_SPEC_NOT_FOUND]: ${missing}: no such file (--chain takes the path of a chain spec JSON file)\n`)

  const bad = join(dir, 'bad.json')
  writeFileSync(bad, JSON.stringify({ name: 'x' }))
  const invalid = await datdot(['chain', 'start', '--chain', bad])
  assert.equal(invalid.code, 1)
  assert.match(invalid.stderr, /^error \[CHAIN_SPEC_INVALID\]: .*bad\.json: \$\.id is missing \(.*\)\n$/)
})

test('the node prints a reachable endpoint, stops with exit 0 on SIGINT and restarts on its base path', async t => {
  const chain = await startChainProcess(t)
  const port = Number(new URL(chain.url).port)
  assert.ok(port > 0, `--port 0 printed the real port: ${chain.url}`)
  await connects(chain.url)

  await chain.kill('SIGINT')
  assert.equal(chain.proc.exitCode, 0)

  await connects(await chain.restart())
})

async function connects (url: string): Promise<void> {
  const ws = new WebSocket(url)
  await new Promise((resolve, reject) => { ws.once('open', resolve).once('error', reject) })
  ws.close()
}

import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { loadConfig } from './config.js'
import { bootstrapOption, chainOption } from './connection-options.js'

/** Points DATDOT_CONFIG at a file holding `content` for the rest of the test. */
function configFile (t: TestContext, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-config-'))
  const path = join(dir, 'config.json')
  writeFileSync(path, content)
  const before = { config: process.env.DATDOT_CONFIG, chain: process.env.DATDOT_CHAIN, bootstrap: process.env.DATDOT_BOOTSTRAP }
  process.env.DATDOT_CONFIG = path
  delete process.env.DATDOT_CHAIN
  delete process.env.DATDOT_BOOTSTRAP
  t.after(() => {
    for (const [key, value] of [['DATDOT_CONFIG', before.config], ['DATDOT_CHAIN', before.chain], ['DATDOT_BOOTSTRAP', before.bootstrap]] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    rmSync(dir, { recursive: true, force: true })
  })
  return path
}

/** What a command with the connection options gets from this command line. */
function parse (args: string[]): { chain: string, bootstrap: string[] } {
  let flags: { chain: string, bootstrap: string[] } | null = null
  new Command().exitOverride().addOption(chainOption()).addOption(bootstrapOption())
    .action((f: { chain: string, bootstrap: string[] }) => { flags = f })
    .parse(['node', 'datdot', ...args])
  return flags!
}

test('connection options: the flag, else the environment, else the config file, else the default', (t) => {
  configFile(t, JSON.stringify({ chain: 'ws://from-config:1', bootstrap: ['10.0.0.1:49737', '10.0.0.2:49737'] }))
  assert.deepEqual(parse([]), { chain: 'ws://from-config:1', bootstrap: ['10.0.0.1:49737', '10.0.0.2:49737'] })
  process.env.DATDOT_CHAIN = 'ws://from-env:2'
  process.env.DATDOT_BOOTSTRAP = '10.0.0.3:1,10.0.0.4:2'
  assert.deepEqual(parse([]), { chain: 'ws://from-env:2', bootstrap: ['10.0.0.3:1', '10.0.0.4:2'] })
  assert.deepEqual(parse(['--chain', 'ws://flag:3', '--bootstrap', '10.0.0.5:3', '--bootstrap', '10.0.0.6:4']), { chain: 'ws://flag:3', bootstrap: ['10.0.0.5:3', '10.0.0.6:4'] })
})

test('with no config file, --bootstrap is required and --chain defaults to the local node', (t) => {
  const path = configFile(t, '{}')
  rmSync(path)
  assert.throws(() => loadConfig(), /CONFIG_INVALID|no such file/, 'a named config file that is missing is an error')
  process.env.DATDOT_CONFIG = ''
  process.env.XDG_CONFIG_HOME = join(tmpdir(), 'datdot-no-config-here')
  t.after(() => { delete process.env.XDG_CONFIG_HOME })
  assert.throws(() => parse([]), /required option '--bootstrap <host:port>' not specified/)
  assert.equal(parse(['--bootstrap', '127.0.0.1:1']).chain, 'ws://127.0.0.1:9944')
})

test('a config file that cannot be used is an error with its path, never ignored', (t) => {
  for (const [content, reason] of [
    ['{ not json', /cannot use the config file .*config\.json/],
    ['[]', /must hold a JSON object/],
    ['{"chian": "ws://x"}', /unknown key "chian"/],
    ['{"bootstrap": "127.0.0.1:1"}', /"bootstrap" has the wrong type/]
  ] as const) {
    configFile(t, content)
    assert.throws(() => loadConfig(), (err: Error & { code?: string }) => err.code === 'CONFIG_INVALID' && reason.test(err.message), content)
  }
})

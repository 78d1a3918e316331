import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChainProcess } from '../helpers/chain.js'
import { datdot } from './run-datdot.js'

test('a service that cannot start says why and exits instead of lingering', async (t) => {
  const chain = await startChainProcess(t)
  const dir = mkdtempSync(join(tmpdir(), 'datdot-service-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const notADirectory = join(dir, 'file')
  writeFileSync(notADirectory, 'x')
  const run = await datdot(['service', 'start', '--dev', '--account', '//Bob', '--roles', 'hoster', '--storage', notADirectory,
    '--chain', chain.url, '--bootstrap', '127.0.0.1:1'], { timeoutMs: 30_000 })
  assert.equal(run.code, 1)
  assert.match(run.stderr, /^error \[EEXIST\]: .*mkdir '.*file'/m, 'the storage path is a file: the service says so')

  await t.test('an account without ratio for its registration fees is told how to get some', async () => {
    const run = await datdot(['service', 'start', '--dev', '--account', '//NewHoster', '--roles', 'hoster,attester', '--storage', join(dir, 'new'),
      '--chain', chain.url, '--bootstrap', '127.0.0.1:1'], { timeoutMs: 30_000 })
    assert.equal(run.code, 1)
    assert.match(run.stderr, /^error \[NO_RATIO\]: the account 5\w+ holds 0 ratio; registering its roles costs [1-9]\d* in fees \(have ratio transferred to it first: datdot wallet transfer 5\w+ 100 --identity FUNDED/m)
  })
})

test('service start: unknown roles and dev URIs without --dev are usage errors', async () => {
  const base = ['service', 'start', '--storage', '/tmp/x', '--bootstrap', '127.0.0.1:1']
  const roles = await datdot([...base, '--dev', '--account', '//Bob', '--roles', 'hoster,miner'])
  assert.equal(roles.code, 2)
  assert.match(roles.stderr, /--roles takes hoster, encoder, attester; not: miner/)
  const dev = await datdot([...base, '--account', '//Bob', '--roles', 'hoster'])
  assert.equal(dev.code, 2)
  assert.match(dev.stderr, /--dev/)
})

test('a service pointed at no chain fails with CHAIN_UNREACHABLE instead of retrying forever', async () => {
  const run = await datdot(['service', 'start', '--dev', '--account', '//Bob', '--roles', 'hoster', '--storage', '/tmp/datdot-never-used',
    '--chain', 'ws://127.0.0.1:1', '--bootstrap', '127.0.0.1:2'], { timeoutMs: 30_000 })
  assert.equal(run.code, 1)
  assert.match(run.stderr, /^error \[CHAIN_UNREACHABLE\]: cannot reach the chain at ws:\/\/127\.0\.0\.1:1/m)
})

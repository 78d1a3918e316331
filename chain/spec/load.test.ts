import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady, encodeAddress, decodeAddress } from '@polkadot/util-crypto'
import { ChainSpecError, loadChainSpec } from './load.js'

const DEV = new URL('../../chain-spec/dev.json', import.meta.url).pathname
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'

test('dev.json gives the well-known dev accounts their ratio and Alice sudo', async () => {
  await cryptoWaitReady()
  const spec = loadChainSpec(DEV)
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
  const expected = Object.fromEntries(names.map(n => [keyring.addFromUri(`//${n}`).address, '1000000']))
  assert.deepEqual(spec.genesis.accounts, expected)
  assert.equal(spec.genesis.sudo, keyring.addFromUri('//Alice').address)
  assert.equal(spec.id, 'datdot_dev')
  assert.equal(spec.blockTime, 6000)
  assert.deepEqual(spec.properties, { ss58Format: 42, tokenSymbol: 'RATIO', tokenDecimals: 0 })
})

/** Each case edits a copy of dev.json; the loader must name the bad field. */
const bad: Array<[string, (spec: any) => void, string]> = [
  ['zero block time', s => { s.blockTime = 0 }, '$.blockTime'],
  ['fractional block time', s => { s.blockTime = 1.5 }, '$.blockTime'],
  ['block time as a string', s => { s.blockTime = '6000' }, '$.blockTime'],
  ['misspelt field', s => { s.blocktime = s.blockTime; delete s.blockTime }, '$.blocktime'],
  ['missing field', s => { delete s.genesis.randomnessSeed }, '$.genesis.randomnessSeed'],
  ['unknown chain type', s => { s.chainType = 'Dev' }, '$.chainType'],
  ['id unsafe as a directory name', s => { s.id = '../x' }, '$.id'],
  ['empty name', s => { s.name = '' }, '$.name'],
  ['ss58 format out of range', s => { s.properties.ss58Format = 20000 }, '$.properties.ss58Format'],
  ['bad authority seed', s => { s.authoritySeed = 'not a / seed' }, '$.authoritySeed'],
  ['sudo not an address', s => { s.genesis.sudo = 'alice' }, '$.genesis.sudo'],
  ['sudo in another SS58 format', s => { s.genesis.sudo = encodeAddress(decodeAddress(ALICE), 0) }, '$.genesis.sudo'],
  ['account key not an address', s => { s.genesis.accounts.bob = '1' }, '$.genesis.accounts.bob'],
  ['negative ratio', s => { s.genesis.accounts[ALICE] = '-1' }, `$.genesis.accounts["${ALICE}"]`],
  ['ratio as a number', s => { s.genesis.accounts[ALICE] = 1000000 }, `$.genesis.accounts["${ALICE}"]`],
  ['ratio with leading zero', s => { s.genesis.accounts[ALICE] = '01' }, `$.genesis.accounts["${ALICE}"]`],
  ['ratio above u128', s => { s.genesis.accounts[ALICE] = (1n << 128n).toString() }, `$.genesis.accounts["${ALICE}"]`],
  ['accounts as an array', s => { s.genesis.accounts = [] }, '$.genesis.accounts'],
  ['pallets missing', s => { delete s.genesis.pallets }, '$.genesis.pallets']
]

test('a bad field gives CHAIN_SPEC_INVALID with the file and its JSON path', async t => {
  const file = join(tempDir(t), 'spec.json')
  for (const [name, edit, path] of bad) {
    await t.test(name, () => {
      const spec = JSON.parse(readFileSync(DEV, 'utf8'))
      edit(spec)
      writeFileSync(file, JSON.stringify(spec))
      const err = catchError(() => loadChainSpec(file))
      assert.equal(err.code, 'CHAIN_SPEC_INVALID')
      assert.equal(err.path, path)
      assert.ok(err.message.startsWith(`${file}: ${path} `), err.message)
    })
  }
})

test('authoritySeed is optional: a spec without it names no dev key (devnet.json)', t => {
  assert.equal(loadChainSpec(DEV).authoritySeed, '//Alice')
  assert.equal(loadChainSpec(new URL('../../chain-spec/devnet.json', import.meta.url).pathname).authoritySeed, null)
  const file = join(tempDir(t), 'spec.json')
  const spec = JSON.parse(readFileSync(DEV, 'utf8'))
  delete spec.authoritySeed
  writeFileSync(file, JSON.stringify(spec))
  assert.equal(loadChainSpec(file).authoritySeed, null)
})

test('a missing file gives CHAIN_SPEC_NOT_FOUND', () => {
  const err = catchError(() => loadChainSpec('/nonexistent/spec.json'))
  assert.equal(err.code, 'CHAIN_SPEC_NOT_FOUND')
  assert.match(err.message, /\/nonexistent\/spec\.json/)
})

test('a file that is not JSON gives CHAIN_SPEC_NOT_JSON with the line', t => {
  const file = join(tempDir(t), 'spec.json')
  writeFileSync(file, '{\n  "name": "x",\n  oops\n}\n')
  const err = catchError(() => loadChainSpec(file))
  assert.equal(err.code, 'CHAIN_SPEC_NOT_JSON')
  assert.match(err.message, /line 3/)
})

function catchError (fn: () => unknown): ChainSpecError {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof ChainSpecError, String(err))
    return err
  }
  assert.fail('expected a ChainSpecError')
}

function tempDir (t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-spec-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

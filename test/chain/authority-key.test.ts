import { test } from 'node:test'
import type { TestContext } from 'node:test'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import type { ApiPromise } from '@polkadot/api'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi } from '../helpers/api.js'
import { datdot } from '../cli/run-datdot.js'
import { killedAtExit, stop } from '../helpers/process.js'
import { randomnessMessage } from '../../chain/block/pre-digest.js'
import { authorityKey } from '../../chain/node/authority-key.js'
import { loadChainSpec } from '../../chain/spec/load.js'

const DEV_SPEC = fileURLToPath(new URL('../../chain-spec/dev.json', import.meta.url))
const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))
const SEEDS = 50

async function waitForBlock (api: ApiPromise, n: number): Promise<void> {
  for (;;) {
    if ((await api.rpc.chain.getHeader()).number.toNumber() >= n) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function seedAt (api: ApiPromise, n: number): Promise<Uint8Array> {
  const hash = await api.rpc.chain.getBlockHash(n)
  return (await api.query.randomness.seed.at(hash)).toU8a()
}

async function authorityOf (api: ApiPromise): Promise<string> {
  return (await api.query.randomness.authority()).toHex()
}

test('an attacker who reads the chain spec cannot predict the seeds of a non-dev node', async (t) => {
  await cryptoWaitReady()
  const spec = JSON.parse(readFileSync(DEV_SPEC, 'utf8')) as { authoritySeed: string, genesis: { randomnessSeed: string } }
  assert.ok(typeof spec.authoritySeed === 'string', 'the dev spec names a dev key (for --dev chains)')
  const chain = await startChainProcess(t, { dev: false, args: ['--chain', DEV_SPEC, '--block-time', '50'] })
  const api = await connectApi(t, chain.url)
  await waitForBlock(api, SEEDS)

  // The attacker's computation: R(0) from the spec, then each block signed with the spec's author key.
  const author = new Keyring({ type: 'ed25519' }).addFromUri(spec.authoritySeed)
  let predicted = blake2AsU8a(new TextEncoder().encode(spec.genesis.randomnessSeed), 256)
  assert.equal(u8aToHex(await seedAt(api, 0)), u8aToHex(predicted), 'R(0) is public: it is in the spec')
  let hits = 0
  for (let n = 1; n <= SEEDS; n++) {
    predicted = blake2AsU8a(u8aConcat(predicted, author.sign(randomnessMessage(predicted, n))), 256)
    if (u8aToHex(await seedAt(api, n)) === u8aToHex(predicted)) hits++
  }
  assert.equal(hits, 0, `${hits} of ${SEEDS} seeds were predicted from the chain spec`)
  assert.notEqual(await authorityOf(api), u8aToHex(author.publicKey))
})

test('the author key is generated once into the base path (mode 0600) and reused on restart', async (t) => {
  const chain = await startChainProcess(t, { dev: false, args: ['--block-time', '50'] })
  const keyFile = join(chain.basePath, 'authority-key')
  assert.equal(statSync(keyFile).mode & 0o777, 0o600)
  const key = readFileSync(keyFile, 'utf8')
  let api = await connectApi(t, chain.url)
  await waitForBlock(api, 3)
  const authority = await authorityOf(api)
  await api.disconnect()

  await chain.restart()
  assert.equal(readFileSync(keyFile, 'utf8'), key, 'the key file is kept')
  api = await connectApi(t, chain.url)
  const head = (await api.rpc.chain.getHeader()).number.toNumber()
  await waitForBlock(api, head + 3)
  assert.equal(await authorityOf(api), authority)
})

test('--authority-key FILE names the author key; the spec\'s dev key is then not used even with --dev', async (t) => {
  await cryptoWaitReady()
  const dir = mkdtempSync(join(tmpdir(), 'datdot-authority-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const keyFile = join(dir, 'key')
  const secret = blake2AsU8a(new TextEncoder().encode('test author'), 256)
  writeFileSync(keyFile, `${u8aToHex(secret)}\n`, { mode: 0o600 })
  const expected = new Keyring({ type: 'ed25519' }).addFromSeed(secret).publicKey

  const chain = await startChainProcess(t, { args: ['--authority-key', keyFile] })
  const api = await connectApi(t, chain.url)
  await api.rpc('dev_newBlock' as never)
  assert.equal(await authorityOf(api), u8aToHex(expected))
})

test('--dev with the dev spec uses its named dev key; --tmp nodes each make a fresh key', async (t) => {
  await cryptoWaitReady()
  const dev = await startChainProcess(t, {})
  const devApi = await connectApi(t, dev.url)
  assert.equal(await authorityOf(devApi), u8aToHex(new Keyring({ type: 'ed25519' }).addFromUri('//Alice').publicKey))

  const [a, b] = [await datdotTmp(t), await datdotTmp(t)]
  assert.notEqual(a.authority, b.authority)
  assert.match(a.stderr, /authoritySeed is ignored/, 'a non-dev node says it ignored the spec\'s dev key')
})

/** Starts a `--tmp` node (no --dev, the default dev.json), reads its authority, stops it. */
async function datdotTmp (t: TestContext): Promise<{ authority: string, stderr: string }> {
  const proc = killedAtExit(spawn(process.execPath, [BIN, 'chain', 'start', '--tmp', '--port', '0', '--block-time', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] }))
  t.after(() => stop(proc))
  let stderr = ''
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  const url = await new Promise<string>((resolve, reject) => {
    proc.once('exit', () => reject(new Error('datdot chain start --tmp exited')))
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const m = /listening on (ws:\/\/\S+)$/.exec(line)
      if (m !== null) resolve(m[1])
    })
  })
  const api = await connectApi(t, url)
  const authority = await authorityOf(api)
  await api.disconnect()
  await stop(proc)
  return { authority, stderr }
}

test('a node whose base path does not exist yet creates it with the key inside, kept across restarts', async (t) => {
  await cryptoWaitReady()
  const dir = mkdtempSync(join(tmpdir(), 'datdot-authority-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const basePath = join(dir, 'new', 'node')
  const opts = { spec: loadChainSpec(DEV_SPEC), dev: false, basePath }
  const first = authorityKey(opts)
  assert.equal(statSync(join(basePath, 'authority-key')).mode & 0o777, 0o600)
  assert.deepEqual(authorityKey(opts).publicKey, first.publicKey)
})

test('a bad authority key file is refused with a coded error', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-authority-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const bad = join(dir, 'bad')
  writeFileSync(bad, 'not a key\n', { mode: 0o600 })
  const invalid = await datdot(['chain', 'start', '--tmp', '--port', '0', '--authority-key', bad])
  assert.notEqual(invalid.code, 0)
  assert.match(invalid.stderr, /AUTHORITY_KEY_INVALID/)
  const missing = await datdot(['chain', 'start', '--tmp', '--port', '0', '--authority-key', join(dir, 'nothing')])
  assert.notEqual(missing.code, 0)
  assert.match(missing.stderr, /AUTHORITY_KEY_NOT_FOUND/)
})

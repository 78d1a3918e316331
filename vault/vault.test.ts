import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { DEV_PHRASE, Keyring } from '@polkadot/keyring'
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady, keyExtractSuri, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed } from '@polkadot/util-crypto'
import crypto from 'hypercore-crypto'
import { keysFromPair, keysFromUri } from '../service/keys.js'
import { accountOfSecret, createIdentity, importAccount, importKeystore, unlockIdentity } from '../wallet/identities.js'
import { Vault } from './vault.js'
import { asKeystore } from './keystore-format.js'

const PASSPHRASE = 'correct horse battery staple'

function tempVault (t: TestContext): Vault {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-vault-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return new Vault(join(dir, 'vault'))
}

const code = (expected: string) => (err: unknown): boolean => (err as { code?: string }).code === expected

test('the noise key is blake2_256("datdot/noise" ++ sr25519 secret key) as a hypercore key pair seed', async () => {
  await cryptoWaitReady()
  // Derived here by hand, without the keyring: the sr25519 key pair of DEV_PHRASE//Alice.
  const { path } = keyExtractSuri(`${DEV_PHRASE}//Alice`)
  const { secretKey } = keyFromPath(sr25519PairFromSeed(mnemonicToMiniSecret(DEV_PHRASE)), path, 'sr25519')
  const expected = crypto.keyPair(blake2AsU8a(u8aConcat(stringToU8a('datdot/noise'), secretKey), 256))
  const keys = await keysFromUri('//Alice')
  assert.deepEqual(keys.noise, expected)
  // Pinned: a change here changes every provider's peer identity and breaks its registration.
  assert.equal(u8aToHex(keys.noise.publicKey), '0xc0039cf2879a4b382b54c82035fdff7083208062e49a8887b1149001f93f1f19')
})

test('a created identity: 0600 keystore in a 0700 vault, unlocks to the keys of its mnemonic; a wrong passphrase changes nothing', async (t) => {
  const vault = tempVault(t)
  const { identity, mnemonic } = await createIdentity(vault, 'alice', PASSPHRASE)
  assert.equal(mnemonic.split(' ').length, 12)
  assert.equal(statSync(vault.dir).mode & 0o777, 0o700)
  assert.equal(statSync(identity.file).mode & 0o777, 0o600)
  assert.deepEqual(vault.list().map((i) => i.name), ['alice'])

  const stored = readFileSync(identity.file)
  const json = JSON.parse(stored.toString()) as { meta: { name: string }, encoding: { type: string[] } }
  assert.equal(json.meta.name, 'alice')
  assert.deepEqual(json.encoding.type, ['scrypt', 'xsalsa20-poly1305'])
  assert.ok(!stored.toString().includes(mnemonic.split(' ')[0] + ' '), 'the mnemonic is not stored')

  const keys = keysFromPair(await unlockIdentity(vault, 'alice', PASSPHRASE))
  assert.equal(keys.account.address, identity.address)
  assert.equal(u8aToHex(keys.noise.publicKey), identity.noiseKey)
  // The mnemonic gives the same keys, through the service's own path too.
  const fromMnemonic = await keysFromUri(mnemonic)
  assert.equal(fromMnemonic.account.address, identity.address)
  assert.deepEqual(fromMnemonic.noise, keys.noise)

  const mtime = statSync(identity.file).mtimeMs
  await assert.rejects(unlockIdentity(vault, 'alice', 'wrong'), code('WRONG_PASSPHRASE'))
  assert.deepEqual(readFileSync(identity.file), stored)
  assert.equal(statSync(identity.file).mtimeMs, mtime)

  await assert.rejects(createIdentity(vault, 'alice', PASSPHRASE), code('IDENTITY_EXISTS'))
  await assert.rejects(createIdentity(vault, '../alice', PASSPHRASE), code('NAME_INVALID'))
  await assert.rejects(unlockIdentity(vault, 'bob', PASSPHRASE), code('IDENTITY_NOT_FOUND'))

  // Imported into another vault from its mnemonic, pasted with stray spaces and line breaks: the same identity.
  const other = tempVault(t)
  const imported = importAccount(other, 'm', await accountOfSecret(` ${mnemonic.replace(' ', '\n  ')}\n`, { dev: false }), 'another passphrase')
  assert.deepEqual([imported.address, imported.noiseKey], [identity.address, identity.noiseKey])
})

test('a keystore written by polkadot-js imports with the address and noise key of its mnemonic; a wrong passphrase stores nothing', async (t) => {
  await cryptoWaitReady()
  const mnemonic = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
  const external = new Keyring({ type: 'sr25519' }).addFromUri(mnemonic, { name: 'from polkadot-js' }).toJson('pjs')
  const vault = tempVault(t)
  await assert.rejects(importKeystore(vault, 'w', external, 'wrong', 'the keystore'), code('WRONG_PASSPHRASE'))
  assert.equal(vault.has('w'), false)
  const imported = await importKeystore(vault, 'pjs', external, 'pjs', 'the keystore')
  const keys = await keysFromUri(mnemonic)
  assert.equal(imported.address, keys.account.address)
  assert.equal(imported.noiseKey, u8aToHex(keys.noise.publicKey))
})

test('secrets and keystores that are refused', async (t) => {
  await cryptoWaitReady()
  await assert.rejects(accountOfSecret('//Alice', { dev: false }), code('DEV_SECRET'))
  await assert.rejects(accountOfSecret(DEV_PHRASE, { dev: false }), code('DEV_SECRET'))
  assert.equal((await accountOfSecret('//Alice', { dev: true })).address, (await keysFromUri('//Alice')).account.address)
  await assert.rejects(accountOfSecret('legal winner thank year wave sausage worth useful legal winner thank thank', { dev: false }), code('MNEMONIC_INVALID'))
  await assert.rejects(accountOfSecret('  ', { dev: false }), code('MNEMONIC_INVALID'))

  const vault = tempVault(t)
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice').toJson('pw')
  const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob')
  await assert.rejects(importKeystore(vault, 'x', { ...alice, address: bob.address }, 'pw', 'the keystore'), code('KEYSTORE_INVALID'))
  assert.throws(() => asKeystore({ ...alice, encoding: { ...alice.encoding, content: ['pkcs8', 'ed25519'] } }, 'ed'), code('KEYSTORE_INVALID'))
  assert.throws(() => asKeystore(bob.toJson(), 'clear'), code('KEYSTORE_INVALID'))
  assert.equal(vault.list().length, 0)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Keyring } from '@polkadot/keyring'
import type { ExtrinsicPayload } from '@polkadot/types/interfaces'
import { u8aToHex } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto'
import { Runtime } from '../runtime/runtime.js'
import { PALLETS } from '../runtime/pallets.js'
import { RUNTIME_VERSION } from '../runtime/version.js'
import { signedPayload } from './check.js'
import { parseExtrinsic } from './envelope.js'

test('the payload read from an extrinsic is the one polkadot-js signs, for mortal and immortal eras, tips, nonces and long calls', async () => {
  await cryptoWaitReady()
  const { registry } = new Runtime(PALLETS).meta
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')
  const env = { genesisHash: new Uint8Array(32).fill(7), specVersion: RUNTIME_VERSION.specVersion, transactionVersion: RUNTIME_VERSION.transactionVersion }
  const birthHash = new Uint8Array(32).fill(9)
  const cases = [
    { remark: '0x01', nonce: 0, tip: 0n, era: '0x00' },
    { remark: '0x0102', nonce: 70_000, tip: (1n << 128n) - 1n, era: '0x00' },
    { remark: `0x${'ab'.repeat(300)}`, nonce: 5, tip: 64n, era: { current: 1000, period: 64 } },
    { remark: `0x${'cd'.repeat(20_000)}`, nonce: 2 ** 32 - 1, tip: 1n, era: { current: 12, period: 4 } }
  ]
  for (const { remark, nonce, tip, era } of cases) {
    const call = registry.createType('Call', { callIndex: [0, 0], args: { remark } })
    const ext = registry.createType('Extrinsic', call)
    const extrinsicEra = registry.createType('ExtrinsicEra', era)
    const blockHash = extrinsicEra.isMortalEra ? birthHash : env.genesisHash
    ext.sign(alice, { nonce, tip, era: extrinsicEra, genesisHash: env.genesisHash, blockHash, runtimeVersion: RUNTIME_VERSION as never, signedExtensions: registry.signedExtensions })
    const bytes = ext.toU8a()
    const expected = registry.createTypeUnsafe<ExtrinsicPayload>('ExtrinsicPayload', [{
      method: ext.method.toHex(), era: ext.era, nonce: ext.nonce, tip: ext.tip, genesisHash: env.genesisHash, blockHash,
      specVersion: env.specVersion, transactionVersion: env.transactionVersion
    }, { version: 4 }]).toU8a({ method: true })
    const hashed = expected.length > 256 ? blake2AsU8a(expected, 256) : expected
    assert.equal(u8aToHex(signedPayload(env, parseExtrinsic(registry, bytes), blockHash)), u8aToHex(hashed), `${remark.length} hex of remark, nonce ${nonce}`)
  }
})

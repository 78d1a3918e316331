import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Keyring } from '@polkadot/keyring'
import { compactAddLength, compactStripLength, u8aConcat } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import type { Call } from '@polkadot/types/interfaces'
import { Runtime } from '../runtime/runtime.js'
import { PALLETS } from '../runtime/pallets.js'
import { RUNTIME_VERSION } from '../runtime/version.js'
import { callOf, parseExtrinsic } from './envelope.js'

test('malformed envelopes are refused with a stable reason, never a crash', async () => {
  await cryptoWaitReady()
  const { registry } = new Runtime(PALLETS).meta
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')
  const signed = (call: Call, options: { nonce?: number, tip?: bigint } = {}): Uint8Array => {
    const ext = registry.createType('Extrinsic', call)
    const genesisHash = new Uint8Array(32)
    ext.sign(alice, { nonce: options.nonce ?? 0, tip: options.tip ?? 0n, era: registry.createType('ExtrinsicEra', '0x00'), genesisHash, blockHash: genesisHash, runtimeVersion: RUNTIME_VERSION as never, signedExtensions: registry.signedExtensions })
    return ext.toU8a()
  }
  const remark = registry.createType('Call', { callIndex: [0, 0], args: { remark: '0x0102' } })
  const good = signed(remark)
  const parsed = parseExtrinsic(registry, good)
  assert.deepEqual([parsed.scheme, parsed.nonce, parsed.tip, parsed.era], ['sr25519', 0, 0n, null])
  // The body after the length prefix: 0x84, address (33), signature (65), era (1), nonce (1), tip (1), call.
  const body = compactStripLength(good)[1]
  const withBody = (b: Uint8Array): Uint8Array => compactAddLength(b)
  const patched = (at: number, ...bytes: number[]): Uint8Array => withBody(u8aConcat(body.subarray(0, at), bytes, body.subarray(at + 1)))
  const report = registry.createType('Call', { callIndex: [15, 1], args: { check: 1, success: false, latencyMs: 0, throughput: 0, network: 0, receipt: null } })
  const reportBody = compactStripLength(signed(report))[1]
  const successAt = reportBody.length - 1 - 4 - 8 - 4 - 1

  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['nothing', new Uint8Array(), /^BadFormat: could not decode the extrinsic: .*ends before the length/],
    ['a length prefix past the bytes', u8aConcat(good, [0]), /^BadFormat: could not decode the extrinsic: the length prefix says/],
    ['cut after the version', withBody(body.subarray(0, 1)), /^BadFormat: could not decode the extrinsic: the extrinsic ends before the signer/],
    ['cut in the signature', withBody(body.subarray(0, 60)), /^BadFormat: could not decode the extrinsic: the extrinsic ends within the signature/],
    ['cut before the call', withBody(body.subarray(0, 102)), /^BadFormat: could not decode the extrinsic: /],
    ['unsigned', withBody(u8aConcat([0x04], remark.toU8a())), /^NoUnsignedValidator: /],
    ['version 5', patched(0, 0x85), /^BadFormat: could not decode the extrinsic: version byte 0x85/],
    ['an index address', patched(1, 1), /^BadSigner: only account ids/],
    ['an ecdsa signature', patched(34, 2), /^BadSigner: only sr25519 and ed25519/],
    ['a signature variant that does not exist', patched(34, 7), /^BadFormat: could not decode the extrinsic: signature variant 7/],
    ['an era of period 2', withBody(u8aConcat(body.subarray(0, 99), [0x10, 0x00], body.subarray(100))), /^BadFormat: could not decode the extrinsic: era of period 2 /],
    ['a mortal era with a phase past its period', withBody(u8aConcat(body.subarray(0, 99), [0xf1, 0xff], body.subarray(100))), /^BadFormat: could not decode the extrinsic: era of period/],
    ['a nonce not canonically encoded', withBody(u8aConcat(body.subarray(0, 100), [0x01, 0x00], body.subarray(101))), /^BadFormat: could not decode the extrinsic: the nonce is not canonically encoded/],
    ['a tip of 2^128', withBody(u8aConcat(body.subarray(0, 101), [0x37], new Uint8Array(16), [1], body.subarray(102))), /^BadFormat: could not decode the extrinsic: the tip \d+ is out of range/],
    ['a byte after the call', withBody(u8aConcat(body, [0])), /^BadFormat: could not decode the extrinsic: /],
    ['a call index that does not exist', withBody(u8aConcat(body.subarray(0, 102), [99, 0])), /^BadFormat: could not decode the extrinsic: /],
    ['a bool of 2 in the call', withBody(u8aConcat(reportBody.subarray(0, successAt), [2], reportBody.subarray(successAt + 1))), /^BadFormat: could not decode the extrinsic: /]
  ]
  assert.equal(reportBody[successAt], 0, 'the report\'s success flag is where the case patches it')
  for (const [name, bytes, reason] of cases) {
    assert.throws(() => parseExtrinsic(registry, bytes), (err: Error & { code?: string }) => {
      assert.equal(err.name, 'InvalidTransaction', `${name}: ${err.message}`)
      assert.match(err.message, reason, name)
      return true
    }, name)
  }
  assert.equal(callOf(registry, withBody(u8aConcat([0x04], remark.toU8a()))).toHex(), remark.toHex(), 'fee queries read unsigned calls')
  assert.throws(() => callOf(registry, u8aConcat(withBody(u8aConcat([0x04], remark.toU8a())), [0])), /BadFormat: could not decode the extrinsic: the length prefix/)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import { TxPool } from './pool.js'
import type { BlockLimits } from '../block/limits.js'

const who = (n: number) => new Uint8Array(32).fill(n)
let serial = 0
function ext (signer: number, nonce: number, length = 1, tip = 0n): CheckedExtrinsic {
  const id = serial++
  return { bytes: new Uint8Array(length).fill(id), hash: new Uint8Array(32), hashHex: `0x${id.toString(16).padStart(4, '0')}`, signer: who(signer), nonce, tip, call: null as never, era: null as never }
}
const block = (count: number, bytes = Infinity, weight = 1n << 64n): BlockLimits => ({ count, bytes, weight })
const status = (pool: TxPool, e: CheckedExtrinsic, accountNonce: number) => pool.add(e, Infinity, accountNonce).status

test('transactions are ready in nonce order; gaps wait as future', () => {
  const pool = new TxPool({ perAccount: 10, total: 100, futureGap: 5, bytes: 1000 })
  assert.equal(status(pool, ext(1, 1), 0), 'future')
  assert.equal(status(pool, ext(1, 0), 0), 'ready')
  assert.equal(status(pool, ext(2, 0), 0), 'ready')
  assert.equal(pool.nextNonce(who(1), 0), 2)
  const ready = pool.ready(() => 0, block(10)).map((c) => [c.ext.signer[0], c.ext.nonce])
  assert.deepEqual(ready, [[1, 0], [1, 1], [2, 0]], 'accounts by first arrival, each in nonce order')
  assert.deepEqual(pool.ready(() => 0, block(2)).length, 2, 'at most max')
})

test('stale, taken and too-far nonces, duplicates and full pools are refused by reason', () => {
  const pool = new TxPool({ perAccount: 2, total: 3, futureGap: 2, bytes: 1000 })
  const first = ext(1, 3)
  pool.add(first, Infinity, 3)
  assert.throws(() => pool.add(first, Infinity, 3), { code: 'AlreadyImported', rpcCode: 1013 })
  assert.throws(() => pool.add(ext(1, 2), Infinity, 3), { code: 'Stale', message: /nonce 2 was already used/ })
  assert.throws(() => pool.add(ext(1, 3), Infinity, 3), { code: 'TooLowPriority', rpcCode: 1014, message: /already taken/ })
  assert.throws(() => pool.add(ext(1, 7), Infinity, 3), { code: 'Future' })
  pool.add(ext(1, 4), Infinity, 3)
  assert.throws(() => pool.add(ext(1, 5), Infinity, 3), { code: 'ImmediatelyDropped', rpcCode: 1016, message: /this account/ })
  pool.add(ext(2, 0), Infinity, 0)
  assert.throws(() => pool.add(ext(3, 0), Infinity, 0), { code: 'ImmediatelyDropped', rpcCode: 1016, message: /the pool/ })
})

test('outdated transactions are found and removed', () => {
  const pool = new TxPool()
  const old = ext(1, 0)
  const dying = ext(2, 0)
  pool.add(old, Infinity, 0)
  pool.add(dying, 5, 0)
  assert.deepEqual(pool.outdated((w) => (w[0] === 1 ? 1 : 0), 5).map((e) => e.hashHex).sort(), [old.hashHex, dying.hashHex].sort())
  pool.remove([old, dying])
  assert.equal(pool.size, 0)
})

test('the pool holds at most its bytes, and a block takes ready ones up to its bytes, each account in nonce order', () => {
  const pool = new TxPool({ perAccount: 10, total: 100, futureGap: 5, bytes: 1000 })
  pool.add(ext(1, 0, 400), Infinity, 0)
  pool.add(ext(1, 1, 100), Infinity, 0)
  pool.add(ext(2, 0, 300), Infinity, 0)
  assert.throws(() => pool.add(ext(3, 0, 201), Infinity, 0), { code: 'ImmediatelyDropped', rpcCode: 1016, message: /more than 1000 bytes/ })
  const small = ext(3, 0, 200)
  pool.add(small, Infinity, 0)
  // Normal transactions fill 3/4 of a block's bytes.
  const take = (maxBytes: number) => pool.ready(() => 0, block(10, (maxBytes * 4) / 3)).map((c) => [c.ext.signer[0], c.ext.nonce])
  assert.deepEqual(take(1000), [[1, 0], [1, 1], [2, 0], [3, 0]])
  assert.deepEqual(take(450), [[1, 0]], 'account 1\'s nonce 1 does not fit after its nonce 0, nor do 2 and 3')
  assert.deepEqual(take(350), [[2, 0]], 'account 1 does not fit at all: nothing of it, the next that fits')
  pool.remove([small])
  pool.add(ext(4, 0, 200), Infinity, 0)
  assert.equal(pool.size, 4, 'removing gives its bytes back')
})

test('blocks take higher tips per byte first and operational ones before all; normal ones fill 3/4 of the weight', () => {
  const pool = new TxPool()
  const cheap = ext(1, 0, 100, 0n)
  const tipped = ext(2, 0, 100, 50n)
  const bigTip = ext(3, 0, 10_000, 100n)
  const proof = ext(4, 0, 100, 0n)
  for (const e of [cheap, tipped, bigTip]) pool.add(e, Infinity, 0, { fee: 1n, weight: 10n, operational: false, tag: null })
  pool.add(proof, Infinity, 0, { fee: 0n, weight: 10n, operational: true, tag: 'proof:1' })
  const order = pool.ready(() => 0, block(10)).map((c) => c.ext.signer[0])
  assert.deepEqual(order, [4, 2, 3, 1], 'operational, then 0.5 tip per byte, then 0.01, then none')
  assert.deepEqual(pool.ready(() => 0, block(10, Infinity, 36n)).map((c) => c.ext.signer[0]), [4, 2, 3],
    'of weight 36, normal ones take 27: the proof and two of the others')
})

test('a transaction of a taken nonce replaces the waiting one only with a higher tip per byte', () => {
  const pool = new TxPool({ perAccount: 1, total: 10, futureGap: 5, bytes: 1000 })
  const first = ext(1, 0, 100, 10n)
  pool.add(first, Infinity, 0, { fee: 12n, weight: 1n, operational: false, tag: null })
  assert.throws(() => pool.add(ext(1, 0, 100, 10n), Infinity, 0), { code: 'TooLowPriority', rpcCode: 1014 })
  assert.throws(() => pool.add(ext(1, 0, 200, 15n), Infinity, 0), { code: 'TooLowPriority' }, '15 over 200 bytes is less per byte')
  assert.equal(pool.pendingFees(who(1), 1), 12n)
  const better = ext(1, 0, 100, 11n)
  const added = pool.add(better, Infinity, 0, { fee: 13n, weight: 1n, operational: false, tag: null })
  assert.equal(added.replaced, first, 'even with the account at its limit of one')
  assert.deepEqual(pool.all(), [better])
  assert.equal(pool.pendingFees(who(1), 1), 13n)
  assert.equal(pool.pendingFees(who(1), 0), 0n, 'a replacement of nonce 0 would not owe it twice')
})

test('an account\'s later transactions are ordered by their own priority, not by its first one\'s', () => {
  const pool = new TxPool()
  const normal = { fee: 1n, weight: 1n, operational: false, tag: null }
  pool.add(ext(1, 0, 100), Infinity, 0, { fee: 0n, weight: 1n, operational: true, tag: 'proof:1' })
  pool.add(ext(1, 1, 100), Infinity, 0, normal)
  pool.add(ext(2, 0, 100, 10n), Infinity, 0, normal)
  const order = pool.ready(() => 0, block(10)).map((c) => [c.ext.signer[0], c.ext.nonce])
  assert.deepEqual(order, [[1, 0], [2, 0], [1, 1]], 'the proof, then the tipped one, then the untipped one behind the proof')
})

test('one free call per signer and duty waits in the pool; a replaced transaction removed late leaves the new one', () => {
  const pool = new TxPool()
  const proof = (tag: string) => ({ fee: 0n, weight: 1n, operational: true, tag })
  pool.add(ext(1, 0), Infinity, 0, proof('challenge:5'))
  assert.throws(() => pool.add(ext(1, 1), Infinity, 0, proof('challenge:5')), { code: 'TooLowPriority', rpcCode: 1014, message: /challenge:5/ })
  assert.throws(() => pool.check(ext(1, 1), 0, proof('challenge:5')), { code: 'TooLowPriority' }, 'check says so without queuing')
  pool.add(ext(1, 1), Infinity, 0, proof('challenge:6'))
  pool.add(ext(2, 0), Infinity, 0, proof('challenge:5'))
  assert.equal(pool.size, 3, 'another signer\'s duty of the same name is its own')

  const first = ext(3, 0, 10, 1n)
  pool.add(first, Infinity, 0, { fee: 1n, weight: 1n, operational: false, tag: null })
  const better = ext(3, 0, 10, 5n)
  pool.add(better, Infinity, 0, { fee: 5n, weight: 1n, operational: false, tag: null })
  pool.remove([first])
  assert.ok(pool.all().includes(better), 'removing the replaced one again does not remove its replacement')
  pool.remove([better])
  assert.equal(pool.size, 3)
})

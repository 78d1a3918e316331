import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import { TxPool } from './pool.js'

const who = (n: number) => new Uint8Array(32).fill(n)
let serial = 0
function ext (signer: number, nonce: number, length = 1): CheckedExtrinsic {
  const id = serial++
  return { bytes: new Uint8Array(length).fill(id), hash: new Uint8Array(32), hashHex: `0x${id.toString(16).padStart(4, '0')}`, signer: who(signer), nonce, call: null as never, era: null as never }
}

test('transactions are ready in nonce order; gaps wait as future', () => {
  const pool = new TxPool({ perAccount: 10, total: 100, futureGap: 5, bytes: 1000 })
  assert.equal(pool.add(ext(1, 1), Infinity, 0), 'future')
  assert.equal(pool.add(ext(1, 0), Infinity, 0), 'ready')
  assert.equal(pool.add(ext(2, 0), Infinity, 0), 'ready')
  assert.equal(pool.nextNonce(who(1), 0), 2)
  const ready = pool.ready(() => 0, 10).map((c) => [c.ext.signer[0], c.ext.nonce])
  assert.deepEqual(ready, [[1, 0], [1, 1], [2, 0]], 'accounts by first arrival, each in nonce order')
  assert.deepEqual(pool.ready(() => 0, 2).length, 2, 'at most max')
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
  const take = (maxBytes: number) => pool.ready(() => 0, 10, maxBytes).map((c) => [c.ext.signer[0], c.ext.nonce])
  assert.deepEqual(take(1000), [[1, 0], [1, 1], [2, 0], [3, 0]])
  assert.deepEqual(take(450), [[1, 0]], 'account 1\'s nonce 1 does not fit after its nonce 0, nor do 2 and 3')
  assert.deepEqual(take(350), [[2, 0]], 'account 1 does not fit at all: nothing of it, the next that fits')
  pool.remove([small])
  pool.add(ext(4, 0, 200), Infinity, 0)
  assert.equal(pool.size, 4, 'removing gives its bytes back')
})

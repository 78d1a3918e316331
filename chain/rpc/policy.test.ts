import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isLoopback, servesUnsafe } from './method-policy.js'
import { LOCAL_ORIGINS, originAllowed, parseCors } from './origin.js'

test('--rpc-methods auto serves unsafe methods on loopback addresses only', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) assert.equal(servesUnsafe('auto', host), true, host)
  for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.org', '127.0.0.1.example.org']) assert.equal(servesUnsafe('auto', host), false, host)
  assert.equal(servesUnsafe('unsafe', '0.0.0.0'), true)
  assert.equal(servesUnsafe('safe', '127.0.0.1'), false)
  assert.equal(isLoopback('::ffff:127.0.0.1'), false, 'a mapped address is not taken for loopback')
})

test('--rpc-cors: the default allows pages of this machine, on any port, and nothing else', () => {
  for (const origin of ['http://localhost', 'http://localhost:3000', 'https://127.0.0.1:8443', 'https://polkadot.js.org', undefined]) {
    assert.equal(originAllowed(origin, LOCAL_ORIGINS), true, String(origin))
  }
  for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://localhost:3000.evil.example', 'http://127.0.0.1:80x', 'null', 'https://polkadot.js.org.evil.example']) {
    assert.equal(originAllowed(origin, LOCAL_ORIGINS), false, origin)
  }
  assert.equal(originAllowed('https://anything.example', parseCors('all')), true)
  assert.deepEqual(parseCors(' https://a.example , http://b.example:* '), ['https://a.example', 'http://b.example:*'])
  assert.equal(originAllowed('http://b.example:81', parseCors('https://a.example,http://b.example:*')), true)
})

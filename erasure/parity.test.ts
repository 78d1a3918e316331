import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { encodeStripe } from './stripes.js'
import { parityOf } from './parity.js'

test('the synchronous parity is ronomon\'s, byte for byte, for every k and m the plans allow', async () => {
  await fc.assert(fc.asyncProperty(
    fc.integer({ min: 1, max: 24 }).chain((k) => fc.record({
      k: fc.constant(k),
      m: fc.integer({ min: 1, max: 6 }),
      payloads: fc.array(fc.uint8Array({ maxLength: 600 }), { minLength: 1, maxLength: k })
    })),
    async ({ k, m, payloads }) => {
      const shards = await encodeStripe(payloads, k, m)
      const parity = parityOf(shards.slice(0, k), m)
      parity.forEach((p, i) => assert.deepEqual(Buffer.from(p), shards[k + i], `parity shard ${i} of ${k}+${m}`))
    }
  ), { seed: 20261201, numRuns: 300 })
})

test('large shards are coded in the library\'s smaller chunks too', async () => {
  // (1 + k·w)·shardSize / w above 1 MiB makes ronomon halve its chunk, which changes the parity.
  const payloads = Array.from({ length: 10 }, (_, i) => new Uint8Array(200_000).map((_, j) => (i * 31 + j * 7) & 255))
  const shards = await encodeStripe(payloads, 10, 4)
  parityOf(shards.slice(0, 10), 4).forEach((p, i) => assert.deepEqual(Buffer.from(p), shards[10 + i]))
})

test('shards of different sizes are refused', () => {
  assert.throws(() => parityOf([new Uint8Array(8), new Uint8Array(16)], 2), /one size/)
})

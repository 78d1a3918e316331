import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { encodeStripe, payloadOf, repairStripe, slotLength, stripeBlocks } from './stripes.js'

test('slots and stripes cover the feed exactly', () => {
  assert.equal(slotLength(10, 3), 4)
  assert.deepEqual(stripeBlocks(3, 3, 10), [9])
  assert.deepEqual(stripeBlocks(4, 3, 10), [])
  assert.deepEqual(Array.from({ length: slotLength(10, 3) }, (_, j) => stripeBlocks(j, 3, 10)).flat(), [...Array(10).keys()])
  // A generation's blocks [7, 15): its own stripes from block 7, its own short last one.
  assert.deepEqual(Array.from({ length: slotLength(15 - 7, 3) }, (_, j) => stripeBlocks(j, 3, 15, 7)), [[7, 8, 9], [10, 11, 12], [13, 14]])
})

test('any k shards of a stripe give back every payload byte for byte', async () => {
  await fc.assert(fc.asyncProperty(
    fc.integer({ min: 1, max: 8 }).chain((k) => fc.record({
      k: fc.constant(k),
      m: fc.integer({ min: 1, max: 4 }),
      blocks: fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: k }),
      lost: fc.array(fc.nat(), { maxLength: 4 })
    })),
    async ({ k, m, blocks, lost }) => {
      const shards = await encodeStripe(blocks, k, m)
      assert.equal(shards.length, k + m)
      assert.ok(shards.every((s) => s.byteLength === shards[0].byteLength && s.byteLength % 8 === 0))
      const gone = new Set(lost.slice(0, m).map((i) => i % (k + m)))
      const rebuilt = await repairStripe(shards.map((s, i) => (gone.has(i) ? null : Uint8Array.from(s))), k, m)
      rebuilt.forEach((s, i) => assert.deepEqual(s, shards[i], `shard ${i}`))
      blocks.forEach((b, i) => assert.deepEqual(Uint8Array.from(payloadOf(rebuilt[i])), b))
      // The last stripe's missing blocks are empty payloads.
      for (let i = blocks.length; i < k; i++) assert.equal(payloadOf(rebuilt[i]).byteLength, 0)
    }
  ), { seed: 20261121, numRuns: 200 })
})

test('fewer than k shards, or shards of different sizes, are refused', async () => {
  const shards = await encodeStripe([new Uint8Array(10), new Uint8Array(20)], 2, 2)
  await assert.rejects(repairStripe([shards[0], null, null, null], 2, 2), /needs 2 shards/)
  await assert.rejects(repairStripe([shards[0], new Uint8Array(8), null, null], 2, 2), /differ in size/)
  assert.throws(() => payloadOf(new Uint8Array([255, 0, 0, 0, 1, 2, 3, 4])), /cannot hold/)
})

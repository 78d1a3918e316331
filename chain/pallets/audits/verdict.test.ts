import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import type Hypercore from 'hypercore'
import { makeFeed } from '../../../test/helpers/hypercore.js'
import { feedStripes } from '../../../erasure/slot-cores.js'
import { headOf } from '../../../erasure/feed-proofs.js'
import type { FeedHead } from '../../../erasure/feed-proofs.js'
import { encodeStripe, frame, payloadOf, slotLength } from '../../../erasure/stripes.js'
import { feedVerifier } from '../../../hypercore/verify.js'
import { parityOf } from '../../../erasure/parity.js'
import { judgeStripe } from './verdict.js'
import type { StripeUnderAudit } from './verdict.js'

const K = 3
const M = 2
const BLOCKS = 10

interface Setting {
  readonly feed: Hypercore
  /** The feed's head one block before its last. */
  readonly older: FeedHead
  readonly audit: (stripe: number, shards: Array<Uint8Array | null>) => StripeUnderAudit
  readonly honest: (stripe: number) => Promise<Uint8Array[]>
}

/** A feed of BLOCKS blocks, and the audit of its blocks [from, BLOCKS) coded at its head. */
async function setting (t: TestContext, from = 0): Promise<Setting> {
  const feed = await makeFeed(t, 0)
  const blocks = Array.from({ length: BLOCKS }, (_, i) => new Uint8Array(50 + 30 * i).fill(i))
  await feed.append(blocks.slice(0, -1))
  const older = await headOf(feed)
  await feed.append(blocks.at(-1)!)
  const verifier = feedVerifier(feed.key, (await feed.getManifest({ raw: true })) ?? new Uint8Array())
  const source = feedStripes(feed, await headOf(feed), K, M, from)
  return {
    feed,
    older,
    audit: (stripe, shards) => ({ k: K, m: M, start: from, end: BLOCKS, stripe, feed: verifier, shards }),
    honest: async (stripe) => await source(stripe)
  }
}

test('an honest stripe passes, the short last one too; missing shards make it inconclusive, not failed', async (t) => {
  const { audit, honest } = await setting(t)
  for (let j = 0; j < slotLength(BLOCKS, K); j++) assert.deepEqual(judgeStripe(audit(j, await honest(j))), { type: 'Passed' }, `stripe ${j}`)
  const shards: Array<Uint8Array | null> = await honest(1)
  shards[4] = null
  assert.deepEqual(judgeStripe(audit(1, shards)), { type: 'Inconclusive' })
  shards[0] = null
  assert.deepEqual(judgeStripe(audit(1, shards)), { type: 'Inconclusive' })
})

test('a generation\'s stripes are judged at its offset in the feed', async (t) => {
  const from = 4
  const { feed, audit, honest } = await setting(t, from)
  for (let j = 0; j < slotLength(BLOCKS - from, K); j++) assert.deepEqual(judgeStripe(audit(j, await honest(j))), { type: 'Passed' }, `stripe ${j}`)
  // The same feed's honest stripe 0 from block 0: genuine blocks, but not the generation's.
  const fromZero = await feedStripes(feed, await headOf(feed), K, M)(0)
  assert.deepEqual(judgeStripe(audit(0, fromZero)), { type: 'Failed', fault: 'NotTheFeed', detail: 'data shard 0: the signed proof of block 4 is for block 0' }, 'the first blocks of the feed are not the generation\'s')
})

test('each way an encoding can be wrong is named', async (t) => {
  const { feed, older, audit, honest } = await setting(t)
  const other = await makeFeed(t, BLOCKS, 100, 7)
  const fault = async (stripe: number, shards: Array<Uint8Array | null>) => {
    const v = judgeStripe(audit(stripe, shards))
    return v.type === 'Failed' ? v.fault : v.type
  }
  // Another feed's signed blocks, coded consistently.
  assert.equal(await fault(0, await feedStripes(other, await headOf(other), K, M)(0)), 'NotTheFeed')
  // Arbitrary data coded consistently, even with only the data shards given.
  assert.equal(await fault(0, (await encodeStripe([new Uint8Array(80), new Uint8Array(80), new Uint8Array(80)], K, M)).slice(0, K)), 'NotTheFeed')
  // The right blocks at the wrong stripe.
  assert.equal(await fault(1, await honest(0)), 'NotTheFeed')
  // A data shard emptied although its block is within the feed (the code recomputed to match).
  const s1 = await honest(1)
  const emptied = await encodeStripe([payloadOf(s1[0]), new Uint8Array(0), payloadOf(s1[2])], K, M)
  assert.equal(await fault(1, emptied), 'NotTheFeed')
  // Blocks proven against another head than the plan codes: an older one would leave blocks uncoded.
  assert.equal(await fault(0, await feedStripes(feed, older, K, M)(0)), 'WrongLength')
  assert.equal(judgeStripe({ ...audit(0, await honest(0)), end: BLOCKS + 1 }).type, 'Failed')
  const wrongParity = await honest(2)
  wrongParity[K + 1] = Buffer.from(wrongParity[K + 1]).fill(1, 0, 8)
  assert.equal(await fault(2, wrongParity), 'ParityMismatch')
  const data = (await honest(2)).slice(0, K).map((s) => frame(payloadOf(s), s.byteLength + 8))
  const padded = [...data, ...parityOf(data, M)]
  assert.equal(await fault(2, padded), 'Malformed', 'shards larger than their payloads need')
  const junk = await honest(2)
  junk[0] = Buffer.from(junk[0])
  junk[0][junk[0].byteLength - 1] = 1
  assert.equal(await fault(2, junk), 'Malformed', 'non-zero padding')
  const sizes = await honest(2)
  sizes[1] = new Uint8Array(8)
  assert.equal(await fault(2, sizes), 'Malformed')
})

// Reed-Solomon coding of a feed's stripes as the encoder does it (each 4+2 stripe's payloads framed into
// equal shards in memory reused from batch to batch, then ronomon's encode) vs. ronomon's raw encode of the
// same shard bytes into buffers made beforehand, in the same run. The whole slot pipeline (reading blocks,
// signed proofs, hypercore appends that hash every shard) is timed too and reported beside it: it is bound
// by hashing, not by coding.
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import type Hypercore from 'hypercore'
import { STRIPES_PER_BATCH, feedStripes, writeSlots } from '../erasure/slot-cores.js'
import { StripeArena } from '../erasure/stripe-arena.js'
import { headOf, signedBlockProof } from '../erasure/feed-proofs.js'
import { codingContext, encodeStripe, shardSize, slotLength, stripeBlocks } from '../erasure/stripes.js'
import { result } from './result.js'
import { tempCores } from './temp-cores.js'

const ReedSolomon = createRequire(import.meta.url)('@ronomon/reed-solomon') as typeof import('@ronomon/reed-solomon')

const K = 4
const M = 2
const BLOCK = 64 * 1024
const FEED_BLOCKS = 1024
const ROUNDS = 5

export default async function erasureEncode () {
  // Slots in cores of any key: their roots and proofs depend on their blocks only.
  const cores = tempCores('datdot-bench-encode-')
  try {
    const feed = await cores.feed(FEED_BLOCKS, BLOCK)
    const head = await headOf(feed)
    const stripes = slotLength(FEED_BLOCKS, K)
    // The payloads the encoder codes: each block with its signed proof, read once beforehand for both sides.
    const payloads = await Promise.all(Array.from({ length: stripes }, async (_, j) => await Promise.all(stripeBlocks(j, K, FEED_BLOCKS).map(async (i) => await signedBlockProof(feed, i, head)))))
    const bytes = payloads.reduce((n, p) => n + p.reduce((a, b) => a + b.byteLength, 0), 0) * ROUNDS

    let ours = Infinity
    let reference = Infinity
    const ctx = codingContext(K, M)
    const arena = new StripeArena()
    // The same shard sizes as the encoder's (its proofs differ in length from stripe to stripe).
    const sizes = payloads.map(shardSize)
    const data = payloads.map((p, j) => Buffer.concat(p.map((b) => { const shard = Buffer.alloc(sizes[j]); shard.set(b); return shard })))
    const parity = payloads.map((_, j) => Buffer.alloc(M * sizes[j]))
    const sources = (1 << K) - 1
    const targets = ((1 << M) - 1) << K
    const raw = (j: number) => new Promise<void>((resolve, reject) => {
      ReedSolomon.encode(ctx, sources, targets, data[j], 0, K * sizes[j], parity[j], 0, M * sizes[j], (err) => { if (err !== undefined && err !== null) reject(err); else resolve() })
    })
    // Best of three, alternating, so that neither side has the warmer machine.
    for (let round = 0; round < 3; round++) {
      let t0 = performance.now()
      // As writeSlots codes: a batch of stripes at a time into memory reused from batch to batch.
      for (let r = 0; r < ROUNDS; r++) {
        for (let j = 0; j < payloads.length; j++) {
          if (j % STRIPES_PER_BATCH === 0) arena.reset()
          await encodeStripe(payloads[j], K, M, arena)
        }
      }
      ours = Math.min(ours, (performance.now() - t0) / 1000)
      t0 = performance.now()
      for (let r = 0; r < ROUNDS; r++) for (let j = 0; j < payloads.length; j++) await raw(j)
      reference = Math.min(reference, (performance.now() - t0) / 1000)
    }

    const slots = new Map<number, Hypercore>()
    for (let i = 0; i < K + M; i++) {
      slots.set(i, await cores.open())
    }
    const t0 = performance.now()
    await writeSlots(slots, stripes, feedStripes(feed, head, K, M))
    const pipeline = (FEED_BLOCKS * BLOCK) / 2 ** 20 / ((performance.now() - t0) / 1000)

    const mibs = (seconds: number) => bytes / 2 ** 20 / seconds
    return result({
      name: 'erasure-encode',
      ours: mibs(ours),
      reference: mibs(reference),
      goal: 0.8,
      goalIs: 'min',
      unit: 'MiB/s',
      what: `${K}+${M} stripes of a ${FEED_BLOCKS * BLOCK / 2 ** 20} MiB feed of 64 KiB blocks (with their signed proofs): the encoder's framing and coding vs. ronomon's raw encode of the same shards; the whole slot pipeline into hypercores ran at ${pipeline.toFixed(0)} MiB/s of feed`
    })
  } finally {
    await cores.close()
  }
}

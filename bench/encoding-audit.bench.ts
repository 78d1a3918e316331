// One encoding audit of a 10+4 stripe of 64 KiB feed blocks, as the chain runs it (14 slot proofs verified
// against the slot roots, the 10 data shards' signed feed proofs verified, the 4 parity shards recomputed
// synchronously and compared) vs. ronomon's own encode of the same stripe's parity, in the same run.
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import type Hypercore from 'hypercore'
import { makeBlockProof } from '../hypercore/make.js'
import { feedVerifier, verifyBlockProof } from '../hypercore/verify.js'
import { feedStripes, slotRoot, writeSlots } from '../erasure/slot-cores.js'
import { headOf } from '../erasure/feed-proofs.js'
import { slotLength } from '../erasure/stripes.js'
import { judgeStripe } from '../chain/pallets/audits/verdict.js'
import { result } from './result.js'
import { tempCores } from './temp-cores.js'

const ReedSolomon = createRequire(import.meta.url)('@ronomon/reed-solomon') as typeof import('@ronomon/reed-solomon')

const K = 10
const M = 4
const BLOCK = 64 * 1024
const FEED_BLOCKS = 320
const AUDITS = 40

export default async function encodingAudit () {
  // Slots in cores of any key: their roots and proofs depend on their blocks only.
  const cores = tempCores('datdot-bench-audit-')
  try {
    const feed = await cores.feed(FEED_BLOCKS, BLOCK)
    const slots = new Map<number, Hypercore>()
    for (let i = 0; i < K + M; i++) {
      slots.set(i, await cores.open())
    }
    const stripes = slotLength(FEED_BLOCKS, K)
    await writeSlots(slots, stripes, feedStripes(feed, await headOf(feed), K, M))
    const roots = await Promise.all([...slots.values()].map(slotRoot))
    const verifier = feedVerifier(feed.key, (await feed.getManifest({ raw: true })) ?? new Uint8Array())
    const picked = Array.from({ length: AUDITS }, (_, a) => (a * 7) % stripes)
    const answers = await Promise.all(picked.map(async (j) => await Promise.all([...slots.values()].map(async (core) => await makeBlockProof(core, j, stripes)))))

    let t0 = performance.now()
    picked.forEach((j, a) => {
      const shards = answers[a].map((proof, i) => verifyBlockProof(proof, { length: roots[i].length, treeHash: roots[i].treeHash }, j))
      const verdict = judgeStripe({ k: K, m: M, start: 0, end: FEED_BLOCKS, stripe: j, feed: verifier, shards })
      if (verdict.type !== 'Passed') throw new Error(`an honest stripe failed its audit: ${JSON.stringify(verdict)}`)
    })
    const auditRate = AUDITS / ((performance.now() - t0) / 1000)

    // The reference: the library's raw encode of the same stripes' parity from their data shards.
    const ctx = ReedSolomon.create(K, M)
    const stripesData = answers.map((proofs, a) => proofs.slice(0, K).map((p, i) => verifyBlockProof(p, { length: roots[i].length, treeHash: roots[i].treeHash }, picked[a])))
    const size = stripesData[0][0].byteLength
    const buffers = stripesData.map((data) => Buffer.concat(data.map((d) => Buffer.from(d))))
    const parities = buffers.map((data) => Buffer.alloc((data.byteLength / K) * M))
    t0 = performance.now()
    for (const [a, data] of buffers.entries()) {
      const parity = parities[a]
      await new Promise<void>((resolve, reject) => ReedSolomon.encode(ctx, (1 << K) - 1, ((1 << M) - 1) << K, data, 0, data.byteLength, parity, 0, parity.byteLength, (err) => (err ? reject(err) : resolve())))
    }
    const encodeRate = buffers.length / ((performance.now() - t0) / 1000)

    return result({
      name: 'encoding-audit',
      ours: auditRate,
      reference: encodeRate,
      goal: 0.01,
      goalIs: 'min',
      unit: 'stripes/s',
      what: `${AUDITS} audits of a ${K}+${M} stripe of 64 KiB blocks (14 slot proofs, 10 signed feed proofs, parity recomputed in TS and compared: ${(size * (K + M) / 2 ** 20).toFixed(2)} MiB of shards) vs. ronomon's encode of the same stripes' parity`
    })
  } finally {
    await cores.close()
  }
}

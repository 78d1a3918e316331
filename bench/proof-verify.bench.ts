// Storage proofs (64 KiB blocks) verified per second by the chain's verifier vs. raw blake2b-256 hashing
// of the same block bytes with sodium-native, in the same run.
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import Hypercore from 'hypercore'
import { makeBlockProof } from '../hypercore/make.js'
import { verifyBlockProof } from '../hypercore/verify.js'
import { result } from './result.js'

const sodium = createRequire(import.meta.url)('sodium-native') as { crypto_generichash (out: Uint8Array, data: Uint8Array): void }

const BLOCKS = 1024
const BLOCK = 64 * 1024
const PROOFS = 2000

export default async function proofVerify () {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-bench-proof-'))
  const core = new Hypercore(dir)
  try {
    await core.ready()
    const blocks = Array.from({ length: BLOCKS }, () => randomBytes(BLOCK))
    for (let i = 0; i < BLOCKS; i += 64) await core.append(blocks.slice(i, i + 64))
    const root = { length: BLOCKS, treeHash: await core.treeHash() }
    const indexes = Array.from({ length: PROOFS }, (_, i) => (i * 7919) % BLOCKS)
    const proofs = await Promise.all(indexes.map((i) => makeBlockProof(core, i, BLOCKS)))

    let t0 = performance.now()
    for (let i = 0; i < PROOFS; i++) verifyBlockProof(proofs[i], root, indexes[i])
    const verifyRate = PROOFS / ((performance.now() - t0) / 1000)

    const out = new Uint8Array(32)
    t0 = performance.now()
    for (let i = 0; i < PROOFS; i++) sodium.crypto_generichash(out, blocks[indexes[i]])
    const hashRate = PROOFS / ((performance.now() - t0) / 1000)

    return result({
      name: 'proof-verify',
      ours: verifyRate,
      reference: hashRate,
      goal: 0.5,
      goalIs: 'min',
      unit: 'blocks/s',
      what: `${PROOFS} storage proofs of 64 KiB blocks (a ${BLOCKS}-block feed) verified with hypercore's own code vs. blake2b-256 of the same blocks (sodium-native)`
    })
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

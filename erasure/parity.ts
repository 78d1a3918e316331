import { createRequire } from 'node:module'

const ReedSolomon = createRequire(import.meta.url)('@ronomon/reed-solomon') as typeof import('@ronomon/reed-solomon')

/**
 * The parity of a stripe computed synchronously, for the chain: a block executes synchronously and ronomon's
 * `encode` runs only on the libuv pool. ronomon's `create(k, m)` is synchronous and returns its coding
 * context, `w ++ k ++ m ++ bitmatrix` (a Cauchy matrix over GF(2^w) expanded to bits): the bitmatrix is taken
 * from the library as it is, and only its `dot` schedule (binding.c) is reproduced here, so the parity is the
 * library's byte for byte (erasure/parity.test.ts checks that against ronomon's own encode). No other library
 * serves: the other Reed-Solomon packages use other matrices, so their parity differs from the slots'.
 */

const contexts = new Map<string, { w: number, bitmatrix: Uint8Array }>()

function context (k: number, m: number): { w: number, bitmatrix: Uint8Array } {
  const id = `${k}+${m}`
  let ctx = contexts.get(id)
  if (ctx === undefined) {
    const raw = ReedSolomon.create(k, m)
    ctx = { w: raw[0], bitmatrix: Uint8Array.from(raw.subarray(3)) }
    contexts.set(id, ctx)
  }
  return ctx
}

/** binding.c's dot_chunk_size: the chunk each bit row XORs, halved while a pass would not fit in 1 MiB. */
function chunkSize (w: number, k: number, shardSize: number): number {
  let chunk = shardSize / w
  while (chunk > 64 && chunk % 2 === 0 && (1 + k * w) * chunk > 1048576) chunk /= 2
  return chunk
}

function xorInto (target: Uint8Array, source: Uint8Array): void {
  if (target.byteOffset % 4 === 0 && source.byteOffset % 4 === 0 && target.byteLength % 4 === 0) {
    const t = new Uint32Array(target.buffer, target.byteOffset, target.byteLength / 4)
    const s = new Uint32Array(source.buffer, source.byteOffset, source.byteLength / 4)
    for (let i = 0; i < t.length; i++) t[i] ^= s[i]
    return
  }
  for (let i = 0; i < target.byteLength; i++) target[i] ^= source[i]
}

/**
 * The m parity shards of k data shards of one size (a multiple of 8 bytes), as ronomon's encode gives them
 * with every data shard as source and every parity shard as target.
 */
export function parityOf (data: readonly Uint8Array[], m: number): Uint8Array[] {
  const k = data.length
  const size = data[0]?.byteLength ?? 0
  if (k === 0 || size === 0 || size % 8 !== 0 || data.some((d) => d.byteLength !== size)) {
    throw new RangeError('parity needs at least one data shard, all of one size, a non-zero multiple of 8 bytes')
  }
  // ronomon replicates when k = 1.
  if (k === 1) return Array.from({ length: m }, () => Uint8Array.from(data[0]))
  const { w, bitmatrix } = context(k, m)
  const chunk = chunkSize(w, k, size)
  const kww = k * w * w
  // Word-wise XOR needs 4-byte alignment, which subarrays of decoded proofs rarely have.
  const sources = data.map((d) => (d.byteOffset % 4 === 0 ? d : Uint8Array.from(d)))
  return Array.from({ length: m }, (_, i) => {
    const row = bitmatrix.subarray(kww * i, kww * (i + 1))
    const target = new Uint8Array(size)
    for (let offset = 0; offset < size; offset += w * chunk) {
      let column = 0
      for (let a = 0; a < w; a++) {
        const out = target.subarray(offset + a * chunk, offset + (a + 1) * chunk)
        // The first source is copied in binding.c; XOR into zeros is the same.
        for (let b = 0; b < k; b++) {
          for (let c = 0; c < w; c++) {
            if (row[column++] !== 0) xorInto(out, sources[b].subarray(offset + c * chunk, offset + (c + 1) * chunk))
          }
        }
      }
    }
    return target
  })
}

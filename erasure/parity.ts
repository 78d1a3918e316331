import { codingContext } from './stripes.js'

/**
 * The parity of a stripe computed synchronously, for the chain: a block executes synchronously and ronomon's
 * `encode` runs only on the libuv pool. ronomon's `create(k, m)` is synchronous and returns its coding
 * context, `w ++ k ++ m ++ bitmatrix` (a Cauchy matrix over GF(2^w) expanded to bits): the bitmatrix is taken
 * from the library as it is, and only its `dot` schedule (binding.c) is reproduced here, so the parity is the
 * library's byte for byte (erasure/parity.test.ts checks that against ronomon's own encode). No other library
 * serves: the other Reed-Solomon packages use other matrices, so their parity differs from the slots'.
 */

/** ronomon's context is `w ++ k ++ m ++ bitmatrix`. */
function context (k: number, m: number): { w: number, bitmatrix: Uint8Array } {
  const raw = codingContext(k, m)
  return { w: raw[0], bitmatrix: raw.subarray(3) }
}

/** binding.c's dot_chunk_size: the chunk each bit row XORs, halved while a pass would not fit in 1 MiB. */
function chunkSize (w: number, k: number, shardSize: number): number {
  let chunk = shardSize / w
  while (chunk > 64 && chunk % 2 === 0 && (1 + k * w) * chunk > 1048576) chunk /= 2
  return chunk
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
  // Chunks are copied into word-aligned scratch space, as their offsets (multiples of an often odd chunk
  // size) rarely allow word-wise XOR in place; XOR into zeros is binding.c's copy-then-XOR.
  const words = Math.ceil(chunk / 4)
  const sources = Array.from({ length: k * w }, () => new Uint32Array(words))
  const sourceBytes = sources.map((u) => new Uint8Array(u.buffer))
  const out = new Uint32Array(words)
  const outBytes = new Uint8Array(out.buffer)
  const parity = Array.from({ length: m }, () => new Uint8Array(size))
  for (let offset = 0; offset < size; offset += w * chunk) {
    for (let b = 0; b < k; b++) {
      for (let c = 0; c < w; c++) sourceBytes[b * w + c].set(data[b].subarray(offset + c * chunk, offset + (c + 1) * chunk))
    }
    for (let i = 0; i < m; i++) {
      const row = bitmatrix.subarray(kww * i, kww * (i + 1))
      for (let a = 0; a < w; a++) {
        out.fill(0)
        const bits = row.subarray(a * k * w, (a + 1) * k * w)
        for (let column = 0; column < k * w; column++) {
          if (bits[column] === 0) continue
          const src = sources[column]
          for (let x = 0; x < words; x++) out[x] ^= src[x]
        }
        parity[i].set(outBytes.subarray(0, chunk), offset + a * chunk)
      }
    }
  }
  return parity
}

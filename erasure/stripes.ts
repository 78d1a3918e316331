import { createRequire } from 'node:module'
import type { Context } from '@ronomon/reed-solomon'
import { blockOfProof } from './feed-proofs.js'
import type { StripeArena } from './stripe-arena.js'

// The package's entry point is the native addon itself, which only require() loads.
const ReedSolomon = createRequire(import.meta.url)('@ronomon/reed-solomon') as typeof import('@ronomon/reed-solomon')

/**
 * The erasure layout. The feed is cut into stripes of k consecutive blocks; stripe j is coded into k + m
 * shards of one size, and shard i of stripe j is block j of slot i. So every slot has ceil(L / k) blocks,
 * slots 0…k-1 hold the feed's blocks and slots k…k+m-1 the parity. A generation (a plan of the blocks a
 * feed gained later) is laid out the same way over its range [from, L), from its first block on.
 *
 * A shard is a payload framed as `u32le byte length ++ bytes ++ zero padding`: the stripe's payloads may
 * differ in size, Reed-Solomon needs equal shards (a multiple of 8 bytes for ronomon), and a rebuilt data
 * shard must give back its payload exactly. A data shard's payload is its feed block with the feed's signed
 * merkle proof of it (erasure/feed-proofs.ts), so that the chain's encoding audits can check data shards
 * against the feed once the publisher is gone. The last stripe's missing blocks are empty payloads.
 */

const HEADER = 4
const EMPTY = new Uint8Array(0)

/** Blocks in each slot of a feed of `feedLength` blocks. */
export function slotLength (feedLength: number, k: number): number {
  return Math.ceil(feedLength / k)
}

/** Feed block indexes of stripe j of the blocks [from, feedLength): [from + j·k, from + j·k + k) clipped to the feed. */
export function stripeBlocks (stripe: number, k: number, feedLength: number, from = 0): number[] {
  const start = from + stripe * k
  return Array.from({ length: Math.max(0, Math.min(k, feedLength - start)) }, (_, i) => start + i)
}

/** The shard size of a stripe of these payloads. */
export function shardSize (payloads: readonly Uint8Array[]): number {
  const largest = payloads.reduce((n, b) => Math.max(n, b.byteLength), 0)
  return Math.ceil((HEADER + largest) / 8) * 8
}

/** The payload a shard frames. */
export function payloadOf (shard: Uint8Array): Uint8Array {
  if (shard.byteLength < HEADER) throw new RangeError(`a shard of ${shard.byteLength} bytes has no header`)
  const length = Buffer.from(shard.buffer, shard.byteOffset, shard.byteLength).readUInt32LE(0)
  if (HEADER + length > shard.byteLength) throw new RangeError(`a shard of ${shard.byteLength} bytes cannot hold a payload of ${length}`)
  return shard.subarray(HEADER, HEADER + length)
}

/** The feed block a data shard holds (empty past the feed's end). */
export function unframe (shard: Uint8Array): Uint8Array {
  return blockOfProof(payloadOf(shard))
}

/** A shard framing `payload`, of `size` bytes. */
export function frame (payload: Uint8Array, size: number): Buffer {
  const shard = Buffer.allocUnsafe(size)
  frameInto(shard, 0, payload, size)
  return shard
}

/** Writes the shard framing `payload` (`size` bytes) into `target` at `offset`: one copy, no zeroing but the padding's. */
function frameInto (target: Buffer, offset: number, payload: Uint8Array, size: number): void {
  target.writeUInt32LE(payload.byteLength, offset)
  target.set(payload, offset + HEADER)
  target.fill(0, offset + HEADER + payload.byteLength, offset + size)
}

const contexts = new Map<string, Context>()

/** ronomon's coding context for k + m, made once per shape. */
export function codingContext (k: number, m: number): Context {
  const id = `${k}+${m}`
  let ctx = contexts.get(id)
  if (ctx === undefined) {
    ctx = ReedSolomon.create(k, m)
    contexts.set(id, ctx)
  }
  return ctx
}

function bits (indexes: Iterable<number>): number {
  let mask = 0
  for (const i of indexes) mask |= 1 << i
  return mask
}

/** Runs ronomon over one stripe laid out as data (k shards) and parity (m shards), filling `targets` from `sources`. */
function code (k: number, m: number, size: number, data: Buffer, parity: Buffer, sources: number[], targets: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    ReedSolomon.encode(codingContext(k, m), bits(sources), bits(targets), data, 0, k * size, parity, 0, m * size, (err) => {
      if (err !== undefined && err !== null) reject(err)
      else resolve()
    })
  })
}

function split (data: Buffer, parity: Buffer, k: number, m: number, size: number): Buffer[] {
  return [
    ...Array.from({ length: k }, (_, i) => data.subarray(i * size, (i + 1) * size)),
    ...Array.from({ length: m }, (_, i) => parity.subarray(i * size, (i + 1) * size))
  ]
}

/** Stripe buffers: from the batch's arena, or fresh. Every byte of them is written before use: no zeroing. */
function buffer (bytes: number, arena: StripeArena | null): Buffer {
  return arena?.take(bytes) ?? Buffer.allocUnsafe(bytes)
}

/** The k + m shards of a stripe of at most k payloads (in `arena`'s memory, if given: valid until its reset). */
export async function encodeStripe (payloads: readonly Uint8Array[], k: number, m: number, arena: StripeArena | null = null): Promise<Buffer[]> {
  if (payloads.length > k) throw new RangeError(`a stripe holds at most ${k} payloads, not ${payloads.length}`)
  const size = shardSize(payloads)
  // Every byte is written below (data) or by the coding (parity).
  const data = buffer(k * size, arena)
  const parity = buffer(m * size, arena)
  for (let i = 0; i < k; i++) frameInto(data, i * size, payloads[i] ?? EMPTY, size)
  await code(k, m, size, data, parity, Array.from({ length: k }, (_, i) => i), Array.from({ length: m }, (_, i) => k + i))
  return split(data, parity, k, m, size)
}

/**
 * Every shard of a stripe, rebuilt from at least k of them (missing ones null; all present ones of one size),
 * in `arena`'s memory if given.
 */
export async function repairStripe (shards: ReadonlyArray<Uint8Array | null>, k: number, m: number, arena: StripeArena | null = null): Promise<Buffer[]> {
  if (shards.length !== k + m) throw new RangeError(`a stripe has ${k + m} shards, not ${shards.length}`)
  const present = shards.flatMap((s, i) => (s === null ? [] : [i]))
  if (present.length < k) throw new RangeError(`rebuilding a stripe needs ${k} shards; only ${present.length} are here`)
  const size = shards[present[0]]!.byteLength
  if (present.some((i) => shards[i]!.byteLength !== size)) throw new RangeError('the shards of a stripe differ in size')
  // The present shards are copied in and the missing ones coded: every byte is written.
  const data = buffer(k * size, arena)
  const parity = buffer(m * size, arena)
  for (const i of present) (i < k ? data : parity).set(shards[i]!, (i < k ? i : i - k) * size)
  const missing = shards.flatMap((s, i) => (s === null ? [i] : []))
  if (missing.length > 0) await code(k, m, size, data, parity, present, missing)
  return split(data, parity, k, m, size)
}

/**
 * Memory reused for the shards of a batch of stripes. A stripe's buffers, fresh from the allocator, cost
 * about as much to fault in as the coding itself (bench/erasure-encode): the encoder codes stripes batch by
 * batch into one slab, whose shards are handed to hypercore and copied to disk before the next batch starts.
 */
export class StripeArena {
  #slab = Buffer.allocUnsafe(0)
  #used = 0

  /** `bytes` bytes, not zeroed, valid until the next `reset()` (the slab grows when a batch needs more). */
  take (bytes: number): Buffer {
    if (this.#used + bytes > this.#slab.byteLength) {
      // Shards taken from the old slab stay valid: they keep it alive until the batch is done with them.
      this.#slab = Buffer.allocUnsafe(Math.max(2 * this.#slab.byteLength, bytes))
      this.#used = 0
    }
    const buffer = this.#slab.subarray(this.#used, this.#used + bytes)
    this.#used += bytes
    return buffer
  }

  /** Lets every shard taken so far be overwritten: call once they are written where they go. */
  reset (): void {
    this.#used = 0
  }
}

// Types for @ronomon/reed-solomon 6 (the package ships none).
declare module '@ronomon/reed-solomon' {
  /** The coding context: the bytes `w, k, m` and the k·w × m·w bitmatrix. */
  export type Context = Buffer
  export const MAX_K: number
  export const MAX_M: number
  export function create (k: number, m: number): Context
  /**
   * Computes the `targets` shards (bit i: shard i; data shards 0…k-1 in `buffer`, parity shards k…k+m-1 in
   * `parity`) from the `sources` shards (at least k of them). Every shard has the same size, a multiple of 8.
   */
  export function encode (
    context: Context, sources: number, targets: number,
    buffer: Buffer, bufferOffset: number, bufferSize: number,
    parity: Buffer, parityOffset: number, paritySize: number,
    callback: (error: Error | undefined) => void
  ): void
}

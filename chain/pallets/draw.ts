import { u8aConcat, u8aToBigInt, stringToU8a } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'

/**
 * Uniform draws from the block randomness, separated by purpose so that two uses of the same block's
 * seed never see the same numbers: the i-th draw is blake2_256(seed ++ domain ++ i).
 */
export class Draw {
  #counter = 0
  readonly #prefix: Uint8Array

  constructor (seed: Uint8Array, domain: string) {
    this.#prefix = u8aConcat(seed, stringToU8a(domain))
  }

  /** A number in [0, n); the modulo bias is below 2^-192 for any n that fits in a u64. */
  below (n: bigint): bigint {
    if (n <= 0n) throw new RangeError('Draw.below needs n > 0')
    const out = blake2AsU8a(u8aConcat(this.#prefix, stringToU8a(String(this.#counter++))), 256)
    return u8aToBigInt(out, { isLe: true }) % n
  }

  index (n: number): number {
    return Number(this.below(BigInt(n)))
  }
}

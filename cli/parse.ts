import { InvalidArgumentError } from 'commander'

/** An integer option in [min, max]. */
export function integer (what: string, min: number, max: number): (value: string) => number {
  return value => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${what} must be an integer from ${min} to ${max}`)
    return n
  }
}

const UNITS: Record<string, bigint> = { '': 1n, B: 1n, KB: 1000n, MB: 1000n ** 2n, GB: 1000n ** 3n, TB: 1000n ** 4n, KIB: 1024n, MIB: 1024n ** 2n, GIB: 1024n ** 3n, TIB: 1024n ** 4n }

/** A size: bytes, or a number with a unit (`512MiB`, `10GiB`, `2TB`). */
export function byteSize (value: string): bigint {
  const m = /^(\d+)\s*([a-zA-Z]*)$/.exec(value.trim())
  const unit = m === null ? undefined : UNITS[m[2].toUpperCase()]
  if (m === null || unit === undefined || BigInt(m[1]) === 0n) throw new InvalidArgumentError(`"${value}" is not a size: give bytes or a number with KiB, MiB, GiB, TiB (or KB, MB, GB, TB)`)
  return BigInt(m[1]) * unit
}

/** `host:port`. */
export function hostPort (value: string): string {
  const m = /^([^:\s]+):(\d{1,5})$/.exec(value)
  if (m === null || Number(m[2]) > 65535) throw new InvalidArgumentError(`"${value}" is not host:port`)
  return value
}

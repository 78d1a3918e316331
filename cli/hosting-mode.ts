import { InvalidArgumentError } from 'commander'

/** The chain counts slots in u16; it refuses itself what it cannot support (see its InvalidMode error). */
const U16_MAX = 65535

/**
 * `--ranges A-B,C-D`: block ranges [A, B) to host instead of the whole feed, ordered and not overlapping (the
 * chain also checks them against the feed's length).
 */
export function blockRanges (value: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const part of value.split(',')) {
    const m = /^(\d{1,15})-(\d{1,15})$/.exec(part.trim())
    const [start, end] = m === null ? [0, 0] : [Number(m[1]), Number(m[2])]
    if (m === null || start >= end || start < (ranges.at(-1)?.[1] ?? 0)) {
      throw new InvalidArgumentError(`"${value}" is not a list of block ranges START-END (END excluded), ordered and not overlapping, e.g. 0-100,200-250`)
    }
    ranges.push([start, end])
  }
  return ranges
}

/** `--erasure K+M`: k data slots and m parity slots, each held by its own hoster. */
export function erasureCode (value: string): { erasure: { k: number, m: number } } {
  const m = /^(\d{1,5})\+(\d{1,5})$/.exec(value)
  const [k, parity] = m === null ? [0, 0] : [Number(m[1]), Number(m[2])]
  if (k < 1 || parity < 1 || k > U16_MAX || parity > U16_MAX) {
    throw new InvalidArgumentError(`"${value}" is not K+M: give the data and parity slot counts, e.g. 4+2`)
  }
  return { erasure: { k, m: parity } }
}

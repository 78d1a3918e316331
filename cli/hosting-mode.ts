import { InvalidArgumentError } from 'commander'

/** The chain counts slots in u16; it refuses itself what it cannot support (see its InvalidMode error). */
const U16_MAX = 65535

/** `--erasure K+M`: k data slots and m parity slots, each held by its own hoster. */
export function erasureCode (value: string): { erasure: { k: number, m: number } } {
  const m = /^(\d{1,5})\+(\d{1,5})$/.exec(value)
  const [k, parity] = m === null ? [0, 0] : [Number(m[1]), Number(m[2])]
  if (k < 1 || parity < 1 || k > U16_MAX || parity > U16_MAX) {
    throw new InvalidArgumentError(`"${value}" is not K+M: give the data and parity slot counts, e.g. 4+2`)
  }
  return { erasure: { k, m: parity } }
}

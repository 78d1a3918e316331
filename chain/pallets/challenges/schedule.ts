import { Draw } from '../draw.js'

const TWO_53 = 2 ** 53

/**
 * The indexes in [0, n) that this block checks, each independently with probability 1/period: the number
 * checked is Binomial(n, 1/period) (mean n/period) and every position's next check is a geometric time
 * away, memoryless, known to nobody before the block's randomness exists. The gaps between the chosen
 * indexes are drawn (geometric, by inversion), so the cost is one draw per index chosen, plus one.
 * Math.log is V8's fdlibm port: every node computes the same gaps.
 */
export function * drawnIndexes (draw: Draw, n: number, period: number): Generator<number> {
  if (n === 0) return
  if (period <= 1) {
    for (let i = 0; i < n; i++) yield i
    return
  }
  const logMiss = Math.log1p(-1 / period)
  for (let i = -1; ;) {
    // u in (0, 1]: P(gap ≥ g) = (1 - 1/period)^g.
    const u = (Number(draw.below(BigInt(TWO_53))) + 1) / TWO_53
    i += 1 + Math.floor(Math.log(u) / logMiss)
    if (i >= n) return
    yield i
  }
}

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { flagSlow } from './plan.js'
import type { PositionReport } from './plan.js'

const at = (position: number, latencyMs: number | null): PositionReport => ({
  position, hoster: `h${position}`, state: 'active', amendment: null, ready: false, bytes: 1, strikes: 0, lastProof: null,
  paidUntil: 0, openChallenges: [], latencyMs, slow: false, health: 'healthy'
})

test('status flags a hoster whose latency stays far above its plan\'s others', () => {
  const flagged = flagSlow([at(0, 20), at(1, 30), at(2, 400), at(3, null)])
  assert.deepEqual(flagged.map((p) => p.slow), [false, false, true, false], '400 ms > 4 × 25 ms, the median of the others')
  assert.deepEqual(flagSlow([at(0, 400)]).map((p) => p.slow), [false], 'alone, a position has nothing to compare with')
  assert.deepEqual(flagSlow([at(0, 20), at(1, 70)]).map((p) => p.slow), [false, false], 'within 4× of the others')
})

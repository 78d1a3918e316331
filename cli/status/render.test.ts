import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderNetwork } from './render.js'
import type { NetworkReport, ProviderReport } from './network.js'

const hoster = (address: string, suspendedAt: number): ProviderReport => ({
  address, roles: ['hoster'], capacity: 1 << 30, committed: 0, strikes: suspendedAt === 0 ? 0 : 1, reputation: 100, pausedUntil: 0, suspendedAt
})

test('the network status counts and shows suspended providers, and plans waiting for repair', () => {
  const n: NetworkReport = {
    block: 120, finalized: 118, providers: [hoster('5Ok', 0), hoster('5Struck', 97)], plans: [], endedPlans: 0, lostPlans: 0, queue: [3], repairs: [1, 2], feeds: 2, openChallenges: { storage: 0, performance: 0 }
  }
  const text = renderNetwork(n)
  assert.match(text, /1 suspended/)
  assert.match(text, /^5Struck .* since 97\s*$/m)
  assert.match(text, /^5Ok .* -\s*$/m)
  assert.match(text, /1 queued, 2 waiting for repair/)
})

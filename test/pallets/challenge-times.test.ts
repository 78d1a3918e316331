// When checks open: each block draws them from its own randomness over the dense index of active
// positions, so nothing in state tells anyone which position a later block will challenge.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bnToU8a } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto'
import { RuntimeHarness } from '../helpers/runtime.js'
import { loadChainSpec } from '../../chain/spec/load.js'
import type { ChainSpec } from '../../chain/spec/types.js'
import type { Runtime } from '../../chain/runtime/runtime.js'
import { Roles } from '../../chain/pallets/roles.js'
import { Feeds } from '../../chain/pallets/feeds.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { addActive } from '../../chain/pallets/challenges/active.js'
import { seed } from '../../chain/pallets/randomness.js'

const POSITIONS = 400
const ATTESTERS = 3
// responseWindow 1: a storage challenge closes at the next block, so no drawn position is skipped for being
// open; a performance check takes one block more (its samples are drawn a block after it opens), so a position
// is skipped in the block after its draw: 1/performancePeriod of draws (50 of 2,000), well within 5 sd (221).
// Nobody reports here, so every attester loses reputation on every check: reputation floor 0 keeps them drawn
// (the floor has its own test in evidence.test.ts).
const PARAMS = { challengePeriod: 20, performancePeriod: 40, responseWindow: 1, maxStrikes: 1_000_000, attestersPerCheck: 1, attesterReputationFloor: 0 }

const id = (n: number, domain: number) => blake2AsU8a(bnToU8a(n * 16 + domain, { bitLength: 64 }), 256)

function spec (params: object = PARAMS): ChainSpec {
  const dev = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  return { ...dev, genesis: { ...dev.genesis, pallets: { params } } }
}

/** A chain with POSITIONS active single-position plans (each its own hoster) and a few attesters. */
function chainWithActivePositions (runtime: Runtime, positions = POSITIONS, params: object = PARAMS): RuntimeHarness {
  const chain = new RuntimeHarness(runtime, spec(params))
  const ctx = chain.ctx()
  const publisher = id(0, 9)
  const provider = (i: number, hoster: boolean) => ({ noiseKey: id(i, 2), hoster, encoder: false, attester: !hoster, capacity: 1n << 40n, committed: 0n, pausedUntil: 0, strikes: 0, reputation: 100, suspendedAt: 0, passed: 0 })
  for (let a = 0; a < ATTESTERS; a++) {
    const who = id(a, 5)
    Roles.storage.Providers.set(ctx, who, provider(1000 + a, false))
    Roles.storage.Members.set(ctx, { type: 'Attester' }, a, who)
    Roles.storage.MemberIndex.set(ctx, { type: 'Attester' }, who, a)
  }
  Roles.storage.MemberCount.set(ctx, { type: 'Attester' }, ATTESTERS)
  Feeds.storage.Feeds.set(ctx, 0n, { key: id(0, 4), manifest: new Uint8Array(), publisher, root: { length: 1000n, byteLength: 1_024_000n, treeHash: id(0, 3) }, signature: new Uint8Array(68), updatedAt: 0, history: [] })
  for (let p = 0; p < positions; p++) {
    const plan = BigInt(p)
    Roles.storage.Providers.set(ctx, id(p, 1), provider(p, true))
    plansStorage.Plans.set(ctx, plan, { feed: 0n, sponsor: publisher, mode: { type: 'Replicate', value: { replicas: 1 } }, ranges: null, status: { type: 'Active' }, backing: 0n, positions: 1, createdAt: 0 })
    plansStorage.Positions.set(ctx, plan, 0, { hoster: id(p, 1), state: { type: 'Active' }, ready: false, bytes: 1_024_000n, strikes: 0, paidUntil: 0 })
    addActive(ctx, plan, 0)
  }
  plansStorage.NextPlanId.set(ctx, BigInt(positions))
  chain.state.apply(ctx.state.changes)
  return chain
}

/** The plans whose storage challenges (or performance checks) opened with ids from `from` on. */
function openedSince (chain: RuntimeHarness, from: bigint): { storage: bigint[], performance: bigint[] } {
  const ctx = chain.ctx()
  const storage: bigint[] = []
  const performance: bigint[] = []
  for (let i = from; i < challengesStorage.NextId.get(ctx); i++) {
    const c = challengesStorage.StorageChallenges.get(ctx, i)
    if (c !== null) storage.push(c.plan)
    const p = challengesStorage.PerformanceChecks.get(ctx, i)
    if (p !== null) performance.push(p.plan)
  }
  return { storage, performance }
}

test('no storage item holds a future check: what a block challenges follows from its own randomness only', async () => {
  await cryptoWaitReady()
  const runtime = RuntimeHarness.runtime((msg, err) => { throw new Error(`${msg}: ${String(err)}`) })
  const items = runtime.meta.metadata.asLatest.pallets.find((p) => p.name.toString() === 'Challenges')!.storage.unwrap().items.map((i) => i.name.toString())
  assert.ok(!items.includes('Scheduled') && !items.includes('Opening'), `Challenges storage: ${items.join(', ')}`)

  // Everything stored before block 1 is the same in each world; only the randomness of block 1 differs.
  const worlds: string[] = []
  for (let w = 0; w < 4; w++) {
    const chain = chainWithActivePositions(runtime)
    const ctx = chain.ctx()
    seed.set(ctx, id(w, 7))
    chain.state.apply(ctx.state.changes)
    chain.block([])
    const opened = openedSince(chain, 0n)
    assert.ok(opened.storage.length > 0 && opened.performance.length > 0, 'the block opened checks of both kinds')
    worlds.push(JSON.stringify({ storage: opened.storage.map(String), performance: opened.performance.map(String) }))
  }
  assert.equal(new Set(worlds).size, worlds.length, 'each randomness challenges other positions')
})

test('checks per block follow the mean (active / period), uniformly over the positions', async (t) => {
  await cryptoWaitReady()
  const runtime = RuntimeHarness.runtime((msg, err) => { throw new Error(`${msg}: ${String(err)}`) })
  const chain = chainWithActivePositions(runtime)
  const BLOCKS = 200
  const perBlock = { storage: [] as number[], performance: [] as number[] }
  const perPlan = { storage: new Map<bigint, number>(), performance: new Map<bigint, number>() }
  for (let b = 0; b < BLOCKS; b++) {
    const from = challengesStorage.NextId.get(chain.ctx())
    chain.block([])
    const opened = openedSince(chain, from)
    for (const kind of ['storage', 'performance'] as const) {
      perBlock[kind].push(opened[kind].length)
      for (const plan of opened[kind]) perPlan[kind].set(plan, (perPlan[kind].get(plan) ?? 0) + 1)
    }
  }
  for (const [kind, period] of [['storage', PARAMS.challengePeriod], ['performance', PARAMS.performancePeriod]] as const) {
    const p = 1 / period
    const mean = POSITIONS * p
    const counts = perBlock[kind]
    const total = counts.reduce((a, b) => a + b, 0)
    // Binomial(POSITIONS, p) per block: the total over BLOCKS is within 5 standard deviations of its mean.
    const sd = Math.sqrt(BLOCKS * POSITIONS * p * (1 - p))
    assert.ok(Math.abs(total - BLOCKS * mean) < 5 * sd, `${kind}: ${total} checks in ${BLOCKS} blocks, expected ${BLOCKS * mean} ± ${Math.round(5 * sd)}`)
    // The count itself is random: its variance is the binomial one, not 0 (a fixed count per block).
    const variance = counts.reduce((a, c) => a + (c - total / BLOCKS) ** 2, 0) / (BLOCKS - 1)
    assert.ok(variance > mean * (1 - p) / 2 && variance < mean * (1 - p) * 2, `${kind}: variance ${variance.toFixed(1)} per block, binomial ${(mean * (1 - p)).toFixed(1)}`)
    // Uniform over positions: almost every position was checked, none far more than its share.
    const expected = BLOCKS * p
    assert.ok(perPlan[kind].size > POSITIONS * 0.9, `${kind}: ${perPlan[kind].size} of ${POSITIONS} positions checked`)
    assert.ok(Math.max(...perPlan[kind].values()) < expected * 4, `${kind}: at most ${Math.max(...perPlan[kind].values())} checks of one position, expected ${expected}`)
    t.diagnostic(`${kind}: ${total} checks in ${BLOCKS} blocks (expected ${BLOCKS * mean}), variance ${variance.toFixed(1)} per block (binomial ${(mean * (1 - p)).toFixed(1)}), ${perPlan[kind].size}/${POSITIONS} positions checked`)
  }
})

test('a block that opens no check reads as much state with 4,000 active positions as with 40', async () => {
  await cryptoWaitReady()
  const runtime = RuntimeHarness.runtime((msg, err) => { throw new Error(`${msg}: ${String(err)}`) })
  const reads = (positions: number): number => {
    const chain = chainWithActivePositions(runtime, positions, { ...PARAMS, challengePeriod: 1e9, performancePeriod: 1e9 })
    const get = chain.state.get.bind(chain.state)
    let count = 0
    chain.state.get = (key) => { count++; return get(key) }
    chain.block([])
    return count
  }
  const few = reads(40)
  const many = reads(4000)
  assert.equal(many, few, `a block read ${few} keys with 40 active positions, ${many} with 4,000`)
})

test('a block\'s checks cost the same each with 2,000 due at one deadline as with 20: every schedule keeps a key per item', async () => {
  await cryptoWaitReady()
  const runtime = RuntimeHarness.runtime((msg, err) => { throw new Error(`${msg}: ${String(err)}`) })
  const window = 3
  // challengePeriod 1: every position is challenged in block 1, all close unanswered at block 1 + window (a
  // strike each, and a lapse to remember) and are drawn again there. A vector per block would be decoded and
  // rewritten whole at each of those steps: bytes decoded per check would grow with the checks due.
  const decodedPerCheck = (positions: number): number => {
    const chain = chainWithActivePositions(runtime, positions, { ...PARAMS, challengePeriod: 1, performancePeriod: 1e9, responseWindow: window })
    const codec = runtime.meta.codec
    const decode = codec.decode.bind(codec)
    let decoded = 0
    codec.decode = (ty, data) => { decoded += data.length; return decode(ty, data) }
    try {
      for (let b = 0; b <= window; b++) chain.block([])
    } finally {
      codec.decode = decode
    }
    const checks = Number(challengesStorage.NextId.get(chain.ctx())) + positions
    assert.equal(checks, 3 * positions, 'every position was challenged twice, and the first challenges expired')
    return decoded / checks
  }
  const few = decodedPerCheck(20)
  const many = decodedPerCheck(2000)
  assert.ok(many <= few * 1.5, `bytes decoded per check: ${few.toFixed(0)} with 20 due at a block, ${many.toFixed(0)} with 2,000`)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type Hypercore from 'hypercore'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, ed25519PairFromSeed } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import type { Call } from '@polkadot/types/interfaces'
import { RuntimeHarness } from '../../test/helpers/runtime.js'
import { makeFeed, proofsFor, publishArgs } from '../../test/helpers/hypercore.js'
import { loadChainSpec } from '../spec/load.js'
import { makeHeadProof } from '../../hypercore/make.js'
import { challengesStorage } from './challenges/storage.js'
import { System } from './system.js'
import { plansStorage } from './plans/storage.js'
import { Roles } from './roles.js'
import { Feeds } from './feeds.js'
import { receiptFor } from '../../test/helpers/receipt.js'

const ACCOUNTS = 6
/** A fixed seed: CI runs the same 40 sequences every time (change it locally to explore others). */
const SEED = 20261121
const PARAMS = { challengePeriod: 3, responseWindow: 5, maxStrikes: 2, amendmentDeadline: 10, performancePeriod: 3, attestersPerCheck: 2, ratioPerMibBlock: '50000000' }

type Action =
  | { kind: 'hoster', who: number, capacity: number }
  | { kind: 'attester', who: number }
  | { kind: 'unregister', who: number, role: 'Hoster' | 'Attester' }
  | { kind: 'pause', who: number, blocks: number }
  | { kind: 'publish', who: number, feed: number }
  | { kind: 'request', who: number, feed: number, replicas: number }
  | { kind: 'unpublish', who: number, plan: number }
  | { kind: 'support', who: number, plan: number, amount: number }
  | { kind: 'transfer', who: number, to: number, amount: number }
  | { kind: 'ready', who: number, amendment: number, position: number }
  | { kind: 'report', who: number, check: number, success: boolean }
  | { kind: 'grow', who: number, feed: number }
  | { kind: 'progress', pick: number, success: boolean }
  | { kind: 'prove', pick: number }
  | { kind: 'blocks', count: number }

const who = fc.nat(ACCOUNTS - 1)
/** Account i's noise key pair: real, so that its receipts verify. */
const noiseOf = (i: number) => ed25519PairFromSeed(new Uint8Array(32).fill(i + 1))
/** Honest provider steps and blocks weigh most, so that sequences reach hosting, payment and repair. */
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('hoster' as const), who, capacity: fc.integer({ min: 1, max: 300_000 }) }),
  fc.record({ kind: fc.constant('attester' as const), who }),
  fc.record({ kind: fc.constant('unregister' as const), who, role: fc.constantFrom('Hoster' as const, 'Attester' as const) }),
  fc.record({ kind: fc.constant('pause' as const), who, blocks: fc.nat(4) }),
  fc.record({ kind: fc.constant('publish' as const), who, feed: fc.nat(2) }),
  fc.record({ kind: fc.constant('unpublish' as const), who, plan: fc.nat(4) }),
  fc.record({ kind: fc.constant('support' as const), who, plan: fc.nat(4), amount: fc.nat(2_000_000) }),
  fc.record({ kind: fc.constant('transfer' as const), who, to: who, amount: fc.nat(2_000_000) }),
  fc.record({ kind: fc.constant('ready' as const), who, amendment: fc.nat(6), position: fc.nat(2) }),
  fc.record({ kind: fc.constant('report' as const), who, check: fc.nat(12), success: fc.boolean() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('request' as const), who, feed: fc.nat(2), replicas: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('blocks' as const), count: fc.integer({ min: 1, max: 4 }) }) },
  fc.record({ kind: fc.constant('grow' as const), who, feed: fc.nat(2) }),
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('progress' as const), pick: fc.nat(), success: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('prove' as const), pick: fc.nat() }) }
)

test('over random call sequences, ratio never goes negative and hosters never hold more than their capacity, or less than their feeds', async (t) => {
  await cryptoWaitReady()
  const spec = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const testSpec = { ...spec, genesis: { ...spec.genesis, pallets: { params: PARAMS } } }
  const keyring = new Keyring({ type: 'sr25519' })
  const accounts = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((u) => keyring.addFromUri(u).publicKey)
  const cores = await Promise.all([16, 64, 200].map((blocks) => makeFeed(t, blocks, 1024, blocks)))
  const heads = await Promise.all(cores.map(publishArgs))
  const errors: unknown[] = []
  const runtime = RuntimeHarness.runtime((msg, err) => errors.push([msg, err]))

  const stats = { active: 0, paid: 0n, freed: 0 }
  await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 30, maxLength: 80 }), async (actions) => {
    const chain = new RuntimeHarness(runtime, testSpec)
    const tx = chain.tx
    let pending: Array<[Call, Uint8Array]> = [
      // A prelude that makes hosting possible: hosters, attesters, and the three feeds published by Alice.
      ...[1, 2, 3, 4].map((i): [Call, Uint8Array] => [tx.roles.registerHoster(u8aToHex(noiseOf(i).publicKey), 100_000 * i), accounts[i]]),
      ...[4, 5].map((i): [Call, Uint8Array] => [tx.roles.registerAttester(u8aToHex(noiseOf(i).publicKey)), accounts[i]]),
      ...heads.map((h): [Call, Uint8Array] => [tx.feeds.publishFeed(h.key, h.manifest, h.head), accounts[0]])
    ]
    const flush = (blocks = 1) => {
      for (let i = 0; i < blocks; i++) {
        chain.block(pending)
        pending = []
        checkInvariants(chain, accounts)
      }
    }
    for (const a of actions) {
      if (a.kind === 'blocks') { flush(a.count); continue }
      if (a.kind === 'progress') {
        pending.push(...await honestSetupSteps(chain, cores, accounts, a.pick, a.success))
        if (pending.length >= 4) flush()
        continue
      }
      const step = a.kind === 'prove'
        ? await honestProof(chain, cores, a.pick)
        : a.kind === 'grow'
          ? await grow(chain, cores[a.feed], a.feed, accounts[a.who])
          : [toCall(tx, a, heads, accounts, chain.number), accounts[a.who]] as [Call, Uint8Array]
      if (step !== null) pending.push(step)
      if (pending.length >= 4) flush()
    }
    flush(3)
    assert.deepEqual(errors, [], 'no dispatch or hook failed unexpectedly')
    stats.active += chain.events('plans', 'HostingStarted')
    stats.freed += chain.events('plans', 'PositionFreed')
    stats.paid += BigInt(chain.events('challenges', 'StorageProofAccepted'))
  }), { numRuns: 40, seed: SEED })
  // The sequences must reach hosting, payment and repair, or the invariants were checked on nothing.
  assert.ok(stats.active > 20 && stats.paid > 5n && stats.freed > 5, `sequences reached too little: ${JSON.stringify({ ...stats, paid: String(stats.paid) })}`)
  t.diagnostic(`40 random sequences (seed ${SEED}) of 30 to 80 calls: ${stats.active} positions started, ${stats.paid} proofs paid, ${stats.freed} positions freed`)
})

/** The publisher appends blocks; anyone submits the new signed head. */
async function grow (chain: RuntimeHarness, core: Hypercore, feed: number, who: Uint8Array): Promise<[Call, Uint8Array]> {
  await core.append(Array.from({ length: 8 }, (_, i) => new Uint8Array(1024).fill(core.length + i)))
  return [chain.tx.feeds.updateFeed(feed, u8aToHex(await makeHeadProof(core))), who]
}

/**
 * The correct next setup steps of some open amendment: its hoster reports ready; or it answers its setup
 * storage challenge and the attesters of its setup check report with the hoster's receipts (or, when not
 * `success`, one attester says NotServed).
 */
async function honestSetupSteps (chain: RuntimeHarness, cores: Hypercore[], accounts: Uint8Array[], pick: number, success: boolean): Promise<Array<[Call, Uint8Array]>> {
  const ctx = chain.ctx()
  const open = plansStorage.Amendments.entries(ctx)
  if (open.length === 0) return []
  const [id, amendment] = open[pick % open.length]
  const position = amendment.positions[pick % amendment.positions.length]
  const p = plansStorage.Positions.get(ctx, amendment.plan, position)
  if (p === null || p.state.type !== 'Setup' || p.state.value !== id || p.hoster === null) return []
  if (!p.ready) return [[chain.tx.plans.hostingReady(id, position), p.hoster]]
  const steps: Array<[Call, Uint8Array]> = []
  const challenge = challengesStorage.StorageChallenges.entries(ctx).find(([, c]) => c.plan === amendment.plan && c.position === position)
  if (challenge !== undefined) steps.push((await honestProof(chain, cores, challenge[0]))!)
  const found = challengesStorage.PerformanceChecks.entries(ctx).find(([, c]) => c.setup === id && c.position === position && c.indexes.length > 0)
  if (found === undefined) return steps
  const [checkId, check] = found
  const silent = check.attesters.filter((a) => !check.reports.some((r) => u8aToHex(r.attester) === u8aToHex(a)))
  if (!success) return silent.length === 0 ? steps : [...steps, [chain.tx.challenges.submitPerformanceReport(checkId, false, 0, 0, 0, null), silent[0]]]
  const core = cores[Number(plansStorage.Plans.get(ctx, check.plan)!.feed)]
  const noise = noiseOf(accounts.findIndex((a) => u8aToHex(a) === u8aToHex(check.hoster)))
  for (const attester of silent) {
    const receipt = await receiptFor(core, noise, checkId, attester, check.indexes, Number(check.length))
    steps.push([chain.tx.challenges.submitPerformanceReport(checkId, true, 20, 1000, 0, receipt), attester])
  }
  return steps
}

/** A valid answer to some open storage challenge, made from the feed's hypercore. */
async function honestProof (chain: RuntimeHarness, cores: Hypercore[], pick: number | bigint): Promise<[Call, Uint8Array] | null> {
  const ctx = chain.ctx()
  const open = challengesStorage.StorageChallenges.entries(ctx)
  if (open.length === 0) return null
  const [id, c] = typeof pick === 'bigint' ? open.find(([x]) => x === pick)! : open[pick % open.length]
  const plan = plansStorage.Plans.get(ctx, c.plan)
  if (plan === null) return null
  const core = cores[Number(plan.feed)]
  const proofs = await proofsFor(core, c.indexes.map(Number), Number(c.length))
  return [chain.tx.challenges.submitStorageProof(id, proofs), c.hoster]
}

function toCall (tx: RuntimeHarness['tx'], a: Exclude<Action, { kind: 'blocks' | 'progress' | 'prove' | 'grow' }>, heads: Array<{ key: string, manifest: string, head: string }>, accounts: Uint8Array[], now: number): Call {
  const noise = u8aToHex(noiseOf(a.who).publicKey)
  switch (a.kind) {
    case 'hoster': return tx.roles.registerHoster(noise, a.capacity)
    case 'attester': return tx.roles.registerAttester(noise)
    case 'unregister': return tx.roles.unregister(a.role)
    case 'pause': return tx.roles.pause(a.blocks === 0 ? 0 : now + a.blocks)
    case 'publish': return tx.feeds.publishFeed(heads[a.feed].key, heads[a.feed].manifest, heads[a.feed].head)
    case 'request': return tx.plans.requestHosting(a.feed, { Replicate: { replicas: a.replicas } }, null)
    case 'unpublish': return tx.plans.unpublish(a.plan)
    case 'support': return tx.plans.support(a.plan, a.amount)
    case 'transfer': return tx.ratio.transferRatio(accounts[a.to], a.amount)
    case 'ready': return tx.plans.hostingReady(a.amendment, a.position)
    case 'report': return tx.challenges.submitPerformanceReport(a.check, a.success, 0, 0, 0, null)
  }
}

function checkInvariants (chain: RuntimeHarness, accounts: Uint8Array[]): void {
  const ctx = chain.ctx()
  for (const a of accounts) {
    const { data } = System.storage.Account.get(ctx, a)
    assert.ok(data.free >= 0n && data.reserved >= 0n, 'ratio is never negative')
  }
  const held = new Map<string, bigint>()
  const feedHolders = new Set<string>()
  for (const [[planId, index], position] of plansStorage.Positions.entries(ctx)) {
    if (position.hoster === null) continue
    held.set(u8aToHex(position.hoster), (held.get(u8aToHex(position.hoster)) ?? 0n) + position.bytes)
    const plan = plansStorage.Plans.get(ctx, planId)!
    const entry = `${plan.feed}/${u8aToHex(position.hoster)}`
    assert.ok(!feedHolders.has(entry), 'one account holds at most one position per feed')
    feedHolders.add(entry)
    assert.deepEqual(plansStorage.FeedHosters.get(ctx, plan.feed, position.hoster), [planId, index], 'the feed index names the position')
    assert.equal(position.bytes, Feeds.storage.Feeds.get(ctx, plan.feed)!.root.byteLength, 'a replica holds (and is paid for) its feed\'s current size')
  }
  assert.equal(plansStorage.FeedHosters.entries(ctx).length, feedHolders.size, 'the feed index has no entry for a position no longer held')
  const providers = Roles.storage.Providers.entries(ctx)
  assert.deepEqual(Roles.storage.NoiseKeyOwner.entries(ctx).map(([key, owner]) => [u8aToHex(key), u8aToHex(owner)]).sort(),
    providers.map(([account, p]) => [u8aToHex(p.noiseKey), u8aToHex(account)]).sort(), 'each provider owns its noise key, and only providers own keys')
  for (const [account, p] of providers) {
    assert.ok(p.committed <= p.capacity, `committed ${p.committed} ≤ capacity ${p.capacity}`)
    assert.equal(p.committed, held.get(u8aToHex(account)) ?? 0n, 'committed bytes are exactly the bytes of the positions held')
  }
}

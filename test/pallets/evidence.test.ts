import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, ed25519PairFromSeed, blake2AsU8a } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import { RuntimeHarness } from '../helpers/runtime.js'
import { makeFeed, proofsFor, publishArgs } from '../helpers/hypercore.js'
import { loadChainSpec } from '../../chain/spec/load.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { provider, Roles } from '../../chain/pallets/roles.js'
import { System } from '../../chain/pallets/system.js'
import { receiptFor } from '../helpers/receipt.js'

/** 127.0.0: the /24 attesters reach hosters at on loopback. */
const LOOPBACK_24 = (127 << 16)

const PARAMS = { challengePeriod: 100000, performancePeriod: 3, responseWindow: 5, attestersPerCheck: 3, amendmentDeadline: 50 }

async function network (t: TestContext) {
  await cryptoWaitReady()
  const spec = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const chain = new RuntimeHarness(RuntimeHarness.runtime((msg, err) => { throw new Error(`${msg}: ${String(err)}`) }), { ...spec, genesis: { ...spec.genesis, pallets: { params: PARAMS } } })
  const keyring = new Keyring({ type: 'sr25519' })
  const who = (name: string) => ({ account: keyring.addFromUri(`//${name}`).publicKey, noise: ed25519PairFromSeed(blake2AsU8a(name, 256)) })
  const sponsor = who('Alice')
  const hoster = who('Hoster')
  const attesters = ['A0', 'A1', 'A2'].map(who)
  const core = await makeFeed(t, 16)
  const head = await publishArgs(core)
  const tx = chain.tx
  const results = chain.block([
    [tx.roles.registerHoster(u8aToHex(hoster.noise.publicKey), 1 << 30), hoster.account],
    ...attesters.map((a) => [tx.roles.registerAttester(u8aToHex(a.noise.publicKey)), a.account] as [any, Uint8Array]),
    [tx.feeds.publishFeed(head.key, head.manifest, head.head), sponsor.account],
    [tx.plans.requestHosting(0, { Replicate: { replicas: 1 } }, null), sponsor.account]
  ])
  assert.deepEqual(results, results.map(() => 'ok'))
  const byAccount = (account: Uint8Array) => attesters.find((a) => u8aToHex(a.account) === u8aToHex(account))!
  return { chain, tx, core, sponsor, hoster, attesters, byAccount }
}

type Net = Awaited<ReturnType<typeof network>>

/** The position as the chain holds it. */
const position = (n: Net) => plansStorage.Positions.get(n.chain.ctx(), 0n, 0)!

/** The hoster reports ready (block N); its setup storage challenge and setup check open in that block. */
function ready (n: Net): { challenge: bigint, check: bigint } {
  assert.deepEqual(n.chain.block([[n.tx.plans.hostingReady(0, 0), n.hoster.account]]), ['ok'])
  const ctx = n.chain.ctx()
  const [[challenge]] = challengesStorage.StorageChallenges.entries(ctx)
  const [[check, c]] = challengesStorage.PerformanceChecks.entries(ctx)
  assert.equal(c.setup, 0n, 'a setup check of amendment 0')
  assert.deepEqual(c.indexes, [], 'its blocks are not drawn in the block that opened it')
  return { challenge, check }
}

async function proveStorage (n: Net, challenge: bigint): Promise<string> {
  const c = challengesStorage.StorageChallenges.get(n.chain.ctx(), challenge)!
  const proofs = await proofsFor(n.core, c.indexes.map(Number), Number(c.length))
  return n.chain.block([[n.tx.challenges.submitStorageProof(challenge, proofs), n.hoster.account]])[0]
}

const check = (n: Net, id: bigint) => challengesStorage.PerformanceChecks.get(n.chain.ctx(), id)!

/** The attester's report with the hoster's honest receipt for the check's sampled blocks. */
async function served (n: Net, id: bigint, attester: Uint8Array, latencyMs = 20): Promise<[any, Uint8Array]> {
  const c = check(n, id)
  const receipt = await receiptFor(n.core, n.hoster.noise, id, attester, c.indexes, Number(c.length))
  return [n.tx.challenges.submitPerformanceReport(id, true, latencyMs, 1_000_000, LOOPBACK_24, receipt), attester]
}

const notServed = (n: Net, id: bigint, attester: Uint8Array): [any, Uint8Array] => [n.tx.challenges.submitPerformanceReport(id, false, 0, 0, 0, null), attester]

/** Takes the position through an honest setup: a storage proof, then served reports from the pool. */
async function activate (n: Net): Promise<void> {
  const { challenge, check: id } = ready(n)
  assert.equal(await proveStorage(n, challenge), 'ok')
  assert.ok(check(n, id).indexes.length > 0, 'drawn one block after the check opened')
  const reports = await Promise.all(check(n, id).attesters.map((a) => served(n, id, a)))
  assert.deepEqual(n.chain.block(reports), reports.map(() => 'ok'))
  assert.equal(position(n).state.type, 'Active')
}

/** Seals blocks until a performance check of the active position is open and sampled. */
function nextCheck (n: Net): { id: bigint, attesters: Uint8Array[] } {
  for (let i = 0; i < 20; i++) {
    const open = challengesStorage.PerformanceChecks.entries(n.chain.ctx()).filter(([, c]) => c.indexes.length > 0)
    if (open.length > 0) return { id: open[0][0], attesters: open[0][1].attesters }
    n.chain.block([])
  }
  throw new Error('no performance check opened')
}

const pastDeadline = (n: Net) => { for (let i = 0; i < PARAMS.responseWindow + 2; i++) n.chain.block([]) }

test('a silent pool plus one lying NotServed does not strike an honest hoster', async (t) => {
  const n = await network(t)
  await activate(n)
  const c = nextCheck(n)
  assert.equal(c.attesters.length, 3)
  assert.deepEqual(n.chain.block([notServed(n, c.id, c.attesters[0])]), ['ok'])
  pastDeadline(n)
  assert.equal(position(n).strikes, 0, 'one word is no quorum: the position is not struck')
  assert.equal(provider(n.chain.ctx(), n.hoster.account)!.strikes, 0, 'nor the hoster')
  assert.equal(n.chain.seen('challenges', 'PerformanceResult').at(-1).verdict.type, 'Inconclusive')
})

test('a quorum of NotServed contains the hoster first (a prompt re-check); NotServed again is a strike', async (t) => {
  const n = await network(t)
  await activate(n)
  const first = nextCheck(n)
  assert.deepEqual(n.chain.block(first.attesters.slice(0, 2).map((a) => notServed(n, first.id, a))), ['ok', 'ok'])
  pastDeadline(n)
  assert.equal(n.chain.seen('challenges', 'PerformanceResult').at(-1).verdict.type, 'Contained')
  assert.equal(position(n).strikes, 0, 'no strike before the retry')
  const retry = challengesStorage.PerformanceChecks.entries(n.chain.ctx()).find(([, c]) => c.retry)
  assert.ok(retry, 'a retry check is open at once')
  const [id, c] = retry
  assert.equal(challengesStorage.OpenPerformance.get(n.chain.ctx(), c.plan, c.position), id, 'the retry holds the position\'s open-check mark: the draw skips it')
  assert.deepEqual(n.chain.block(c.attesters.slice(0, 2).map((a) => notServed(n, id, a))), ['ok', 'ok'])
  pastDeadline(n)
  assert.equal(n.chain.seen('challenges', 'PerformanceResult').at(-1).verdict.type, 'NotServed')
  assert.notEqual(challengesStorage.OpenPerformance.get(n.chain.ctx(), c.plan, c.position), id, 'closed, the retry no longer marks the position')
  assert.equal(position(n).strikes, 1, 'the retry\'s NotServed strikes')
})

test('a hoster that serves its retry is not struck, and the liars are not paid', async (t) => {
  const n = await network(t)
  await activate(n)
  const first = nextCheck(n)
  n.chain.block(first.attesters.slice(0, 2).map((a) => notServed(n, first.id, a)))
  pastDeadline(n)
  const [id, c] = challengesStorage.PerformanceChecks.entries(n.chain.ctx()).find(([, x]) => x.retry)!
  n.chain.block([[n.tx.plans.support(0, 1), n.sponsor.account]])
  const before = c.attesters.map((a) => System.storage.Account.get(n.chain.ctx(), a).data.free)
  const reports = [notServed(n, id, c.attesters[0]), await served(n, id, c.attesters[1]), await served(n, id, c.attesters[2])]
  assert.deepEqual(n.chain.block(reports), ['ok', 'ok', 'ok'])
  assert.equal(n.chain.seen('challenges', 'PerformanceResult').at(-1).verdict.type, 'Served')
  assert.equal(position(n).strikes, 0)
  const after = c.attesters.map((a) => System.storage.Account.get(n.chain.ctx(), a).data.free)
  assert.equal(after[0], before[0], 'the NotServed report against the receipts earns nothing')
  assert.ok(after[1] > before[1] && after[2] > before[2], 'the reports with receipts are paid')
})

test('one attester\'s lying NotServed does not fail a setup', async (t) => {
  const n = await network(t)
  const { challenge, check: id } = ready(n)
  assert.equal(await proveStorage(n, challenge), 'ok')
  n.chain.block([notServed(n, id, check(n, id).attesters[0])])
  pastDeadline(n)
  assert.equal(position(n).state.type, 'Setup', 'the position is still being set up by the hoster')
  assert.equal(n.chain.events('plans', 'SetupFailed'), 0)
})

test('one attester\'s word without a storage proof does not start hosting', async (t) => {
  const n = await network(t)
  const { check: id } = ready(n)
  n.chain.block([])
  const reports = await Promise.all(check(n, id).attesters.map((a) => served(n, id, a)))
  assert.deepEqual(n.chain.block(reports), reports.map(() => 'ok'))
  assert.equal(position(n).state.type, 'Setup', 'no storage proof yet: not active')
  assert.equal(n.chain.events('plans', 'HostingStarted'), 0)
  pastDeadline(n)
  assert.equal(position(n).state.type, 'Vacant', 'the unanswered setup challenge fails the setup')
  assert.equal(n.chain.events('plans', 'SetupFailed'), 1)
})

test('forged receipts are refused with named errors', async (t) => {
  const n = await network(t)
  const { challenge, check: id } = ready(n)
  await proveStorage(n, challenge)
  const c = check(n, id)
  const [a0, a1, a2] = c.attesters
  const length = Number(c.length)
  const honest = await receiptFor(n.core, n.hoster.noise, id, a0, c.indexes, length)
  const report = (receipt: unknown, who: Uint8Array): [any, Uint8Array] => [n.tx.challenges.submitPerformanceReport(id, true, 20, 1_000_000, 0, receipt), who]
  // Signed by another key (the attester's own noise key).
  const wrongKey = await receiptFor(n.core, n.byAccount(a0).noise, id, a0, c.indexes, length)
  // Honestly signed, but by the receipt of another attester (the context binds check and attester).
  const someoneElses = await receiptFor(n.core, n.hoster.noise, id, a1, c.indexes, length)
  // Hashes of other data, signed by the hoster: not in the committed tree.
  const other = await makeFeed(t, 16, 1024, 7)
  const notInTree = await receiptFor(other, n.hoster.noise, id, a0, c.indexes, length)
  // Blocks the hoster chose, not the drawn ones.
  const chosen = [...new Set([0n, 1n, 2n, 3n])].filter((i) => !c.indexes.includes(i)).slice(0, c.indexes.length)
  const notDrawn = await receiptFor(n.core, n.hoster.noise, id, a0, chosen.length === c.indexes.length ? chosen : c.indexes.map((i) => (i + 1n) % 16n), length)
  // The right hashes and signature, with another block's sibling path.
  const swapped = { ...honest, proofs: [...honest.proofs].reverse() }
  assert.deepEqual(n.chain.block([
    report(null, a0),
    report(wrongKey, a0),
    report(someoneElses, a0),
    report(notInTree, a0),
    report(notDrawn, a0),
    report(swapped, a0)
  ]), ['challenges.ReceiptMissing', 'challenges.ReceiptSignatureInvalid', 'challenges.ReceiptSignatureInvalid', 'challenges.ReceiptHashInvalid', 'challenges.ReceiptWrongIndexes',
    c.indexes.length > 1 && c.indexes[0] !== c.indexes.at(-1) ? 'challenges.ReceiptHashInvalid' : 'ok'])
  assert.deepEqual(n.chain.block([report(honest, a0), await served(n, id, a1), await served(n, id, a2)]), ['ok', 'ok', 'ok'])
  assert.equal(position(n).state.type, 'Active', 'the honest receipts with the storage proof start hosting')
})

test('a report in the block that opened the check is refused: its blocks are not drawn yet', async (t) => {
  const n = await network(t)
  // The setup storage challenge takes the next id, the setup check the one after.
  const id = challengesStorage.NextId.get(n.chain.ctx()) + 1n
  const results = n.chain.block([[n.tx.plans.hostingReady(0, 0), n.hoster.account], notServed(n, id, n.attesters[0].account)])
  assert.deepEqual(results, ['ok', 'challenges.SamplesPending'])
})

test('attesters below the reputation floor are not drawn', async (t) => {
  const n = await network(t)
  const ctx = n.chain.ctx()
  const low = n.attesters[0].account
  Roles.storage.Providers.set(ctx, low, { ...provider(ctx, low)!, reputation: 10 })
  n.chain.state.apply(ctx.state.changes)
  const { check: id } = ready(n)
  const drawn = check(n, id).attesters.map((a) => u8aToHex(a))
  assert.equal(drawn.length, 2, 'the two attesters above the floor')
  assert.ok(!drawn.includes(u8aToHex(low)), 'not the one below it')
})

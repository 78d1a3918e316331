// The selection rules, each checked over many block seeds with the runtime in-process: a rule that a draw
// may break must break it under some seed, so every test here fails when its rule is deleted from the draw.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aEq } from '@polkadot/util'
import { proofsFor } from '../helpers/hypercore.js'
import { testProvider } from '../helpers/providers.js'
import type { TestProvider } from '../helpers/providers.js'
import type { ChainSpec } from '../../chain/spec/types.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { ipv4Prefix24, network, recordNetwork } from '../../chain/pallets/roles.js'
import { Net, id, named, setup, sponsor } from '../helpers/memory-net.js'
import type { Head } from '../helpers/memory-net.js'

/** Block seeds each rule is tried under: a draw that ignores a rule breaks it under most of them. */
const SEEDS = 12
/** No storage challenge or performance check unless a test asks for one. */
const QUIET = { challengePeriod: 1_000_000, performancePeriod: 1_000_000, attestersPerCheck: 2, amendmentDeadline: 50, maxStrikes: 3, responseWindow: 3, samples: 2 }

const bob = testProvider('Bob')

test('one account holds at most one position per feed across plans; a freed or ended position lets it take another', async (t) => {
  const { spec, heads } = await setup(t, 1)
  const hosters = named('Hoster', 4)
  for (let s = 0; s < SEEDS; s++) {
    // Two Replicate{3} plans of one feed and four hosters: only one plan can have its hosters.
    const net = new Net(spec, `feed-positions-${s}`, QUIET).hosters(hosters).attesters(named('Attester', 1)).publish(heads).blocks()
    net.request(0, 3).request(0, 3).blocks()
    const [first, second] = [net.holders(0n), net.holders(1n)]
    assert.equal(first.length + second.length, 3, `seed ${s}: one plan drawn, the other waits (${first.length} + ${second.length} positions held)`)
    const served = first.length === 3 ? 0n : 1n
    net.call(net.tx.plans.unpublish(served), sponsor).blocks()
    assert.equal(net.holders(1n - served).length, 3, `seed ${s}: once the first plan ended, its hosters may hold the feed for the other`)
  }

  // A position freed by a failed setup frees its hoster for another plan of the feed (once its suspension,
  // one block here, is over and the waiting plan is tried again).
  const net = new Net(spec, 'feed-positions-freed', { ...QUIET, probation: 1 }).hosters(hosters.slice(0, 2)).attesters(named('Attester', 1)).publish(heads).blocks()
  net.request(0, 1).request(0, 1).blocks().request(0, 1).blocks()
  const [x] = net.holders(0n)
  assert.ok(x !== undefined && net.holders(1n).length === 1 && net.holders(2n).length === 0, 'two hosters, three plans of one feed: the third waits')
  const [[aid]] = plansStorage.Amendments.entries(net.chain.ctx()).filter(([, a]) => a.plan === 0n)
  net.call(net.tx.plans.hostingReady(aid, 0), plansStorage.Positions.get(net.chain.ctx(), 0n, 0)!.hoster!).blocks()
  // Its setup storage challenge lapses unanswered: the setup fails.
  net.blocks(QUIET.responseWindow + 2)
  for (let b = 0; b < 70 && net.holders(2n).length === 0; b++) net.blocks()
  assert.deepEqual(net.holders(2n), [x], 'the hoster that failed plan 0 (and is barred from it) now holds the feed for plan 2')
  assert.deepEqual(net.holders(0n), [], 'plan 0 waits: its only candidate failed it')
})

test('a plan\'s hosters are spread across known /24 networks; unknown and private networks do not exclude', async (t) => {
  const { spec, heads } = await setup(t, 1)
  const hosters = named('Hoster', 6)
  const networks = ['203.0.113.5', '203.0.113.77', '203.0.113.200', '198.51.100.1', '127.0.0.1', '127.0.0.2']
  for (let s = 0; s < SEEDS; s++) {
    const net = new Net(spec, `networks-${s}`, QUIET).hosters(hosters).attesters(named('Attester', 1)).publish(heads).blocks()
    net.write((ctx) => hosters.forEach((h, i) => recordNetwork(ctx, h.account.publicKey, ipv4Prefix24(networks[i])!)))
    net.request(0, 4).blocks()
    const held = net.holders(0n)
    assert.equal(held.length, 4, `seed ${s}: the plan has its four hosters (loopback addresses are no network)`)
    const shared = hosters.slice(0, 3).filter((h) => held.includes(id(h.account.publicKey)))
    assert.equal(shared.length, 1, `seed ${s}: one hoster of 203.0.113.0/24, not ${shared.length}`)
  }
})

test('a hoster\'s network is the /24 of a public IPv4 address it was reached at; other addresses record nothing', async (t) => {
  const { spec } = await setup(t, 0)
  assert.deepEqual(ipv4Prefix24('::ffff:203.0.113.9'), new Uint8Array([203, 0, 113]))
  for (const bad of ['2001:db8::1', '256.1.1.1', '1.2.3', 'host.example']) assert.equal(ipv4Prefix24(bad), null, bad)
  const [hoster, other] = named('Hoster', 2)
  const net = new Net(spec, 'network', QUIET).hosters([hoster]).attesters([other]).blocks()
  const known = (p: TestProvider) => { const n = network(net.chain.ctx(), p.account.publicKey); return n === null ? null : [...n].join('.') }
  for (const local of ['10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.1.1', '100.64.0.1', '169.254.1.1', '127.0.0.1', '0.0.0.0', '224.0.0.1']) {
    net.write((ctx) => recordNetwork(ctx, hoster.account.publicKey, ipv4Prefix24(local)!))
    assert.equal(known(hoster), null, `${local} is not recorded`)
  }
  net.write((ctx) => { for (const p of [hoster, other]) recordNetwork(ctx, p.account.publicKey, ipv4Prefix24('172.32.0.1')!) })
  assert.deepEqual([known(hoster), known(other)], ['172.32.0', null], 'a public network is recorded for hosters only')
  net.call(net.tx.roles.unregister('Hoster'), hoster).blocks()
  assert.equal(known(hoster), null, 'a hoster that leaves is forgotten with its network')
})

/**
 * The sponsor and two other accounts are hosters, and attesters too, beside one outsider: so every draw that
 * lets a rule go has a plan member to pick. Alice asks for Replicate{2} of feed 0; Bob, for Replicate{3} of feed 1.
 */
const [h0, h1] = named('Hoster', 2)
const outsider = testProvider('Attester0')
const members = [sponsor, h0, h1].map((p) => id(p.account.publicKey))

function membersNet (spec: ChainSpec, heads: Head[], s: number): Net {
  return new Net(spec, `members-${s}`, { ...QUIET, performancePeriod: 2 })
    .hosters([sponsor, h0, h1]).attesters([sponsor, h0, h1, outsider]).publish(heads).blocks()
    .request(0, 2).request(1, 3, bob).blocks()
}

test('the sponsor, registered as a hoster, is never drawn for its own plan (and is drawn for others\')', async (t) => {
  const { spec, heads } = await setup(t, 2)
  for (let s = 0; s < SEEDS; s++) {
    const net = membersNet(spec, heads, s)
    assert.deepEqual(net.holders(0n).sort(), members.slice(1).sort(), `seed ${s}: Alice's plan is held by the two other hosters`)
    assert.deepEqual(net.holders(1n).sort(), [...members].sort(), `seed ${s}: Alice hosts Bob's plan like any hoster`)
  }
})

test('attesters of setups and of performance checks are never members of the plan', async (t) => {
  const { spec, cores, heads } = await setup(t, 2)
  const outsiderOnly = [id(outsider.account.publicKey)]
  let checks = 0
  for (let s = 0; s < SEEDS; s++) {
    const net = membersNet(spec, heads, s)
    for (const [aid, amendment] of plansStorage.Amendments.entries(net.chain.ctx())) {
      assert.deepEqual(amendment.attesters.map(id), outsiderOnly, `seed ${s}: amendment ${aid} (plan ${amendment.plan}) is checked by the outsider alone`)
    }
    await net.activateAll(cores, [sponsor, h0, h1])
    const seen = new Set<bigint>()
    for (let b = 0; b < 60 && seen.size < 4; b++) {
      net.blocks()
      for (const [cid, check] of challengesStorage.PerformanceChecks.entries(net.chain.ctx())) {
        if (seen.has(cid)) continue
        seen.add(cid)
        assert.deepEqual(check.attesters.map(id), outsiderOnly, `seed ${s}: performance check ${cid} (plan ${check.plan}) is made by the outsider alone`)
      }
    }
    checks += seen.size
  }
  assert.ok(checks >= SEEDS * 3, `performance checks were opened and looked at (${checks})`)
})

test('a position is freed at exactly maxStrikes consecutive failed challenges, and not before; a pass starts the count again', async (t) => {
  const { spec, cores, heads } = await setup(t, 1)
  const [hoster] = named('Hoster', 1)
  const maxStrikes = 3
  const net = new Net(spec, 'strikes', { ...QUIET, challengePeriod: 3, maxStrikes })
    .hosters([hoster]).attesters(named('Attester', 1)).publish(heads).blocks()
  await net.request(0, 1).blocks().activateAll(cores, [hoster])
  // The hoster fails twice, passes once, then fails until it loses the position.
  const script = [false, false, true, false, false, false]
  const seen: Array<{ passed: boolean, held: boolean, strikes: number }> = []
  const answered = new Set<bigint>()
  for (let b = 0; b < 600 && seen.length < script.length; b++) {
    for (const [cid, c] of challengesStorage.StorageChallenges.entries(net.chain.ctx())) {
      if (answered.has(cid) || !script[seen.length]) continue
      answered.add(cid)
      net.call(net.tx.challenges.submitStorageProof(cid, await proofsFor(cores[0], c.indexes.map(Number), Number(c.length))), hoster)
    }
    const before = [net.chain.events('challenges', 'StorageProofAccepted'), net.chain.events('challenges', 'StorageProofFailed')]
    net.blocks()
    const passed = net.chain.events('challenges', 'StorageProofAccepted') - before[0]
    const failed = net.chain.events('challenges', 'StorageProofFailed') - before[1]
    assert.ok(passed + failed <= 1, 'one outcome per block here')
    if (passed + failed === 0) continue
    const p = plansStorage.Positions.get(net.chain.ctx(), 0n, 0)!
    const held = p.hoster !== null && u8aEq(p.hoster, hoster.account.publicKey)
    seen.push({ passed: passed === 1, held, strikes: held ? p.strikes : -1 })
  }
  assert.deepEqual(seen, [
    { passed: false, held: true, strikes: 1 },
    { passed: false, held: true, strikes: 2 },
    { passed: true, held: true, strikes: 0 },
    { passed: false, held: true, strikes: 1 },
    { passed: false, held: true, strikes: 2 },
    { passed: false, held: false, strikes: -1 }
  ], `freed at the ${maxStrikes}rd failure in a row, not before`)
  assert.equal(net.chain.events('plans', 'PositionFreed'), 1)
})

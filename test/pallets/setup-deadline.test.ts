// A hoster that reports ready before its amendment's deadline is judged by its setup evidence, however long
// the storage proof and the retrievability check take, not freed (and struck) by the deadline meanwhile.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aToHex } from '@polkadot/util'
import type { TestProvider } from '../helpers/providers.js'
import { Net, named, setup } from '../helpers/memory-net.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { provider } from '../../chain/pallets/roles.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { proofsFor } from '../helpers/hypercore.js'

// The setup's checks take longer than the whole amendment deadline.
const PARAMS = { challengePeriod: 1_000_000, performancePeriod: 1_000_000, attestersPerCheck: 1, amendmentDeadline: 2, maxStrikes: 3, responseWindow: 4, samples: 2 }

const hosters = named('Hoster', 2)
const attesters = named('Attester', 1)
const providers: TestProvider[] = [...hosters, ...attesters]

test('a hoster ready before the deadline becomes active once its evidence passes, after the deadline', async (t) => {
  const { spec, cores, heads } = await setup(t, 1)
  const net = new Net(spec, 'ready-in-time', PARAMS).hosters(hosters).attesters(attesters).publish(heads).blocks()
  net.request(0, 1).blocks()
  await net.activateAll(cores, providers)
  assert.equal(net.chain.seen('plans', 'PositionFreed').length, 0, 'the deadline passed during the checks and freed nothing')
  assert.equal(plansStorage.Positions.get(net.chain.ctx(), 0n, 0)!.state.type, 'Active')
})

test('a hoster ready in time whose attesters stay silent is freed at the extended deadline, without a strike', async (t) => {
  const { spec, cores, heads } = await setup(t, 1)
  const net = new Net(spec, 'silent-attesters', PARAMS).hosters(hosters).attesters(attesters).publish(heads).blocks()
  net.request(0, 1).blocks()
  const [[id, a]] = plansStorage.Amendments.entries(net.chain.ctx())
  const hoster = a.hosters[0]
  net.call(net.tx.plans.hostingReady(id, 0), hoster).blocks()
  // The hoster proves its copy; the attester never reports.
  for (const [cid, c] of challengesStorage.StorageChallenges.entries(net.chain.ctx())) {
    net.call(net.tx.challenges.submitStorageProof(cid, await proofsFor(cores[0], c.indexes.map(Number), Number(c.length))), c.hoster)
  }
  for (let b = 0; b < 40 && net.chain.seen('plans', 'PositionFreed').length === 0; b++) net.blocks()
  assert.equal(net.chain.seen('plans', 'PositionFreed').length, 1, 'freed once the evidence could not conclude')
  assert.equal(provider(net.chain.ctx(), hoster)!.strikes, 0, 'the hoster did its part: no strike')
  assert.equal(net.chain.seen('challenges', 'StorageProofAccepted').length, 1)
})

// 16 KiB feeds at 1 KiB per block: 16 blocks to fetch on top of the base deadline.
const SLOW = { ...PARAMS, amendmentDeadline: 5, setupThroughput: 1024, responseWindow: 2 }

test('the setup deadline grows with the bytes to fetch; a hoster that showed progress is not struck for missing it', async (t) => {
  const { spec, heads } = await setup(t, 1)
  const net = new Net(spec, 'slow-setup', SLOW).hosters(hosters).attesters(attesters).publish(heads).blocks()
  net.request(0, 1).blocks()
  const [[id, a]] = plansStorage.Amendments.entries(net.chain.ctx())
  assert.equal(a.deadline, net.chain.number + SLOW.amendmentDeadline + 16, 'base deadline plus 16 KiB at 1 KiB per block')
  const hoster = a.hosters[0]
  const other = hosters.map((h) => h.account.publicKey).find((h) => u8aToHex(h) !== u8aToHex(hoster))!
  const results = net.chain.block([
    [net.tx.plans.reportProgress(id, 0, 4), hoster],
    [net.tx.plans.reportProgress(id, 0, 4), hoster],
    [net.tx.plans.reportProgress(id, 0, 9), other]
  ])
  assert.deepEqual(results, ['ok', 'plans.NoProgress', 'plans.NotAssigned'])
  for (let b = 0; b < 30 && net.chain.seen('plans', 'PositionFreed').length === 0; b++) net.blocks()
  assert.equal(net.chain.seen('plans', 'PositionFreed').length, 1, 'the deadline frees the position')
  const p = provider(net.chain.ctx(), hoster)!
  assert.equal(p.strikes, 0, 'it showed progress: no strike')
  assert.equal(p.suspendedAt, 0, 'and no suspension')
  assert.ok(plansStorage.StruckFrom.get(net.chain.ctx(), 0n, hoster) !== null, 'but it is kept from this plan for a while')
})

test('a hoster that showed no progress by the deadline is struck and suspended', async (t) => {
  const { spec, heads } = await setup(t, 1)
  const net = new Net(spec, 'absent-setup', SLOW).hosters(hosters).attesters(attesters).publish(heads).blocks()
  net.request(0, 1).blocks()
  const [[, a]] = plansStorage.Amendments.entries(net.chain.ctx())
  for (let b = 0; b < 30 && net.chain.seen('plans', 'PositionFreed').length === 0; b++) net.blocks()
  const p = provider(net.chain.ctx(), a.hosters[0])!
  assert.equal(p.strikes, 1)
  assert.ok(p.suspendedAt > 0)
})

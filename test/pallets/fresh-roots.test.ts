// A feed that grows faster than any grace period must still be audited as it grows: challenges use the
// newest root recorded at least followWindow blocks ago, and a hoster that does not follow is struck.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import type { Call } from '@polkadot/types/interfaces'
import { RuntimeHarness } from '../helpers/runtime.js'
import { appendBlocks, makeFeed, proofsFor, publishArgs } from '../helpers/hypercore.js'
import { makeHeadProof } from '../../hypercore/make.js'
import { loadChainSpec } from '../../chain/spec/load.js'
import { Feeds, challengeRoot } from '../../chain/pallets/feeds.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { addActive } from '../../chain/pallets/challenges/active.js'
import { params } from '../../chain/pallets/params.js'

const FOLLOW_WINDOW = 5
const FIRST_LENGTH = 20
const BLOCKS = 8 * FOLLOW_WINDOW
// Every active position is challenged whenever it has no challenge open.
const PARAMS = { challengePeriod: 1, samples: 8, responseWindow: 2, maxStrikes: 1_000_000, performancePeriod: 1_000_000, followWindow: FOLLOW_WINDOW }

test('a feed updated every block is challenged on its new blocks; a hoster that does not follow is struck', async (t) => {
  await cryptoWaitReady()
  const dev = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const errors: unknown[] = []
  const chain = new RuntimeHarness(RuntimeHarness.runtime((msg, err) => errors.push([msg, err])), { ...dev, genesis: { ...dev.genesis, pallets: { params: PARAMS } } })
  const keyring = new Keyring({ type: 'sr25519' })
  const [alice, follower, stale, anyone] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((u) => keyring.addFromUri(u).publicKey)
  const core = await makeFeed(t, FIRST_LENGTH)
  const head = await publishArgs(core)
  chain.block([[chain.tx.feeds.publishFeed(head.key, head.manifest, head.head), alice]])

  // Two single-replica plans of the feed, hosted by a hoster that follows it and by one that stopped at its first length.
  const ctx = chain.ctx()
  const hosters = [follower, stale]
  hosters.forEach((hoster, p) => {
    plansStorage.Plans.set(ctx, BigInt(p), { feed: 0n, sponsor: alice, mode: { type: 'Replicate', value: { replicas: 1 } }, ranges: null, status: { type: 'Active' }, backing: 0n, positions: 1, createdAt: 0 })
    plansStorage.Positions.set(ctx, BigInt(p), 0, { hoster, state: { type: 'Active' }, ready: false, bytes: 0n, strikes: 0, paidUntil: chain.number })
    addActive(ctx, BigInt(p), 0)
  })
  plansStorage.NextPlanId.set(ctx, 2n)
  chain.state.apply(ctx.state.changes)

  const lengthAt = new Map<number, number>([[chain.number, FIRST_LENGTH]])
  const seen: Array<{ at: number, plan: bigint, length: number, indexes: number[] }> = []
  let nextSeen = 0n
  for (let b = 0; b < BLOCKS; b++) {
    // The publisher appends a block every block, and a third party records the new signed head.
    await appendBlocks(core, 1, 1024, b + 1)
    const calls: Array<[Call, Uint8Array]> = [[chain.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(core))), anyone]]
    // Each hoster answers what it can from what it holds: the follower everything, the stale one only its first length.
    const read = chain.ctx()
    for (const [id, c] of challengesStorage.StorageChallenges.entries(read)) {
      const length = Number(c.length)
      if (u8aToHex(c.hoster) === u8aToHex(stale) && length > FIRST_LENGTH) continue
      calls.push([chain.tx.challenges.submitStorageProof(id, await proofsFor(core, c.indexes.map(Number), length)), c.hoster])
    }
    chain.block(calls)
    lengthAt.set(chain.number, core.length)
    const after = chain.ctx()
    for (; nextSeen < challengesStorage.NextId.get(after); nextSeen++) {
      const c = challengesStorage.StorageChallenges.get(after, nextSeen)!
      seen.push({ at: chain.number, plan: c.plan, length: Number(c.length), indexes: c.indexes.map(Number) })
    }
  }

  assert.deepEqual(errors, [])
  const late = seen.filter((c) => c.at > chain.number - BLOCKS + 2 * FOLLOW_WINDOW)
  assert.ok(late.length > 0)
  for (const c of late) {
    // The newest root recorded at least followWindow blocks before the challenge (history spacing is 1 here).
    assert.equal(c.length, lengthAt.get(c.at - FOLLOW_WINDOW), `challenge at block ${c.at} uses length ${c.length}`)
  }
  const beyond = late.filter((c) => c.indexes.some((i) => i >= FIRST_LENGTH))
  assert.ok(beyond.length > late.length / 2, `${beyond.length} of ${late.length} late challenges name blocks appended after the first length`)

  assert.equal(chain.events('challenges', 'StorageProofFailed') > 0, true, 'the stale hoster failed')
  const struck = plansStorage.Positions.get(chain.ctx(), 1n, 0)!.strikes
  assert.ok(struck >= 3, `the hoster that did not follow has ${struck} strikes`)
  assert.equal(plansStorage.Positions.get(chain.ctx(), 0n, 0)!.strikes, 0, 'the hoster that follows is never struck')
  const history = Feeds.storage.Feeds.get(chain.ctx(), 0n)!.history
  assert.ok(history.length <= 16, `the feed keeps ${history.length} old roots`)
})

test('with a long followWindow the root history stays bounded and the challenge root at most one spacing older', async (t) => {
  await cryptoWaitReady()
  const window = 50
  const spacing = Math.ceil(window / 14)
  const dev = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const chain = new RuntimeHarness(RuntimeHarness.runtime(() => {}), { ...dev, genesis: { ...dev.genesis, pallets: { params: { followWindow: window } } } })
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice').publicKey
  const core = await makeFeed(t, 4)
  const head = await publishArgs(core)
  chain.block([[chain.tx.feeds.publishFeed(head.key, head.manifest, head.head), alice]])
  const lengthAt = new Map<number, number>([[chain.number, core.length]])
  for (let b = 0; b < 3 * window; b++) {
    await appendBlocks(core, 1)
    chain.block([[chain.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(core))), alice]])
    lengthAt.set(chain.number, core.length)
    const f = Feeds.storage.Feeds.get(chain.ctx(), 0n)!
    assert.ok(f.history.length <= 16, `block ${chain.number}: ${f.history.length} old roots kept`)
    const now = chain.number
    const length = Number(challengeRoot({ ...chain.ctx(), block: { number: now } }, f).length)
    if (now - window >= 1) {
      assert.ok(length <= lengthAt.get(now - window)!, `block ${now}: root of length ${length} is younger than followWindow`)
      assert.ok(length >= lengthAt.get(Math.max(1, now - window - spacing))!, `block ${now}: root of length ${length} is older than followWindow + ${spacing}`)
    }
  }
})

test('raising followWindow never moves the challenge root to one younger than the new window', async (t) => {
  const RAISED = 28
  await cryptoWaitReady()
  const dev = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const chain = new RuntimeHarness(RuntimeHarness.runtime(() => {}), { ...dev, genesis: { ...dev.genesis, pallets: { params: { followWindow: 14 } } } })
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice').publicKey
  const core = await makeFeed(t, 4)
  const head = await publishArgs(core)
  chain.block([[chain.tx.feeds.publishFeed(head.key, head.manifest, head.head), alice]])
  const lengthAt = new Map<number, number>([[chain.number, core.length]])
  const update = async () => {
    await appendBlocks(core, 1)
    chain.block([[chain.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(core))), alice]])
    lengthAt.set(chain.number, core.length)
  }
  // A feed updated every block under a window of 14: its history holds 15 roots one block apart.
  for (let b = 0; b < 30; b++) await update()
  const current = params(chain.ctx())
  assert.deepEqual(chain.block([[chain.tx.sudo.sudo(chain.tx.params.setParams({ ...current, followWindow: RAISED })), alice]]), ['ok'])
  lengthAt.set(chain.number, core.length)
  const rootNow = () => Number(challengeRoot({ ...chain.ctx(), block: { number: chain.number } }, Feeds.storage.Feeds.get(chain.ctx(), 0n)!).length)
  const atSwitch = rootNow()
  // The history fills up with roots 2 blocks apart (RAISED / 14); trimming it must keep the root in force, which
  // moves on only to roots RAISED blocks old.
  for (let b = 0; b < 2 * RAISED; b++) {
    await update()
    const root = rootNow()
    assert.ok(root <= Math.max(atSwitch, lengthAt.get(chain.number - RAISED)!), `block ${chain.number}: the challenge root moved on to length ${root}, younger than ${RAISED} blocks`)
  }
})

// A position whose ranges lie past the feed's end holds no block yet: a challenge of it would ask for nothing
// and pay for an empty proof, so none is opened.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import { RuntimeHarness } from '../helpers/runtime.js'
import { makeFeed, publishArgs } from '../helpers/hypercore.js'
import { loadChainSpec } from '../../chain/spec/load.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { addActive } from '../../chain/pallets/challenges/active.js'

// Every active position is drawn every block it has no challenge open.
const PARAMS = { challengePeriod: 1, responseWindow: 2, performancePeriod: 1_000_000, followWindow: 1 }

test('a ranged position with no block of the feed yet is never challenged, so never paid for an empty proof', async (t) => {
  await cryptoWaitReady()
  const dev = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const chain = new RuntimeHarness(RuntimeHarness.runtime(() => {}), { ...dev, genesis: { ...dev.genesis, pallets: { params: PARAMS } } })
  const keyring = new Keyring({ type: 'sr25519' })
  const [alice, hoster] = ['//Alice', '//Bob'].map((u) => keyring.addFromUri(u).publicKey)
  const head = await publishArgs(await makeFeed(t, 20))
  chain.block([[chain.tx.feeds.publishFeed(head.key, head.manifest, head.head), alice]])

  const ctx = chain.ctx()
  const ranges = [{ start: 100n, end: 200n }]
  plansStorage.Plans.set(ctx, 0n, { feed: 0n, sponsor: alice, mode: { type: 'Replicate', value: { replicas: 1 } }, ranges, status: { type: 'Active' }, backing: 0n, positions: 1, createdAt: 0 })
  plansStorage.Positions.set(ctx, 0n, 0, { hoster, state: { type: 'Active' }, ready: false, bytes: 0n, strikes: 0, paidUntil: chain.number })
  addActive(ctx, 0n, 0)
  plansStorage.NextPlanId.set(ctx, 1n)
  chain.state.apply(ctx.state.changes)

  for (let b = 0; b < 10; b++) chain.block([])
  assert.equal(chain.events('challenges', 'StorageChallenge'), 0)
  assert.equal(challengesStorage.StorageChallenges.entries(chain.ctx()).length, 0)
})

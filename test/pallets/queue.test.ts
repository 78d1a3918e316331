import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aToHex } from '@polkadot/util'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { eventsOf, headEvents, inBlock, newBlocks } from '../helpers/blocks.js'
import { makeFeed, publishArgs } from '../helpers/hypercore.js'
import { registerProviders, testProvider } from '../helpers/providers.js'
import { readPlan } from '../../cli/status/plan.js'
import { renderPlan } from '../../cli/status/render.js'
import { fund } from '../helpers/faucet.js'

test('requests larger than any free capacity wait, then are served in ratio order', async (t) => {
  const chain = await startChainProcess(t)
  const api = await connectApi(t, chain.url)
  const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((u) => devAccount(u))
  await registerProviders(api, [0, 1, 2].map((i) => testProvider(`Small${i}`)), [testProvider('Attester0')], 16n * 1024n)

  // Charlie ends up with more ratio than Bob, though Bob asks first.
  const [bobFeed, charlieFeed] = [await publishArgs(await makeFeed(t, 64)), await publishArgs(await makeFeed(t, 64, 1024, 1))]
  const setup = await inBlock(api, [
    [api.tx.ratio.transferRatio(charlie.address, 500_000), dave],
    [api.tx.feeds.publishFeed(bobFeed.key, bobFeed.manifest, bobFeed.head), bob],
    [api.tx.feeds.publishFeed(charlieFeed.key, charlieFeed.manifest, charlieFeed.head), charlie]
  ])
  assert.deepEqual(setup.map((o) => o.result), ['ok', 'ok', 'ok'])
  const [bobAsks] = await inBlock(api, [[api.tx.plans.requestHosting(0, { Replicate: { replicas: 1 } }, null), bob]])
  const [charlieAsks] = await inBlock(api, [[api.tx.plans.requestHosting(1, { Replicate: { replicas: 1 } }, null), charlie]])
  assert.equal(bobAsks.result, 'ok')
  assert.equal(charlieAsks.result, 'ok')

  const waiting = await newBlocks(api, 3)
  assert.equal(waiting.flatMap((events) => eventsOf(events, 'plans', 'NewAmendment')).length, 0, '64 KiB fit no 16 KiB hoster')
  assert.deepEqual((await api.query.plans.queue()).map((id) => id.toNumber()).sort(), [0, 1])
  assert.ok((await api.query.plans.plans(0)).unwrap().status.isQueued)
  // status says why each plan waits.
  const report = await readPlan(api, 0n)
  assert.equal(report.waiting?.reason, 'hosters')
  assert.match(renderPlan(report), /^waiting +too few eligible hosters since block \d+; tried again by block \d+/m)

  const large = testProvider('Large0')
  await fund(api, [large.account.address])
  const [registered] = await inBlock(api, [[api.tx.roles.registerHoster(u8aToHex(large.noise.publicKey), 1n << 30n), large.account]])
  assert.equal(registered.result, 'ok')
  const order = eventsOf<any>(await headEvents(api), 'plans', 'NewAmendment').map((a) => a.plan.toNumber())
  assert.deepEqual(order, [1, 0], 'the richer sponsor\'s plan first')
  assert.deepEqual((await api.query.plans.queue()).length, 0)
  const committed = (await api.query.roles.providers(large.account.address)).unwrap().committed.toNumber()
  assert.equal(committed, 2 * 64 * 1024, 'the large hoster committed both feeds')
})

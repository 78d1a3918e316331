import { test } from 'node:test'
import assert from 'node:assert/strict'
import { u8aToHex } from '@polkadot/util'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { eventsOf, inBlock } from '../helpers/blocks.js'
import { appendBlocks, makeFeed, publishArgs } from '../helpers/hypercore.js'
import { readPlan } from '../../cli/status/plan.js'
import { readFeed } from '../../cli/status/feed.js'
import { renderPlan } from '../../cli/status/render.js'
import { registerProviders, testProvider } from '../helpers/providers.js'
import { byAddress, untilEvent } from '../helpers/plan.js'
import { fund } from '../helpers/faucet.js'

const slot = (i: number, byteLength: number) => ({ length: 32, byteLength, treeHash: u8aToHex(new Uint8Array(32).fill(i + 1)) })

test('erasure plans: slot roots are fixed when two encoders agree; hosters wait for them', async (t) => {
  const chain = await startChainProcess(t)
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const hosters = [0, 1, 2, 3].map((i) => testProvider(`Hoster${i}`))
  const attesters = [testProvider('Attester0')]
  const encoders = [0, 1, 2].map((i) => testProvider(`Encoder${i}`))
  await registerProviders(api, hosters, attesters)
  await fund(api, encoders.map((e) => e.account.address))
  const registered = await inBlock(api, encoders.map((e) => [api.tx.roles.registerEncoder(u8aToHex(e.noise.publicKey)), e.account]))
  assert.deepEqual(registered.map((o) => o.result), ['ok', 'ok', 'ok'])

  const core = await makeFeed(t, 64)
  const feed = await publishArgs(core)
  const requested = await inBlock(api, [
    [api.tx.feeds.publishFeed(feed.key, feed.manifest, feed.head), alice],
    [api.tx.plans.requestHosting(0, { Erasure: { k: 2, m: 1 } }, null), alice]
  ])
  assert.deepEqual(requested.map((o) => o.result), ['ok', 'ok'])
  const amendment = await untilEvent(api, (events) => eventsOf<any>(events, 'plans', 'NewAmendment')[0])
  const id = amendment.id.toNumber()
  assert.equal(amendment.positions.length, 3, 'k + m positions')
  assert.equal(amendment.encoders.length, 2, 'two encoders must agree')
  const [first, second] = amendment.encoders.map((e: { toString (): string }) => byAddress(encoders, e.toString()))
  const [hoster0] = amendment.hosters.map((h: { toString (): string }) => byAddress(hosters, h.toString()))
  const outsider = encoders.find((e) => e !== first && e !== second)!
  // Each slot holds a third of the feed's 64 KiB, rounded up; the encoders report the real size.
  const agreed = [0, 1, 2].map((i) => slot(i, 33_000))

  const early = await inBlock(api, [
    [api.tx.plans.hostingReady(id, 0), hoster0.account],
    [api.tx.plans.submitEncoding(id, agreed), outsider.account],
    [api.tx.plans.submitEncoding(id, agreed.slice(0, 2)), first.account],
    [api.tx.plans.submitEncoding(id, [agreed[0], agreed[1], { ...agreed[2], length: 31 }]), first.account],
    [api.tx.plans.submitEncoding(id, agreed.map((s) => ({ ...s, length: 0 }))), first.account]
  ])
  assert.deepEqual(early.map((o) => o.result), ['plans.EncodingPending', 'plans.NotAssigned', 'plans.WrongSlotCount', 'plans.UnevenSlots', 'plans.UnevenSlots'])

  const [proposed, disputed] = await inBlock(api, [
    [api.tx.plans.submitEncoding(id, agreed), first.account],
    [api.tx.plans.submitEncoding(id, [slot(0, 33_000), slot(1, 33_000), slot(9, 33_000)]), second.account]
  ])
  assert.equal(eventsOf(proposed.events, 'plans', 'EncodingProposed').length, 1)
  assert.equal(eventsOf(disputed.events, 'plans', 'EncodingDisputed').length, 1, 'different roots: neither is trusted')

  const [again, agreement] = await inBlock(api, [
    [api.tx.plans.submitEncoding(id, agreed), first.account],
    [api.tx.plans.submitEncoding(id, agreed), second.account]
  ])
  assert.equal(again.result, 'ok')
  assert.equal(eventsOf(agreement.events, 'plans', 'EncodingAccepted').length, 1)
  const stored = (await api.query.plans.slots(0, 2)).unwrap()
  assert.equal(stored.treeHash.toHex(), agreed[2].treeHash)
  const committed = (await api.query.plans.positions(0, 0)).unwrap().bytes.toNumber()
  assert.equal(committed, 33_000, 'the hoster\'s commitment follows the agreed slot size')

  const [ready] = await inBlock(api, [[api.tx.plans.hostingReady(id, 0), hoster0.account]])
  assert.equal(ready.result, 'ok', 'with the slots fixed, hosters can report ready')

  // The feed grows: a generation codes the new blocks, and status tells which plan codes what.
  await appendBlocks(core, 6, 1024, 3)
  const [grown] = await inBlock(api, [[api.tx.feeds.updateFeed(0, (await publishArgs(core)).head), alice]])
  assert.equal(grown.result, 'ok')
  const [added] = eventsOf<any>(grown.events, 'plans', 'GenerationAdded')
  assert.deepEqual([added.plan, added.generation, added.start, added.end].map((n: { toNumber (): number }) => n.toNumber()), [0, 1, 64, 70])
  assert.match(renderPlan(await readPlan(api, 0n)), /^codes +feed blocks 0 to 63$/m)
  assert.match(renderPlan(await readPlan(api, 0n)), /^grown +the feed's later blocks are coded by plans 1$/m)
  const generation = renderPlan(await readPlan(api, 1n))
  assert.match(generation, /^codes +feed blocks 64 to 69$/m)
  assert.match(generation, /^generation +of plan 0: /m)
  assert.deepEqual((await readFeed(api, { id: 0n })).plans.map((p) => p.plan), [0, 1], 'the feed lists its generation')
  const [alone] = await inBlock(api, [[api.tx.plans.unpublish(1), alice]])
  assert.equal(alone.result, 'plans.IsGeneration')
})

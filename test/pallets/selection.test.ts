import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { devSpecWith, eventsOf, headEvents, inBlock } from '../helpers/blocks.js'
import { makeFeed, publishArgs } from '../helpers/hypercore.js'
import { registerProviders, testProvider } from '../helpers/providers.js'

const hosters = [0, 1, 2, 3, 4].map((i) => testProvider(`Hoster${i}`))
const attesters = [0, 1, 2].map((i) => testProvider(`Attester${i}`))
const PLANS = 3

/** Runs the same requests on a chain with the given randomness seed; returns each amendment's hosters. */
async function draws (t: TestContext, seed: string): Promise<string[][]> {
  const spec = devSpecWith(t, (s) => { s.genesis.randomnessSeed = seed })
  const chain = await startChainProcess(t, { args: ['--chain', spec] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  await registerProviders(api, hosters, attesters)
  const feeds = await Promise.all(Array.from({ length: PLANS }, () => makeFeed(t, 4)))
  const published = await inBlock(api, await Promise.all(feeds.map(async (f) => {
    const a = await publishArgs(f)
    return [api.tx.feeds.publishFeed(a.key, a.manifest, a.head), alice] as [ReturnType<typeof api.tx.feeds.publishFeed>, typeof alice]
  })))
  assert.deepEqual(published.map((o) => o.result), feeds.map(() => 'ok'))
  const requested = await inBlock(api, feeds.map((_, i) => [api.tx.plans.requestHosting(i, { Replicate: { replicas: 3 } }, null), alice]))
  assert.deepEqual(requested.map((o) => o.result), feeds.map(() => 'ok'))

  const amendments = eventsOf<any>(await headEvents(api), 'plans', 'NewAmendment')
  assert.equal(amendments.length, PLANS, 'every plan got its providers at the end of the block that asked')
  return amendments.map((a) => {
    const picked: string[] = a.hosters.map((h: { toString (): string }) => h.toString())
    assert.equal(new Set(picked).size, 3, 'three distinct hosters')
    assert.ok(!picked.includes(alice.address), 'never the sponsor')
    const checkers: string[] = a.attesters.map((h: { toString (): string }) => h.toString())
    assert.ok(checkers.length > 0 && checkers.every((c) => !picked.includes(c)), 'attesters are not hosters of the plan')
    return picked
  })
}

test('Replicate{3} draws three distinct hosters, never the sponsor, from the block randomness', async (t) => {
  const [first, again, other] = await Promise.all([draws(t, 'seed-one'), draws(t, 'seed-one'), draws(t, 'seed-two')])
  assert.deepEqual(again, first, 'same seed, same draw')
  assert.notDeepEqual(other, first, 'another seed, another draw')
})

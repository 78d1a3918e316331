import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { devSpecWith, eventsOf, headEvents, inBlock } from '../helpers/blocks.js'
import { u8aToHex } from '@polkadot/util'
import { makeFeed, publishArgs } from '../helpers/hypercore.js'
import { registerProviders, testProvider } from '../helpers/providers.js'
import { fund } from '../helpers/faucet.js'

// The sponsor is a hoster too: "never the sponsor" is a rule of the draw, not a fact of the set-up.
const hosters = [...[0, 1, 2, 3, 4].map((i) => testProvider(`Hoster${i}`)), testProvider('Alice')]
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
  // One chain after another: three starting at once on a loaded machine outlast the start timeout.
  const first = await draws(t, 'seed-one')
  const again = await draws(t, 'seed-one')
  const other = await draws(t, 'seed-two')
  assert.deepEqual(again, first, 'same seed, same draw')
  assert.notDeepEqual(other, first, 'another seed, another draw')
})

test('a noise key belongs to one provider: other accounts are refused it until its owner gives up its last role', async (t) => {
  const chain = await startChainProcess(t)
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  // Three accounts of one machine: one noise key.
  const sybils = [0, 1, 2].map((i) => testProvider(`Sybil${i}`, 'Sybil'))
  await fund(api, sybils.map((s) => s.account.address))
  const key = u8aToHex(sybils[0].noise.publicKey)
  const results = async (txs: Parameters<typeof inBlock>[1]) => (await inBlock(api, txs)).map((o) => o.result)
  const asHoster = (i: number) => [api.tx.roles.registerHoster(key, 1n << 30n), sybils[i].account] as [ReturnType<typeof api.tx.roles.registerHoster>, typeof alice]
  const owner = async () => (await api.query.roles.noiseKeyOwner(key)).unwrapOr(null)?.toString()

  const first = await results([asHoster(0), asHoster(1), asHoster(2)])
  assert.deepEqual([...first].sort(), ['ok', 'roles.NoiseKeyTaken', 'roles.NoiseKeyTaken'], 'one account of three gets the key')
  const holder = first.indexOf('ok')
  const others = [0, 1, 2].filter((i) => i !== holder)
  assert.equal(await owner(), sybils[holder].account.address)

  // The owner runs its other roles with the same key; another account cannot, in any role.
  assert.deepEqual(await results([[api.tx.roles.registerAttester(key), sybils[holder].account]]), ['ok'])
  assert.deepEqual(await results([[api.tx.roles.registerAttester(key), sybils[others[0]].account], [api.tx.roles.registerEncoder(key), sybils[others[1]].account]]), ['roles.NoiseKeyTaken', 'roles.NoiseKeyTaken'])
  assert.deepEqual(await results([[api.tx.roles.unregister('Hoster'), sybils[holder].account]]), ['ok'])
  assert.deepEqual(await results([asHoster(others[0])]), ['roles.NoiseKeyTaken'], 'the owner still attests with the key')
  assert.deepEqual(await results([[api.tx.roles.unregister('Attester'), sybils[holder].account]]), ['ok'])
  assert.equal(await owner(), undefined, 'giving up the last role frees the key')
  assert.deepEqual(await results([asHoster(others[0])]), ['ok'])
  assert.deepEqual(await results([asHoster(holder), asHoster(others[1])]), ['roles.NoiseKeyTaken', 'roles.NoiseKeyTaken'])

  // The draw: the one holder of the shared key and two honest hosters, three distinct noise keys.
  const honest = [0, 1].map((i) => testProvider(`Hoster${i}`))
  await registerProviders(api, honest, [testProvider('Attester0')])
  const f = await publishArgs(await makeFeed(t, 4))
  const requested = await results([[api.tx.feeds.publishFeed(f.key, f.manifest, f.head), alice], [api.tx.plans.requestHosting(0, { Replicate: { replicas: 3 } }, null), alice]])
  assert.deepEqual(requested, ['ok', 'ok'])
  const [amendment] = eventsOf<any>(await headEvents(api), 'plans', 'NewAmendment')
  assert.ok(amendment !== undefined, 'the plan got three hosters')
  const keys = await Promise.all(amendment.hosters.map(async (h: string) => (await api.query.roles.providers(h)).unwrap().noiseKey.toHex()))
  assert.equal(new Set(keys).size, 3, 'three hosters, three noise keys')
})

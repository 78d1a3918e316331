import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { devSpecWith, eventsOf, inBlock } from '../helpers/blocks.js'
import { makeFeed } from '../helpers/hypercore.js'
import { registerProviders, testProvider } from '../helpers/providers.js'
import { byAddress, hostedPlan, untilEvent } from '../helpers/plan.js'
import { receiptFor } from '../helpers/receipt.js'

const PARAMS = { challengePeriod: 100000, performancePeriod: 3, responseWindow: 5, attestersPerCheck: 3 }

test('a 3-attester pool over RPC: receipts decide, the dissenter loses reputation', async (t) => {
  const spec = devSpecWith(t, (s) => { s.genesis.pallets.params = PARAMS })
  const chain = await startChainProcess(t, { args: ['--chain', spec] })
  const api = await connectApi(t, chain.url)
  const hosters = [0, 1].map((i) => testProvider(`Hoster${i}`))
  const attesters = [0, 1, 2].map((i) => testProvider(`Attester${i}`))
  await registerProviders(api, hosters, attesters)
  const core = await makeFeed(t, 8)
  const [held] = await hostedPlan(api, { core, feedId: 0, planId: 0, sponsor: devAccount('//Alice'), replicas: 1, providers: [...hosters, ...attesters] })

  const check = await untilEvent(api, (events) => eventsOf<any>(events, 'challenges', 'PerformanceCheck')[0])
  const samples = await untilEvent(api, (events) => eventsOf<any>(events, 'challenges', 'PerformanceSamples').find((e) => e.id.eq(check.id)))
  const indexes: bigint[] = samples.indexes.map((i: { toBigInt (): bigint }) => i.toBigInt())
  assert.equal(check.hoster.toString(), held.hoster.account.address)
  const pool = check.attesters.map((a: { toString (): string }) => byAddress(attesters, a.toString()))
  assert.equal(pool.length, 3)
  const reputation = async (who: string) => (await api.query.roles.providers(who)).unwrap().reputation.toNumber()
  const before = await Promise.all(pool.map((a: typeof attesters[0]) => reputation(a.account.address)))
  const receipt = (attester: typeof attesters[0]) => receiptFor(core, held.hoster.noise, check.id.toBigInt(), attester.account.publicKey, indexes, 8)

  const [unproven] = await inBlock(api, [[api.tx.challenges.submitPerformanceReport(check.id, true, 20, 1_000_000, 0, null), pool[2].account]])
  assert.equal(unproven.result, 'challenges.ReceiptMissing', 'claiming success needs the hoster\'s receipt')

  const outcomes = await inBlock(api, [
    [api.tx.challenges.submitPerformanceReport(check.id, true, 20, 1_000_000, 0, await receipt(pool[0])), pool[0].account],
    [api.tx.challenges.submitPerformanceReport(check.id, true, 30, 3_000_000, 0, await receipt(pool[1])), pool[1].account],
    [api.tx.challenges.submitPerformanceReport(check.id, false, 0, 0, 0, null), pool[2].account]
  ])
  assert.deepEqual(outcomes.map((o) => o.result), ['ok', 'ok', 'ok'])
  const [result] = outcomes.flatMap((o) => eventsOf<any>(o.events, 'challenges', 'PerformanceResult'))
  assert.ok(result.verdict.isServed, 'the majority says the hoster served')
  assert.equal(result.latencyMs.toNumber(), 25, 'the median of the majority\'s latencies')
  assert.equal(result.throughput.toNumber(), 2_000_000)

  const after = await Promise.all(pool.map((a: typeof attesters[0]) => reputation(a.account.address)))
  assert.ok(after[0] > before[0] && after[1] > before[1], 'the majority gains')
  assert.ok(after[2] < before[2], 'the dissenter loses')
  assert.equal((await api.query.plans.positions(0, held.position)).unwrap().strikes.toNumber(), 0, 'a served check is no strike')
})

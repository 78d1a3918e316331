// Encoding audits end to end: real chain node, real service processes on a local hyperswarm. The hosters'
// audit responders answer from their slot cores, and the chain recomputes each audited stripe.
import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi } from '../helpers/api.js'
import { devSpecWith } from '../helpers/blocks.js'
import { startServiceProcess, startTestnet } from '../helpers/network.js'
import { startPublisher } from '../helpers/publisher.js'
import { eventLog } from '../helpers/event-log.js'
import { FAST_PARAMS } from '../helpers/loopback-network.js'
import { waitFor } from '../helpers/wait.js'

const K = 2
const seconds = () => Math.round(performance.now() / 1000)
const M = 1
const BLOCKS = Array.from({ length: 41 }, (_, i) => new Uint8Array(20_000 + i * 157).fill(i))

test('an honest erasure plan passes the chain\'s encoding audits, answered by real hosters', { timeout: 600_000 }, async (t) => {
  // Slower than FAST_PARAMS: on a loaded machine a setup or an answer can take tens of seconds, and this test
  // is about audits, not about hosters missing deadlines.
  const params = { ...FAST_PARAMS, challengePeriod: 40, responseWindow: 40, amendmentDeadline: 150, performancePeriod: 200, auditPeriod: 6 }
  const spec = devSpecWith(t, (s) => { s.genesis.pallets.params = params })
  const chain = await startChainProcess(t, { args: ['--block-time', '1000', '--chain', spec] })
  const api = await connectApi(t, chain.url)
  const log = await eventLog(api)
  const common = { chain: chain.url, bootstrap: await startTestnet(t) }
  // One after the other: six processes starting at once on a shared machine can miss the start timeout.
  for (const i of [0, 1, 2]) await startServiceProcess(t, { ...common, account: `//AuditHoster${i}`, roles: 'hoster' })
  for (const i of [0, 1]) await startServiceProcess(t, { ...common, account: `//AuditEncoder${i}`, roles: 'encoder,attester' })
  await startServiceProcess(t, { ...common, account: '//AuditAttester', roles: 'attester' })
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('audited')
  await core.append(BLOCKS)
  const { feedId, planId } = await pub.publisher.publish(core, { erasure: { k: K, m: M } })
  await pub.publisher.hosted(planId, K + M)
  t.diagnostic(`plan ${planId} hosted at ${seconds()} s; audits opened so far: ${log.seen('audits', 'AuditOpened').length}`)
  // The feed grows meanwhile: its generation is audited at its offset in the feed, against its own coded head.
  await core.append(Array.from({ length: 7 }, (_, i) => new Uint8Array(10_000 + i * 89).fill(100 + i)))
  await pub.publisher.update(core, feedId)
  const ofPlan = (d: { plan: { toBigInt (): bigint } }) => d.plan.toBigInt() === planId
  await waitFor(() => log.seen('audits', 'AuditPassed', ofPlan).length >= 3, 120_000, 'three audits of the plan passed')
  const stripes = new Set(log.seen('audits', 'AuditOpened', ofPlan).map((d) => d.stripe.toNumber()))
  t.diagnostic(`${log.seen('audits', 'AuditPassed', ofPlan).length} audits passed by ${seconds()} s, stripes ${[...stripes].join(', ')}`)
  await waitFor(() => log.seen('plans', 'GenerationAdded', ofPlan).length > 0, 60_000, 'the generation of the new blocks')
  const generation: bigint = log.seen('plans', 'GenerationAdded', ofPlan)[0].generation.toBigInt()
  await pub.publisher.hosted(generation, K + M)
  t.diagnostic(`generation ${generation} hosted at ${seconds()} s`)
  await waitFor(() => log.seen('audits', 'AuditPassed', (d) => d.plan.toBigInt() === generation).length > 0, 120_000, 'an audit of the generation passed')
  assert.equal(log.seen('audits', 'EncodingFailed').length, 0, 'an honest encoding is never failed')
  assert.equal(log.seen('audits', 'AuditUnanswered').length, 0, 'every hoster answered from its disk')
})

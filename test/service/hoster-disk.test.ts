import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { startPublisher } from '../helpers/publisher.js'
import { appendBlocks } from '../helpers/hypercore.js'
import { startServiceInProcess } from '../helpers/service.js'
import type { InProcessService } from '../helpers/service.js'
import { waitFor } from '../helpers/wait.js'
import { startLoopbackNetwork } from '../helpers/loopback-network.js'

const BLOCK = 64 * 1024
const BLOCKS = 32

test('hosters prove only from their own disk, repair lost blocks in the open, and keep the chain\'s head current', { timeout: 480_000 }, async (t) => {
  // Enough strikes that the hosters who lose blocks survive the checks they fail before their repair, and a
  // setup deadline and response window that hosters sharing this process's event loop meet on a loaded machine.
  const { api, log, common } = await startLoopbackNetwork(t, { maxStrikes: 6, amendmentDeadline: 150, responseWindow: 25 })
  const step = (n: number) => t.diagnostic(`step ${n} at ${Math.round(performance.now() / 1000)} s`)
  // The real service runs in this process (chain over RPC, each its own corestore and hyperswarm), so that
  // the test can reach into the hosters' disks; two attesters confirm their setup.
  const [hosters] = await Promise.all([
    Promise.all([0, 1].map((i) => startServiceInProcess(t, { ...common, account: `//DiskHoster${i}`, roles: ['hoster'] }))),
    Promise.all([0, 1].map((i) => startServiceInProcess(t, { ...common, account: `//DiskAttester${i}`, roles: ['attester'] })))
  ])
  const block = async () => (await api.rpc.chain.getHeader()).number.toNumber()

  step(1)
  // 1. A 2 MiB feed on two hosters; each passes a challenge while its disk is whole.
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('disk')
  await appendBlocks(core, BLOCKS, BLOCK)
  const { feedId, planId } = await pub.publisher.publish(core, { replicas: 2 })
  await pub.publisher.hosted(planId, 2)
  const accepted = (hoster: string, after: number) => log.events.some(({ block, record: { event } }) => block > after &&
    api.events.challenges.StorageProofAccepted.is(event) && event.data.plan.toBigInt() === planId && event.data.hoster.toString() === hoster)
  await waitFor(() => hosters.every((h) => accepted(h.service.address, 0)), 180_000, 'an accepted challenge for each hoster')

  step(2)
  // 2. The attack: one hoster loses all blocks but the first, the other loses every block, while the
  //    publisher still serves them all (so fetching on demand would pass in milliseconds).
  const [partial, empty] = hosters
  const lose = async (h: InProcessService, start: number) => {
    const session = h.service.network.core(core.key)
    await session.ready()
    await session.clear(start, BLOCKS)
    assert.equal(await session.has(0, BLOCKS), false)
    await session.close()
  }
  const before = await block()
  await Promise.all([lose(partial, 1), lose(empty, 0)])
  for (const victim of [partial, empty]) {
    const me = victim.service.address
    // Its next challenge fails (one opened just before the loss may be the one): the hoster fetches nothing
    // between a challenge and its proof.
    await waitFor(() => log.events.some(({ block, record: { event } }) => block >= before && api.events.challenges.StorageProofFailed.is(event) && event.data.hoster.toString() === me),
      120_000, `a failed challenge of the hoster that lost blocks (${me})`)
    assert.ok(victim.logs.some((l) => l.includes('cannot prove from this disk')), 'the hoster says blocks are missing')
    const metrics = await victim.metrics()
    assert.match(metrics, /^datdot_blocks_missing_total [1-9]/m, 'and counts them')
    assert.match(metrics, /^datdot_proofs_unavailable_total\{code="(BLOCK|TREE)_MISSING"\} [1-9]/m)
  }

  step(3)
  // 3. Each repairs itself in the open from the other peers, and passes its later challenges.
  for (const victim of [partial, empty]) {
    await waitFor(() => victim.logs.some((l) => l.includes('repaired: every block is on this disk again')), 60_000, 'the repair')
    assert.match(await victim.metrics(), /^datdot_repairs_total\{outcome="done"\} [1-9]/m)
    const repaired = await block()
    await waitFor(() => accepted(victim.service.address, repaired), 120_000, 'an accepted challenge after the repair')
  }
  const freed = log.seen('plans', 'PositionFreed', (d) => d.plan.toBigInt() === planId)
  assert.deepEqual(freed, [], 'no hoster was struck out')

  step(4)
  // 4. The publisher appends and says nothing to the chain: a hoster learns the newer signed head by
  //    replication and submits it; every hoster then fetches the new blocks.
  await appendBlocks(core, 8, BLOCK)
  await waitFor(async () => (await api.query.feeds.feeds(feedId)).unwrap().root.length.toNumber() === BLOCKS + 8, 120_000, 'the chain\'s root to follow the feed')
  await waitFor(async () => (await Promise.all(hosters.map(async (h) => {
    const session = h.service.network.core(core.key)
    await session.ready()
    const held = await session.has(0, BLOCKS + 8)
    await session.close()
    return held
  }))).every(Boolean), 180_000, 'every hoster to fetch the new blocks')
  const submitted = await Promise.all(hosters.map(async (h) => counts(await h.metrics(), 'datdot_heads_submitted_total')))
  const sum = (outcome: string) => submitted.reduce((n, c) => n + (c.get(outcome) ?? 0), 0)
  assert.equal(sum('accepted'), 1, 'one hoster\'s head was recorded')
  assert.equal(sum('refused'), 0, 'no head was refused for another reason than a race')
  assert.ok(sum('accepted') + sum('stale') <= hosters.length, 'each hoster offered the new length at most once')
  assert.equal(log.seen('feeds', 'FeedUpdated', (d) => d.feed.toBigInt() === feedId).length, 1)

})

/** The values of a labelled Prometheus counter, by its `outcome` label. */
function counts (metrics: string, name: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of metrics.matchAll(new RegExp(`^${name}\\{outcome="(\\w+)"\\} (\\d+)`, 'gm'))) out.set(m[1], Number(m[2]))
  return out
}

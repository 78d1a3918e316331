// The disk follows the chain: data a hoster no longer holds goes after its grace period even if the hoster
// was killed meanwhile or missed the event while down, and what it keeps never exceeds its capacity.
import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import Corestore from 'corestore'
import type Hypercore from 'hypercore'
import { u8aToHex } from '@polkadot/util'
import { devAccount } from '../helpers/api.js'
import { startServiceProcess } from '../helpers/network.js'
import type { ServiceProcess } from '../helpers/network.js'
import { startPublisher } from '../helpers/publisher.js'
import { appendBlocks } from '../helpers/hypercore.js'
import { waitFor } from '../helpers/wait.js'
import { startLoopbackNetwork } from '../helpers/loopback-network.js'

const BLOCK = 64 * 1024
/** 2 MiB feeds on a hoster offering 3 MiB: two of them never fit on its disk at once. */
const BLOCKS = 32
const CAPACITY = '3MiB'

/** How many of the core's blocks the stopped hoster's disk holds. */
async function blocksOnDisk (storage: string, core: Hypercore): Promise<number> {
  const store = new Corestore(join(storage, 'cores'))
  try {
    const session = store.get({ key: core.key })
    await session.ready()
    let held = 0
    for (let i = 0; i < core.length; i++) if (await session.has(i)) held++
    return held
  } finally {
    await store.close()
  }
}

test('a hoster deletes data it no longer holds after its grace period across kills and missed events, and keeps within its capacity', { timeout: 420_000 }, async (t) => {
  const { api, log, common } = await startLoopbackNetwork(t)
  const step = (n: number) => t.diagnostic(`step ${n} at ${Math.round(performance.now() / 1000)} s`)
  await startServiceProcess(t, { ...common, account: '//LedgerAttester', roles: 'attester' })
  let hoster: ServiceProcess = await startServiceProcess(t, { ...common, account: '//LedgerHoster', roles: 'hoster', capacity: CAPACITY, graceMs: 3000 })
  const alice = devAccount('//Alice')
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const host = async (name: string): Promise<{ core: Hypercore, planId: bigint }> => {
    const core = await pub.core(name)
    await appendBlocks(core, BLOCKS, BLOCK)
    const { planId } = await pub.publisher.publish(core, { replicas: 1 })
    await pub.publisher.hosted(planId, 1)
    return { core, planId }
  }
  const unpublish = async (planId: bigint) => {
    await api.tx.plans.unpublish(planId).signAndSend(alice, { nonce: -1 })
    await waitFor(() => log.seen('plans', 'PlanEnded', (d) => d.plan.toBigInt() === planId).length > 0, 60_000, `plan ${planId} to end`)
  }
  const dropped = (h: ServiceProcess, core: Hypercore) => h.logs.some((l) => l.includes('dropped a core no longer hosted') && l.includes(u8aToHex(core.key)))

  step(1)
  // 1. The plan ends while the hoster is down (killed with SIGKILL): restarted, it finds the core unneeded and
  //    deletes it once its grace period is over.
  const missed = await host('missed')
  await hoster.kill('SIGKILL')
  await unpublish(missed.planId)
  hoster = await hoster.restart()
  await waitFor(() => dropped(hoster, missed.core), 60_000, 'the restarted hoster to drop the core whose plan ended while it was down')

  step(2)
  // 2. The hoster is killed during a core's grace period: restarted, it still deletes it.
  const killed = await host('killed')
  await unpublish(killed.planId)
  await hoster.kill('SIGKILL')
  hoster = await hoster.restart()
  await waitFor(() => dropped(hoster, killed.core), 60_000, 'the restarted hoster to drop the core it was killed holding in its grace period')

  step(3)
  // 3. With a long grace, a core let go still sits on disk when the hoster is given a second feed that does not
  //    fit beside it: the old one goes first.
  await hoster.kill()
  hoster = await startServiceProcess(t, { ...common, account: '//LedgerHoster', roles: 'hoster', capacity: CAPACITY, graceMs: 600_000, storage: hoster.storage })
  const first = await host('first')
  await unpublish(first.planId)
  const second = await host('second')
  assert.ok(hoster.logs.some((l) => l.includes('dropping a core in its grace period early, to stay within capacity')), 'the hoster made room')
  assert.ok(dropped(hoster, first.core))

  await hoster.kill()
  const held: number[] = []
  for (const { core } of [missed, killed, first, second]) held.push(await blocksOnDisk(hoster.storage, core))
  assert.deepEqual(held, [0, 0, 0, BLOCKS], 'only the feed it hosts is on its disk')
})

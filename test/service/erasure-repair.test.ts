import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { startServiceProcess } from '../helpers/network.js'
import type { ServiceProcess } from '../helpers/network.js'
import { startPublisher } from '../helpers/publisher.js'
import { u8aToHex } from '@polkadot/util'
import { testProvider } from '../helpers/providers.js'
import { sendAndFinalize } from '../helpers/api.js'
import { waitFor } from '../helpers/wait.js'
import { FAST_PARAMS, startLoopbackNetwork } from '../helpers/loopback-network.js'
import { readPlan } from '../../cli/status/plan.js'
import { renderPlan } from '../../cli/status/render.js'
import { fund } from '../helpers/faucet.js'

const K = 4
const M = 2
const BLOCK = 16 * 1024
/** Long enough for a repair's encoder to wait for the chain to strike out every gone hoster. */
const AMENDMENT_DEADLINE = 40

test('erasure repair end to end: Erasure{4,2} loses two slots and is rebuilt from the others; then it loses three, and the chain says DataLost', { timeout: 590_000 }, async (t) => {
  const { api, log, common } = await startLoopbackNetwork(t, { amendmentDeadline: AMENDMENT_DEADLINE })
  const hosters = new Map<string, ServiceProcess>()
  await Promise.all([
    ...Array.from({ length: K + M + 2 }, async (_, i) => {
      const s = await startServiceProcess(t, { ...common, account: `//SlotHoster${i}`, roles: 'hoster' })
      hosters.set(s.address, s)
    }),
    // The encoders of a new plan may not attest its hosters: the third encoder and an attester do.
    ...[0, 1, 2].map((i) => startServiceProcess(t, { ...common, account: `//Encoder${i}`, roles: 'encoder,attester' })),
    startServiceProcess(t, { ...common, account: '//SlotAttester', roles: 'attester' })
  ])
  const step = (n: number) => t.diagnostic(`step ${n} at ${Math.round(performance.now() / 1000)} s`)
  const holders = async (plan: bigint) => await Promise.all(Array.from({ length: K + M }, async (_, p) => (await api.query.plans.positions(plan, p)).unwrapOr(null)))

  step(1)
  // 1. A 1 MiB feed, Erasure{4,2}: six hosters keep a slot each.
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('erasure-repair')
  await core.append(Array.from({ length: 64 }, (_, i) => new Uint8Array(BLOCK).fill(i)))
  const { planId } = await pub.publisher.publish(core, { erasure: { k: K, m: M } })
  await pub.publisher.hosted(planId, K + M)
  const plan0 = (await holders(planId)).map((p) => p!.hoster.unwrap().toString())

  step(2)
  // 2. The publisher goes offline; two slot hosters (a data slot and a parity slot) are killed and their disks
  //    wiped. One encoder rebuilds both slots from the four others, and two new hosters take them.
  await pub.close()
  const gone = [plan0[0], plan0[K]]
  for (const address of gone) {
    const h = hosters.get(address)!
    await h.kill('SIGKILL')
    rmSync(h.storage, { recursive: true, force: true })
  }
  await waitFor(async () => (await holders(planId)).every((p) => p!.state.isActive && !gone.includes(p!.hoster.unwrap().toString())), 240_000, 'six healthy positions again')
  const served = log.seen('plans', 'RepairServed', (d) => d.plan.toBigInt() === planId)
  assert.ok(served.length >= 1, 'the repair encoder said it serves the rebuilt slots')
  assert.equal(log.seen('plans', 'DataLost').length, 0)
  const rebuilt = (await holders(planId)).map((p) => p!.hoster.unwrap().toString())
  for (const position of [0, K]) {
    await waitFor(() => log.seen('challenges', 'StorageProofAccepted', (d) => d.plan.toBigInt() === planId && d.position.toNumber() === position && d.hoster.toString() === rebuilt[position]).length > 0,
      120_000, `the rebuilt slot ${position} to pass a storage challenge`)
  }

  step(3)
  // 3. Three more slot hosters go (more than m): only three slots are left, and no peer has the feed. Idle
  //    hoster accounts stand ready, so each lost position gets a repair, and an encoder to try it.
  const idle = [0, 1, 2].map((i) => testProvider(`IdleHoster${i}`))
  await fund(api, idle.map((p) => p.account.address))
  for (const p of idle) {
    const { result } = await sendAndFinalize(api.tx.roles.registerHoster(u8aToHex(p.noise.publicKey), 1n << 30n), p.account)
    assert.ok(!result.dispatchError, `${p.account.address} registered`)
  }
  const lost = [rebuilt[1], rebuilt[2], rebuilt[K + 1]]
  for (const address of lost) await hosters.get(address)!.kill('SIGKILL')
  const servedBefore = log.seen('plans', 'RepairServed').length
  await waitFor(() => log.seen('plans', 'DataLost', (d) => d.plan.toBigInt() === planId).length > 0, 300_000, 'the chain to say the data is lost')
  const at = (method: string) => log.events.filter(({ record: { event } }) => event.section === 'plans' && event.method === method && (event.data as any).plan.toBigInt() === planId)
  const lostAt = at('DataLost')[0].block
  const freed = at('PositionFreed').filter(({ record }) => lost.includes((record.event.data as any).hoster.toString())).map((e) => e.block)
  assert.ok(freed.length >= 2, `the gone hosters were struck out (${freed.length})`)
  // Within a strike window of the loss: the third gone hoster's struck out, or the second's if the report came first.
  const strikeWindow = FAST_PARAMS.maxStrikes * FAST_PARAMS.challengePeriod + FAST_PARAMS.responseWindow
  assert.ok(lostAt - Math.max(...freed) <= strikeWindow, `DataLost at block ${lostAt}, hosters struck out at ${freed.join(', ')}`)
  const plan = (await api.query.plans.plans(planId)).unwrap()
  assert.ok(plan.status.isLost, 'the plan is Lost')
  assert.ok((await holders(planId)).every((p) => p === null), 'its positions are gone: nothing is charged or challenged any more')
  assert.equal(log.seen('plans', 'RepairServed').length, servedBefore, 'no encoder claimed to serve a slot it could not have rebuilt')
  for (const p of idle) assert.equal((await api.query.roles.providers(p.account.address)).unwrap().strikes.toNumber(), 0, 'a hoster the encoder could not serve is not struck')
  assert.match(renderPlan(await readPlan(api, planId)), /LOST/, '`datdot status` says the data is lost')
})

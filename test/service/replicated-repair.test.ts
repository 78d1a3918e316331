import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { u8aToHex } from '@polkadot/util'
import { devAccount } from '../helpers/api.js'
import { startPublisher } from '../helpers/publisher.js'
import { appendBlocks } from '../helpers/hypercore.js'
import { testProvider } from '../helpers/providers.js'
import { waitFor } from '../helpers/wait.js'
import { FAST_PARAMS } from '../helpers/loopback-network.js'
import { startHostingNetwork } from '../helpers/hosting-network.js'

const BLOCK = 64 * 1024
/** A response window that hosters on a loaded 2-core machine meet (10 s of 400 ms blocks). */
const RESPONSE_WINDOW = 25

test('replicated repair end to end: a wiped hoster is replaced from the others while the publisher is offline, a lying attester is outvoted', { timeout: 590_000 }, async (t) => {
  const { api, log, common, hosters } = await startHostingNetwork(t, { hosters: 4, attesters: 2, params: { responseWindow: RESPONSE_WINDOW } })
  const alice = devAccount('//Alice')

  t.diagnostic(`step 1 at ${Math.round(performance.now() / 1000)} s`)
  // 1. A 16 MiB feed, Replicate{3}, hosted.
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('sixteen')
  await appendBlocks(core, 256, BLOCK)
  const { planId } = await pub.publisher.publish(core, { replicas: 3 })
  await pub.publisher.hosted(planId, 3)
  const plan0 = log.seen('plans', 'HostingStarted', (d) => d.plan.toBigInt() === planId).map((d) => d.hoster.toString())

  t.diagnostic(`step 2 at ${Math.round(performance.now() / 1000)} s`)
  // 2. A hoster's storage is wiped: it fails its challenges, is struck out and replaced; the new hoster
  //    gets the data from the other hosters while the publisher is offline. The plan is back to 3.
  await pub.close()
  const wiped = [...hosters.values()].find((h) => plan0.includes(h.address))!
  await wiped.kill('SIGKILL')
  rmSync(wiped.storage, { recursive: true, force: true })
  const gone = (await api.rpc.chain.getHeader()).number.toNumber()
  await waitFor(() => log.seen('plans', 'PositionFreed', (d) => d.plan.toBigInt() === planId && d.hoster.toString() === wiped.address).length > 0, 120_000, 'the wiped hoster struck out')
  const freedAt = log.events.find(({ record: { event } }) => api.events.plans.PositionFreed.is(event) && event.data.hoster.toString() === wiped.address && event.data.plan.toBigInt() === planId)!
  const lostPosition: number = (freedAt.record.event.data as any).position.toNumber()
  // Within the strike window: by the deadline of its maxStrikes-th challenge after it was gone (a failed
  // performance check may strike it sooner).
  // Challenges opened after it was gone (one opened before may have been answered in time).
  const deadlines = log.events.filter(({ block, record: { event } }) => block > gone && api.events.challenges.StorageChallenge.is(event) &&
    event.data.hoster.toString() === wiped.address && event.data.plan.toBigInt() === planId && event.data.position.toNumber() === lostPosition)
    .map(({ record }) => (record.event.data as any).deadline.toNumber() as number).sort((a, b) => a - b)
  assert.ok(deadlines.length >= 1 && freedAt.block <= (deadlines[FAST_PARAMS.maxStrikes - 1] ?? Infinity), `struck out at block ${freedAt.block}, challenge deadlines after the loss: ${deadlines.join(', ')}`)
  const replacement = log.events.find(({ block, record: { event } }) => block >= freedAt.block && api.events.plans.NewAmendment.is(event) &&
    event.data.plan.toBigInt() === planId && event.data.positions.some((p) => p.toNumber() === lostPosition))
  assert.ok(replacement !== undefined && replacement.block <= freedAt.block + 1, 'a replacement hoster was drawn at once')
  await waitFor(async () => {
    const positions = await Promise.all([0, 1, 2].map(async (p) => (await api.query.plans.positions(planId, p)).unwrap()))
    return positions.every((p) => p.state.isActive && p.hoster.unwrap().toString() !== wiped.address)
  }, 180_000, 'three healthy positions again')
  // The new hoster fetched from the remaining replicas (the publisher is offline) and passes a challenge.
  const newcomer = (await api.query.plans.positions(planId, lostPosition)).unwrap().hoster.unwrap().toString()
  await waitFor(() => log.seen('challenges', 'StorageProofAccepted', (d) => d.plan.toBigInt() === planId && d.position.toNumber() === lostPosition && d.hoster.toString() === newcomer).length > 0,
    120_000, 'an accepted challenge of the new hoster')

  t.diagnostic(`step 3 at ${Math.round(performance.now() / 1000)} s`)
  // 3. An attester that reports falsely is outvoted and loses reputation.
  const liar = testProvider('Liar')
  await api.tx.roles.registerAttester(u8aToHex(liar.noise.publicKey)).signAndSend(liar.account, { nonce: -1 })
  const lies = new Set<string>()
  const lie = async () => {
    for (const check of log.seen('challenges', 'PerformanceCheck', (d) => d.attesters.some((a: { toString (): string }) => a.toString() === liar.account.address))) {
      const id = check.id.toString()
      if (lies.has(id)) continue
      lies.add(id)
      await api.tx.challenges.submitPerformanceReport(check.id, false, 0, 0, 0, null).signAndSend(liar.account, { nonce: -1 })
    }
  }
  await waitFor(async () => {
    await lie()
    return log.seen('challenges', 'PerformanceResult', (d) => lies.has(d.id.toString()) && d.verdict.isServed).length > 0
  }, 180_000, 'a check where the liar was outvoted')
  const reputation = (await api.query.roles.providers(liar.account.address)).unwrap().reputation.toNumber()
  assert.ok(reputation < 100, `the liar's reputation dropped (${reputation})`)
})

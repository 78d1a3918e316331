import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { u8aToHex } from '@polkadot/util'
import { startPublisher } from '../helpers/publisher.js'
import { appendBlocks } from '../helpers/hypercore.js'
import { testProvider } from '../helpers/providers.js'
import { plainReader } from '../helpers/reader.js'
import { waitFor } from '../helpers/wait.js'
import { FAST_PARAMS } from '../helpers/loopback-network.js'
import { startHostingNetwork } from '../helpers/hosting-network.js'
import { fund } from '../helpers/faucet.js'

const BLOCK = 64 * 1024
const BLOCKS = 1024
/** A response window that hosters on a loaded 2-core machine meet (10 s of 400 ms blocks). */
const RESPONSE_WINDOW = 25

test('replicated repair end to end: a 64 MiB Replicate{3} loses two hosters while the publisher is offline; both are replaced from the third; a lying attester is outvoted', { timeout: 590_000 }, async (t) => {
  const { api, log, common, hosters } = await startHostingNetwork(t, { hosters: 5, attesters: 2, params: { responseWindow: RESPONSE_WINDOW } })

  // Funded first: the plan spends //Alice's ratio on its hosters.
  const liar = testProvider('Liar')
  await fund(api, [liar.account.address])

  t.diagnostic(`step 1 at ${Math.round(performance.now() / 1000)} s`)
  // 1. A 64 MiB feed, Replicate{3}, hosted.
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('sixty-four')
  await appendBlocks(core, BLOCKS, BLOCK)
  const { planId } = await pub.publisher.publish(core, { replicas: 3 })
  await pub.publisher.hosted(planId, 3)
  const plan0 = log.seen('plans', 'HostingStarted', (d) => d.plan.toBigInt() === planId).map((d) => d.hoster.toString())

  t.diagnostic(`step 2 at ${Math.round(performance.now() / 1000)} s`)
  // 2. The publisher goes offline; two of the three hosters are killed and their disks wiped. Each is struck
  //    out within its strike window and replaced at once; the new hosters fetch the feed from the third.
  await pub.close()
  const wiped = plan0.slice(0, 2)
  const gone = (await api.rpc.chain.getHeader()).number.toNumber()
  for (const address of wiped) {
    await hosters.get(address)!.kill('SIGKILL')
    rmSync(hosters.get(address)!.storage, { recursive: true, force: true })
  }
  const positions = async () => await Promise.all([0, 1, 2].map(async (p) => (await api.query.plans.positions(planId, p)).unwrap()))
  await waitFor(async () => (await positions()).every((p) => p.state.isActive && !wiped.includes(p.hoster.unwrap().toString())), 300_000, 'three healthy positions again')
  for (const address of wiped) {
    const freedAt = log.events.find(({ record: { event } }) => api.events.plans.PositionFreed.is(event) && event.data.hoster.toString() === address && event.data.plan.toBigInt() === planId)!
    const lostPosition: number = (freedAt.record.event.data as any).position.toNumber()
    // Within the strike window: by the deadline of its maxStrikes-th challenge opened after it was gone (one
    // opened before may have been answered in time; a failed performance check may strike it sooner).
    const deadlines = log.events.filter(({ block, record: { event } }) => block > gone && api.events.challenges.StorageChallenge.is(event) &&
      event.data.hoster.toString() === address && event.data.plan.toBigInt() === planId && event.data.position.toNumber() === lostPosition)
      .map(({ record }) => (record.event.data as any).deadline.toNumber() as number).sort((a, b) => a - b)
    assert.ok(deadlines.length >= 1 && freedAt.block <= (deadlines[FAST_PARAMS.maxStrikes - 1] ?? Infinity), `struck out at block ${freedAt.block}, challenge deadlines after the loss: ${deadlines.join(', ')}`)
    const replacement = log.events.find(({ block, record: { event } }) => block >= freedAt.block && api.events.plans.NewAmendment.is(event) &&
      event.data.plan.toBigInt() === planId && event.data.positions.some((p) => p.toNumber() === lostPosition))
    assert.ok(replacement !== undefined && replacement.block <= freedAt.block + 1, 'a replacement hoster was drawn at once')
  }
  const now = (await positions()).map((p) => p.hoster.unwrap().toString())
  const newcomers = now.filter((h) => !plan0.includes(h))
  assert.equal(newcomers.length, 2, 'two new hosters')
  // The third original hoster goes too: a plain hypercore reader then gets every block from the new hosters
  // alone, each verified against the feed's signed tree.
  await hosters.get(now.find((h) => plan0.includes(h))!)!.kill('SIGKILL')
  const reader = await plainReader(t, core.key, common.bootstrap)
  await reader.download({ start: 0, end: BLOCKS }).done()
  assert.equal(reader.contiguousLength, BLOCKS, 'every block of the 64 MiB, from the new hosters')
  for (const i of [0, 511, BLOCKS - 1]) assert.equal((await reader.get(i))!.byteLength, BLOCK)

  t.diagnostic(`step 3 at ${Math.round(performance.now() / 1000)} s`)
  // 3. An attester that reports falsely is outvoted and loses reputation.
  await api.tx.roles.registerAttester(u8aToHex(liar.noise.publicKey)).signAndSend(liar.account, { nonce: -1 })
  const lies = new Set<string>()
  const lie = async () => {
    for (const check of log.seen('challenges', 'PerformanceCheck', (d) => d.attesters.some((a: { toString (): string }) => a.toString() === liar.account.address))) {
      const id = check.id.toString()
      if (lies.has(id)) continue
      // Refused while the check's samples are not drawn yet (a free call that would fail): tried again later.
      const sent = await api.tx.challenges.submitPerformanceReport(check.id, false, 0, 0, 0, null).signAndSend(liar.account, { nonce: -1 }).then(() => true, (err: Error) => {
        if (!/SamplesPending/.test(err.message)) throw err
        return false
      })
      if (sent) lies.add(id)
    }
  }
  await waitFor(async () => {
    await lie()
    return log.seen('challenges', 'PerformanceResult', (d) => lies.has(d.id.toString()) && d.verdict.isServed).length > 0
  }, 180_000, 'a check where the liar was outvoted')
  const reputation = (await api.query.roles.providers(liar.account.address)).unwrap().reputation.toNumber()
  assert.ok(reputation < 100, `the liar's reputation dropped (${reputation})`)
})

import { test } from 'node:test'
import { performance } from 'node:perf_hooks'
import assert from 'node:assert/strict'
import { devAccount } from '../helpers/api.js'
import { startPublisher } from '../helpers/publisher.js'
import { plainReader } from '../helpers/reader.js'
import { appendBlocks } from '../helpers/hypercore.js'
import { waitFor } from '../helpers/wait.js'
import { startHostingNetwork } from '../helpers/hosting-network.js'

const BLOCK = 64 * 1024
const HOSTERS = 4
/** A response window that hosters on a loaded 2-core machine meet (10 s of 400 ms blocks). */
const RESPONSE_WINDOW = 25
/** Blocks an honest network runs without a single failed proof (steps 2 to 4). */
const HONEST_BLOCKS = 300
/**
 * Ratio per MiB-block low enough that //Alice's 1,000,000 pays every hoster for the whole test: at the fast
 * networks' 1,000, three 16 MiB replicas drain it in about 20 blocks, and a hoster first challenged after that
 * earns nothing (a loaded machine's slow step 2 left one hoster unpaid in step 3).
 */
const RATIO_PER_MIB_BLOCK = '10'

test('replicated pinning end to end: hosting, plain readers, challenges, growth, an honest run of 300 blocks, a hoster killed mid-download resumes', { timeout: 590_000 }, async (t) => {
  const { api, log, common, hosters } = await startHostingNetwork(t, { hosters: HOSTERS, attesters: 2, params: { responseWindow: RESPONSE_WINDOW, ratioPerMibBlock: RATIO_PER_MIB_BLOCK } })
  const { bootstrap } = common
  const alice = devAccount('//Alice')
  const ratio = async (who: string) => (await api.query.system.account(who)).data.free.toBigInt()

  t.diagnostic(`step 1 at ${Math.round(performance.now() / 1000)} s`)
  // 1. A 16 MiB feed, Replicate{3}: three hosters start hosting; the publisher sees progress per hoster.
  let pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('sixteen')
  await appendBlocks(core, 256, BLOCK)
  const progress = new Map<string, number>()
  pub.publisher.on('progress', ({ hoster, bytes }) => progress.set(hoster, bytes))
  const { feedId, planId } = await pub.publisher.publish(core, { replicas: 3 })
  await pub.publisher.hosted(planId, 3)
  const plan0 = log.seen('plans', 'HostingStarted', (d) => d.plan.toBigInt() === planId).map((d) => d.hoster.toString())
  assert.equal(new Set(plan0).size, 3, 'three hosters started')
  assert.ok([...progress.values()].some((b) => b > 0), 'the publisher reported progress per hoster')
  const honestFrom = (await api.rpc.chain.getHeader()).number.toNumber()

  t.diagnostic(`step 2 at ${Math.round(performance.now() / 1000)} s`)
  // 2. The publisher goes offline; a plain hypercore reader gets and verifies every block from the hosters.
  const key = core.key
  await pub.close()
  const reader = await plainReader(t, key, bootstrap)
  await reader.download({ start: 0, end: 256 }).done()
  for (let i = 0; i < 256; i++) assert.equal((await reader.get(i))!.byteLength, BLOCK)
  assert.equal(reader.contiguousLength, 256, 'every block, verified by hypercore against the signed tree')

  t.diagnostic(`step 3 at ${Math.round(performance.now() / 1000)} s`)
  // 3. Over 60 blocks every storage challenge is answered and accepted; hosters earn, the sponsor pays. Challenge
  // times are memoryless (each block picks a position with probability 1/challengePeriod), so the window is
  // long enough that a position goes unchallenged in it with probability (7/8)^60 ≈ 3·10⁻⁴.
  const WINDOW = 60
  const [hostersBefore, sponsorBefore] = [await Promise.all(plan0.map(ratio)), await ratio(alice.address)]
  const from = (await api.rpc.chain.getHeader()).number.toNumber()
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= from + WINDOW + RESPONSE_WINDOW, 120_000, `${WINDOW} blocks and a response window`)
  const window = log.events.filter((e) => e.block > from && e.block <= from + WINDOW)
  const challenged = window.filter((e) => e.record.event.method === 'StorageChallenge').map((e) => (e.record.event.data as any).id.toBigInt())
  assert.ok(challenged.length >= 3, `challenges were made (${challenged.length})`)
  const accepted = new Set(log.seen('challenges', 'StorageProofAccepted').map((d) => d.id.toBigInt()))
  assert.deepEqual(challenged.filter((id) => !accepted.has(id)), [], `every challenge of the ${WINDOW} blocks was accepted`)
  assert.equal(log.seen('challenges', 'StorageProofFailed').length, 0)
  const hostersAfter = await Promise.all(plan0.map(ratio))
  hostersAfter.forEach((r, i) => assert.ok(r > hostersBefore[i], 'each hoster earned ratio'))
  const sponsorAfter = await ratio(alice.address)
  assert.ok(sponsorAfter < sponsorBefore && sponsorAfter > 0n, 'the sponsor paid, and has ratio left: every hoster was paid in full')
  const metrics = await (await fetch(`http://127.0.0.1:${hosters.get(plan0[0])!.metricsPort}/metrics`)).text()
  assert.match(metrics, /^datdot_challenges_answered_total [1-9]/m, 'the hoster exports its answered challenges')
  assert.match(metrics, /^datdot_bytes_hosted 16777216$/m)
  assert.match(metrics, /^datdot_peers [1-9]/m)

  t.diagnostic(`step 4 at ${Math.round(performance.now() / 1000)} s`)
  // 4. The publisher appends 4 MiB and records the new head; hosters catch up and challenges cover it.
  pub = await startPublisher(t, { ...common, uri: '//Alice', storage: pub.storage })
  const grown = await pub.core('sixteen')
  await pub.network.join(grown.key, { server: true, client: false })
  await appendBlocks(grown, 64, BLOCK)
  await pub.publisher.update(grown, feedId)
  await waitFor(() => new Set(log.seen('challenges', 'StorageProofAccepted', (d) => d.plan.toBigInt() === planId && rootLengthOf(log, d.id.toBigInt()) === 320)
    .map((d) => d.position.toNumber())).size === 3, 120_000, 'an accepted challenge at length 320 for each position')

  t.diagnostic(`honest run at ${Math.round(performance.now() / 1000)} s`)
  // An honest network (steps 2 to 4: readers, challenges, growth) sees no failed proof over 300 blocks.
  await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= honestFrom + HONEST_BLOCKS + RESPONSE_WINDOW, 240_000, `${HONEST_BLOCKS} blocks and a response window`)
  const honest = (method: string) => log.events.filter(({ block, record: { event } }) => block > honestFrom && block <= honestFrom + HONEST_BLOCKS + RESPONSE_WINDOW &&
    event.section === 'challenges' && event.method === method && (method !== 'StorageChallenge' || block <= honestFrom + HONEST_BLOCKS))
  const opened = honest('StorageChallenge').map(({ record }) => (record.event.data as any).id.toBigInt())
  const acceptedIds = new Set(honest('StorageProofAccepted').map(({ record }) => (record.event.data as any).id.toBigInt()))
  t.diagnostic(`honest run: ${opened.length} challenges in ${HONEST_BLOCKS} blocks, ${acceptedIds.size} accepted`)
  // What a failing hoster said about it, for the assertion's message.
  const errors = [...hosters.values()].flatMap((h) => h.logs.filter((line) => line.includes('"level":50')).map((line) => `${h.address}: ${line.slice(0, 300)}`))
  assert.deepEqual(honest('StorageProofFailed').map(({ record }) => record.event.data.toHuman()), [], `no failed proof; hosters logged:\n${errors.join('\n')}`)
  assert.deepEqual(errors.filter((line) => line.includes('handling a block failed')), [], 'every hoster handled every block\'s events')
  assert.ok(opened.length >= 36, `a few dozen challenges (${opened.length})`)
  assert.deepEqual(opened.filter((id) => !acceptedIds.has(id)), [], 'every challenge opened in the run was accepted')

  t.diagnostic(`step 5 at ${Math.round(performance.now() / 1000)} s`)
  // 5. A hoster killed with SIGKILL in the middle of a download resumes without starting over.
  const big = await pub.core('forty-eight')
  await appendBlocks(big, 768, BLOCK)
  const uploads = new Map<string, number>()
  pub.publisher.on('progress', ({ hoster, bytes }) => uploads.set(hoster, bytes))
  const second = pub.publisher.publish(big, { replicas: 1 })
  await waitFor(() => [...uploads.values()].some((b) => b >= big.byteLength / 4), 60_000, 'a quarter of the 48 MiB downloaded')
  const [victimAddress, before] = [...uploads.entries()].find(([, b]) => b >= big.byteLength / 4)!
  const victim = hosters.get(victimAddress)!
  await victim.kill('SIGKILL')
  const beforeKill = uploads.get(victimAddress)!
  assert.ok(beforeKill < big.byteLength, 'killed before the download finished')
  hosters.set(victimAddress, await victim.restart())
  const { planId: plan1 } = await second
  await pub.publisher.hosted(plan1, 1)
  const afterRestart = uploads.get(victimAddress)! - beforeKill
  assert.ok([victim, hosters.get(victimAddress)!].some((h) => h.logs.some((l) => l.includes('reported setup progress') && l.includes('"ok":true'))), 'the hoster told the chain its progress')
  assert.ok(afterRestart < big.byteLength - before / 2, `after the restart it fetched ${afterRestart} of ${big.byteLength} bytes, not everything again`)
  // Unpublishing frees the hoster: it drops the data after its grace period (2 s here).
  await api.tx.plans.unpublish(plan1).signAndSend(alice, { nonce: -1 })
  const restarted = hosters.get(victimAddress)!
  await waitFor(() => restarted.logs.some((l) => l.includes('dropped a core no longer hosted')), 30_000, 'the hoster to drop the unpublished feed')
  assert.equal((await api.query.roles.providers(victimAddress)).unwrap().committed.toBigInt(), BigInt(plan0.includes(victimAddress) ? 320 * BLOCK : 0), 'its capacity is free again')
})

function rootLengthOf (log: { seen (s: string, m: string, w?: (d: any) => boolean): any[] }, id: bigint): number | undefined {
  return log.seen('challenges', 'StorageChallenge', (d) => d.id.toBigInt() === id)[0]?.rootLength.toNumber()
}

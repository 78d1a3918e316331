import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import DHT from 'hyperdht'
import type { SwarmConnection } from 'hyperswarm'
import { u8aToHex } from '@polkadot/util'
import { devAccount } from '../helpers/api.js'
import { startServiceProcess } from '../helpers/network.js'
import type { ServiceProcess } from '../helpers/network.js'
import { startPublisher } from '../helpers/publisher.js'
import { appendBlocks, proofsFor, publishArgs } from '../helpers/hypercore.js'
import { testProvider } from '../helpers/providers.js'
import { waitFor } from '../helpers/wait.js'
import { startLoopbackNetwork } from '../helpers/loopback-network.js'
import { fund } from '../helpers/faucet.js'

/** Time for the probes of a loaded machine: a window of 30 blocks (12 s), setups of 100 blocks. */
const PARAMS = { responseWindow: 30, amendmentDeadline: 100 }

/** Three attester services, started one after the other (two cores: starting all at once times out). */
async function startAttesters (t: TestContext, common: { chain: string, bootstrap: string[] }): Promise<ServiceProcess[]> {
  const attesters: ServiceProcess[] = []
  for (const i of [0, 1, 2]) attesters.push(await startServiceProcess(t, { ...common, account: `//Attester${i}`, roles: 'attester' }))
  return attesters
}

/** The noise keys the attesters registered on chain (named in public events). */
async function registeredKeys (api: Awaited<ReturnType<typeof startLoopbackNetwork>>['api'], addresses: string[]): Promise<string[]> {
  return await Promise.all(addresses.map(async (a) => (await api.query.roles.providers(a)).unwrap().noiseKey.toHex()))
}

test('attesters probe with fresh keys and report the hoster\'s signed receipts; the chain starts and keeps hosting on that evidence', { timeout: 300_000 }, async (t) => {
  const { api, log, common } = await startLoopbackNetwork(t, PARAMS)
  const hoster = await startServiceProcess(t, { ...common, account: '//Hoster0', roles: 'hoster' })
  const attesters = await startAttesters(t, common)
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('attested')
  await appendBlocks(core, 64, 16 * 1024)
  const { planId } = await pub.publisher.publish(core, { replicas: 1 })
  await pub.publisher.hosted(planId, 1)
  const ofPlan = (d: any) => d.plan.toBigInt() === planId
  assert.ok(log.seen('challenges', 'StorageProofAccepted', ofPlan).length >= 1, 'the new hoster proved storage before hosting started')
  assert.ok(log.seen('challenges', 'PerformanceResult', (d) => ofPlan(d) && d.verdict.isServed).length >= 1, 'a retrievability check served before hosting started')

  // Then regular checks: Served on receipts, with figures.
  await waitFor(() => log.seen('challenges', 'PerformanceResult', (d) => ofPlan(d) && d.verdict.isServed).length >= 2, 180_000, 'a regular performance check served')
  const results = log.seen('challenges', 'PerformanceResult', ofPlan)
  assert.ok(results.every((r) => r.verdict.isServed), `every check of the honest hoster served (${results.map((r) => r.verdict.type).join(', ')})`)
  assert.ok(results.every((r) => r.network.toNumber() === (127 << 16)), 'attesters reached the hoster at 127.0.0.0/24')
  t.diagnostic(`served checks: latency ${results.map((r) => r.latencyMs.toNumber()).join(', ')} ms; throughput ${results.map((r) => r.throughput.toNumber()).join(', ')} B/s`)

  // The hoster signed receipts for peers whose keys are none of the attesters' registered keys, a new one each time.
  const peers = hoster.logs.map((l) => JSON.parse(l) as { msg?: string, peer?: string }).filter((l) => l.msg === 'signed a receipt').map((l) => l.peer!)
  const registered = await registeredKeys(api, attesters.map((a) => a.address))
  assert.ok(peers.length >= 4, `receipts were signed (${peers.length})`)
  assert.deepEqual(peers.filter((p) => registered.includes(p)), [], 'no probe used an attester\'s registered noise key')
  assert.equal(new Set(peers).size, peers.length, 'a fresh key pair per probe')
})

test('a hoster that serves only the attesters\' registered keys is caught: its setup fails on evidence', { timeout: 300_000 }, async (t) => {
  const { api, log, common } = await startLoopbackNetwork(t, PARAMS)
  const attesters = await startAttesters(t, common)
  const registered = await registeredKeys(api, attesters.map((a) => a.address))

  // The cheater, played by the test: it holds the feed and proves storage, but its swarm only lets in
  // connections from keys registered as attesters, so ordinary readers get nothing.
  const cheater = testProvider('Cheater')
  const dir = mkdtempSync(join(tmpdir(), 'datdot-cheater-'))
  const store = new Corestore(dir)
  const dht = new DHT({ bootstrap: common.bootstrap, host: '127.0.0.1', firewalled: false })
  const refused: string[] = []
  const swarm = new Hyperswarm({
    keyPair: cheater.noise,
    dht,
    firewall: (remote) => {
      const ok = registered.includes(u8aToHex(remote))
      if (!ok) refused.push(u8aToHex(remote))
      return !ok
    }
  })
  swarm.on('connection', (conn: SwarmConnection) => store.replicate(conn))
  t.after(async () => {
    await swarm.destroy()
    await dht.destroy()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const core = store.get({ name: 'feed' })
  await core.ready()
  await appendBlocks(core, 32, 4096)
  await swarm.join(core.discoveryKey, { server: true, client: false }).flushed()
  await swarm.listen()

  const alice = devAccount('//Alice')
  await fund(api, [cheater.account.address])
  await api.tx.roles.registerHoster(u8aToHex(cheater.noise.publicKey), 1n << 30n).signAndSend(cheater.account, { nonce: -1 })
  await waitFor(() => log.seen('roles', 'Registered', (d) => d.who.toString() === cheater.account.address).length > 0, 30_000, 'the cheater registered')
  const head = await publishArgs(core)
  await api.tx.feeds.publishFeed(head.key, head.manifest, head.head).signAndSend(alice, { nonce: -1 })
  await api.tx.plans.requestHosting(0, { Replicate: { replicas: 1 } }, null).signAndSend(alice, { nonce: -1 })
  await waitFor(() => log.seen('plans', 'NewAmendment').length > 0, 60_000, 'the cheater drawn')
  const [amendment] = log.seen('plans', 'NewAmendment')
  assert.equal(amendment.hosters[0].toString(), cheater.account.address)
  await api.tx.plans.hostingReady(amendment.id, 0).signAndSend(cheater.account, { nonce: -1 })
  await waitFor(() => log.seen('challenges', 'StorageChallenge').length > 0, 60_000, 'the setup storage challenge')
  const [challenge] = log.seen('challenges', 'StorageChallenge')
  const proofs = await proofsFor(core, challenge.indexes.map((i: { toNumber (): number }) => i.toNumber()), challenge.rootLength.toNumber())
  await api.tx.challenges.submitStorageProof(challenge.id, proofs).signAndSend(cheater.account, { nonce: -1 })

  await waitFor(() => log.seen('plans', 'PositionFreed').length > 0 || log.seen('plans', 'HostingStarted').length > 0, 240_000, 'the setup decided')
  assert.equal(log.seen('plans', 'HostingStarted').length, 0, 'the cheater never started hosting')
  assert.ok(log.seen('challenges', 'StorageProofAccepted').length > 0, 'although its storage proof was valid')
  const verdicts = log.seen('challenges', 'PerformanceResult').map((r) => r.verdict.type)
  t.diagnostic(`verdicts on the cheater's setup: ${verdicts.join(', ')}`)
  assert.ok(!verdicts.includes('Served'), 'no check found it serving')
  assert.ok(verdicts.includes('Contained'), 'a quorum found it not serving')
  assert.equal(log.seen('plans', 'SetupFailed').length, 1, 'its one retry did too: the setup failed on that evidence')
  assert.ok(refused.length >= 4, `the attesters' probes came with keys the cheater did not know (${refused.length} refused)`)
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi } from '../helpers/api.js'
import { devSpecWith } from '../helpers/blocks.js'
import { startServiceProcess, startTestnet } from '../helpers/network.js'
import { waitFor } from '../helpers/wait.js'
import { datdot, jsonOf } from './run-datdot.js'

// Storage challenges every ~4 blocks, so that a proof is accepted soon after hosting starts, with a long
// response window for a loaded machine; performance checks rare, as this test does not look at them.
const PARAMS = { challengePeriod: 4, samples: 2, responseWindow: 30, maxStrikes: 3, performancePeriod: 10_000, attestersPerCheck: 1, amendmentDeadline: 60, ratioPerMibBlock: '1000' }
const SIZE = 200 * 1024
const RATIO = 100_000n

test('a new wallet publishes with --wait; status, challenges and unpublish against a running network', { timeout: 360_000 }, async (t) => {
  const at = (step: string) => t.diagnostic(`${step} at ${Math.round(performance.now() / 1000)} s`)
  const spec = devSpecWith(t, (s) => { s.genesis.pallets.params = PARAMS })
  const chain = await startChainProcess(t, { args: ['--block-time', '300', '--chain', spec] })
  const api = await connectApi(t, chain.url)
  const bootstrap = await startTestnet(t)
  const common = { chain: chain.url, bootstrap }
  const dir = mkdtempSync(join(tmpdir(), 'datdot-cli-publish-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  // The publisher is a wallet identity that Alice gives ratio to, made while the services start.
  const vault = ['--vault', join(dir, 'vault')]
  const env = { DATDOT_PASSWORD: 'a passphrase for the test' }
  const wallet = (async () => {
    const { address } = jsonOf(await datdot(['wallet', 'create', 'publisher', ...vault, '--json'], { env }))
    jsonOf(await datdot(['wallet', 'transfer', address, String(RATIO), '--json', '--chain', chain.url, '--dev', '--account', '//Alice']))
    return address as string
  })()
  // Three hosters for Replicate{3}, and an attester to confirm their setups (never one of the plan's hosters).
  const services = await Promise.all([
    ...[0, 1, 2].map((i) => startServiceProcess(t, { ...common, account: `//CliHoster${i}`, roles: 'hoster' })),
    startServiceProcess(t, { ...common, account: '//CliAttester', roles: 'attester' })
  ])
  const hosters = services.slice(0, 3).map((s) => s.address)
  const sponsor = await wallet
  const ratio = async () => (await api.query.system.account(sponsor)).data.free.toBigInt()
  assert.equal(await ratio(), RATIO)
  const file = join(dir, 'data.bin')
  writeFileSync(file, randomBytes(SIZE))
  const connection = ['--chain', chain.url, ...bootstrap.flatMap((b) => ['--bootstrap', b])]
  const identity = ['--identity', 'publisher', ...vault]

  at('publish')
  const published = jsonOf(await datdot(['publish', file, '--wait', '--replicas', '3', '--json', '--storage', join(dir, 'publisher'), ...connection, ...identity], { timeoutMs: 90_000, env }))
  assert.equal(published.byteLength, SIZE)
  assert.match(published.feedKey, /^[0-9a-f]{64}$/)
  assert.deepEqual(published.mode, { replicas: 3 })
  assert.deepEqual(published.hosters.map((h: { phase: string }) => h.phase), ['started', 'started', 'started'])
  assert.deepEqual(published.hosters.map((h: { hoster: string }) => h.hoster).sort(), [...hosters].sort())
  assert.ok(published.hosters.some((h: { uploaded: number }) => h.uploaded > 0), 'the publisher counted bytes uploaded to its hosters')
  const plan: number = published.plan

  at('status')
  // A storage proof accepted for the plan: status reports its block as the position's last proof.
  const proved = new Set<number>()
  const unsubscribe = await api.query.system.events((events) => {
    for (const { event } of events) {
      if (api.events.challenges.StorageProofAccepted.is(event) && event.data.plan.toNumber() === plan) proved.add(event.data.position.toNumber())
    }
  })
  await waitFor(() => proved.size > 0, 30_000, 'an accepted storage proof')
  unsubscribe()
  // Meanwhile a directory, without --wait and without --json: progress lines, then the exit once its hoster has it.
  const folder = join(dir, 'folder')
  mkdirSync(join(folder, 'sub'), { recursive: true })
  writeFileSync(join(folder, 'a.txt'), 'a small file')
  writeFileSync(join(folder, 'sub', 'b.bin'), randomBytes(100 * 1024))
  const [status, network, feed, challenges, notSponsor, missing, badHoster, second] = await Promise.all([
    datdot(['status', '--json', `plan:${plan}`, '--chain', chain.url]),
    datdot(['status', '--json', '--chain', chain.url]),
    datdot(['status', published.feedKey, '--chain', chain.url]),
    datdot(['challenges', '--json', '--recent', '100', '--chain', chain.url]),
    datdot(['unpublish', String(plan), '--chain', chain.url, '--dev', '--account', '//Bob']),
    datdot(['status', `plan:${plan + 100}`, '--chain', chain.url]),
    datdot(['challenges', '--hoster', 'nobody', '--chain', chain.url]),
    datdot(['publish', folder, '--replicas', '1', '--storage', join(dir, 'publisher'), ...connection, ...identity], { timeoutMs: 90_000, env })
  ])
  const positions = jsonOf(status).positions
  assert.equal(jsonOf(status).status, 'active')
  assert.equal(jsonOf(status).feedKey, published.feedKey)
  assert.deepEqual(positions.map((p: { state: string }) => p.state), ['active', 'active', 'active'])
  assert.deepEqual(positions.map((p: { bytes: number }) => p.bytes), [SIZE, SIZE, SIZE])
  assert.deepEqual(positions.map((p: { health: string }) => p.health), positions.map((p: { strikes: number }) => p.strikes === 0 ? 'healthy' : 'struck'))
  for (const position of proved) assert.equal(typeof positions[position].lastProof, 'number', `position ${position} shows its last proof`)
  const summary = jsonOf(network)
  assert.equal(jsonOf(status).sponsor, sponsor)
  assert.ok(await ratio() < RATIO, 'the publisher\'s wallet pays for the accepted proofs')
  assert.deepEqual(summary.plans.find((p: { plan: number }) => p.plan === plan), { plan, feed: published.feed, sponsor, mode: { replicas: 3 }, status: 'active', positions: 3, active: 3 })
  assert.equal(summary.providers.filter((p: { roles: string[] }) => p.roles.includes('hoster')).length, 3)
  assert.equal(feed.code, 0, feed.stderr)
  assert.match(feed.stdout, new RegExp(`^plan +${plan}: replicas 3, active, (healthy|degraded)$`, 'm'), 'the feed\'s human status shows its plan')
  assert.ok(jsonOf(challenges).recent.some((r: { plan: number, result: string }) => r.plan === plan && r.result === 'accepted'), 'challenges lists the accepted proofs')
  assert.equal(notSponsor.code, 1)
  assert.match(notSponsor.stderr, /^error \[EXTRINSIC_FAILED\]: the chain refused plans\.unpublish: plans\.NotSponsor \(Only the plan's sponsor may do this\.\)\n$/)
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /^error \[PLAN_NOT_FOUND\]: the chain has no plan \d+ /)
  assert.equal(badHoster.code, 2)
  assert.match(badHoster.stderr, /^error \[USAGE\]: --hoster takes an account address \(SS58\), not "nobody"/)
  assert.equal(second.code, 0, second.stderr)
  assert.match(second.stdout, /^feed key  [0-9a-f]{64}$/m)
  assert.match(second.stdout, /^#0 \S+ +\[[#-]{24}\] +\d+% .* assigned$/m, 'a progress line per hoster')
  const secondPlan = Number(/^every hoster of plan (\d+) holds the data/m.exec(second.stdout)?.[1])

  at('unpublish')
  const freed = jsonOf(await datdot(['unpublish', `plan:${plan}`, '--json', '--chain', chain.url, ...identity], { env }))
  assert.equal(freed.plan, plan)
  assert.deepEqual(freed.freed.map((f: { hoster: string }) => f.hoster).sort(), [...hosters].sort())
  assert.equal(freed.bytes, 3 * SIZE)
  const freedSecond = await datdot(['unpublish', String(secondPlan), '--chain', chain.url, ...identity], { env })
  assert.match(freedSecond.stdout, /^freed  1 position, /m, freedSecond.stderr)
  for (const hoster of hosters) {
    assert.equal((await api.query.roles.providers(hoster)).unwrap().committed.toNumber(), 0, 'unpublish frees the hosters\' capacity')
  }
  const ended = jsonOf(await datdot(['status', '--json', `plan:${plan}`, '--chain', chain.url]))
  assert.equal(ended.status, 'ended')
  assert.deepEqual(ended.positions, [])
  // Stopped together while the chain still runs: the teardown would stop them one by one, after the chain.
  await Promise.all(services.map((s) => s.kill()))
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import Corestore from 'corestore'
import { startPublisher } from '../helpers/publisher.js'
import { waitFor } from '../helpers/wait.js'
import { startHostingNetwork } from '../helpers/hosting-network.js'

const BLOCK = 16 * 1024
const BLOCKS = 64
const RANGES: Array<[number, number]> = [[0, 16], [40, 48]]
const inRanges = (i: number) => RANGES.some(([a, b]) => i >= a && i < b)

test('a plan of block ranges: its hoster fetches and keeps only those blocks, is committed for them, and proves them', { timeout: 300_000 }, async (t) => {
  const { api, log, common, hosters } = await startHostingNetwork(t, { hosters: 1, attesters: 1 })
  const pub = await startPublisher(t, { ...common, uri: '//Alice' })
  const core = await pub.core('ranged')
  await core.append(Array.from({ length: BLOCKS }, (_, i) => new Uint8Array(BLOCK).fill(i)))
  const { planId } = await pub.publisher.publish(core, { replicas: 1 }, { ranges: RANGES })
  await pub.publisher.hosted(planId, 1)
  const position = (await api.query.plans.positions(planId, 0)).unwrap()
  assert.equal(position.bytes.toNumber(), 24 * BLOCK, 'committed for the 24 ranged blocks only')
  await waitFor(() => log.seen('challenges', 'StorageProofAccepted', (d) => d.plan.toBigInt() === planId).length > 0, 120_000, 'an accepted storage proof')
  const challenged = log.seen('challenges', 'StorageChallenge', (d) => d.plan.toBigInt() === planId).flatMap((d) => d.indexes.map((i: { toNumber (): number }) => i.toNumber()))
  assert.ok(challenged.every(inRanges), `challenges name ranged blocks only (${challenged.join(', ')})`)

  // Its disk, read once it stopped: the ranged blocks and nothing else.
  const [hoster] = hosters.values()
  await hoster.kill('SIGTERM')
  const store = new Corestore(join(hoster.storage, 'cores'))
  t.after(() => store.close())
  const kept = store.get({ key: core.key })
  await kept.ready()
  const held = await Promise.all(Array.from({ length: BLOCKS }, async (_, i) => await kept.has(i)))
  assert.deepEqual(held.map((h, i) => h ? i : -1).filter((i) => i >= 0), Array.from({ length: BLOCKS }, (_, i) => i).filter(inRanges))
})

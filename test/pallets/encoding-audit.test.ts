// Encoding audits, run on the in-process runtime: two colluding encoders who agree on slots that are not the
// Reed-Solomon code of the feed get them accepted, and only an audit notices.
import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import Hypercore from 'hypercore'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady, ed25519PairFromSeed } from '@polkadot/util-crypto'
import { Keyring } from '@polkadot/keyring'
import type { Call } from '@polkadot/types/interfaces'
import { RuntimeHarness } from '../helpers/runtime.js'
import { appendBlocks, makeFeed, proofsFor, publishArgs } from '../helpers/hypercore.js'
import { receiptFor } from '../helpers/receipt.js'
import { loadChainSpec } from '../../chain/spec/load.js'
import { makeBlockProof, makeHeadProof } from '../../hypercore/make.js'
import { feedStripes, slotRoot, writeSlots } from '../../erasure/slot-cores.js'
import type { StripeSource } from '../../erasure/slot-cores.js'
import { encodeStripe, slotLength } from '../../erasure/stripes.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'
import { Roles } from '../../chain/pallets/roles.js'
import { Feeds } from '../../chain/pallets/feeds.js'
import { auditsStorage } from '../../chain/pallets/audits/storage.js'

const K = 2
const M = 1
const FEED_BLOCKS = 9
const PARAMS = { auditPeriod: 1, responseWindow: 4, challengePeriod: 100_000, performancePeriod: 100_000, maxStrikes: 3 }

interface Network {
  readonly chain: RuntimeHarness
  readonly feed: Hypercore
  readonly sponsor: Uint8Array
  readonly hosters: Uint8Array[]
  /** The hosters' ed25519 noise key pairs: they sign the receipts of their setup checks. */
  readonly hosterNoise: Array<{ publicKey: Uint8Array, secretKey: Uint8Array }>
  readonly encoders: Uint8Array[]
}

async function network (t: TestContext): Promise<Network> {
  await cryptoWaitReady()
  const spec = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const chain = new RuntimeHarness(RuntimeHarness.runtime((msg, err) => { throw new Error(`${msg}: ${String(err)}`) }), { ...spec, genesis: { ...spec.genesis, pallets: { params: PARAMS } } })
  const keyring = new Keyring({ type: 'sr25519' })
  const key = (uri: string) => keyring.addFromUri(uri).publicKey
  const net = { chain, feed: await makeFeed(t, FEED_BLOCKS, 1000), sponsor: key('//Alice'), hosters: [0, 1, 2].map((i) => key(`//Hoster${i}`)), hosterNoise: [0, 1, 2].map((i) => ed25519PairFromSeed(blake2AsU8a(`Hoster${i}`, 256))), encoders: [0, 1, 2, 3].map((i) => key(`//Encoder${i}`)) }
  const noise = (i: number) => u8aToHex(new Uint8Array(32).fill(i + 1))
  const head = await publishArgs(net.feed)
  chain.block([
    ...net.hosters.map((h, i): [Call, Uint8Array] => [chain.tx.roles.registerHoster(u8aToHex(net.hosterNoise[i].publicKey), 10_000_000), h]),
    ...net.encoders.map((e, i): [Call, Uint8Array] => [chain.tx.roles.registerEncoder(noise(10 + i)), e]),
    [chain.tx.roles.registerAttester(noise(20)), key('//Attester')],
    [chain.tx.feeds.publishFeed(head.key, head.manifest, head.head), net.sponsor],
    [chain.tx.plans.requestHosting(0, { Erasure: { k: K, m: M } }, null), net.sponsor]
  ])
  return net
}

/**
 * Writes the k + m slots of plan 0 from `source` (closed and deleted after the test), into cores of any key:
 * a slot's root, and the proofs against it, depend on its blocks only.
 */
async function slotCores (t: TestContext, net: Network, source: StripeSource): Promise<Map<number, Hypercore>> {
  const cores = new Map<number, Hypercore>()
  for (let i = 0; i < K + M; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'datdot-slot-'))
    const core = new Hypercore(dir)
    await core.ready()
    t.after(async () => { await core.close(); rmSync(dir, { recursive: true, force: true }) })
    cores.set(i, core)
  }
  await writeSlots(cores, slotLength(FEED_BLOCKS, K), source)
  return cores
}

/** The honest code of the feed, made as an encoder makes it: every data shard carries its block's signed proof. */
function honest (net: Network): StripeSource {
  const f = Feeds.storage.Feeds.get(net.chain.ctx(), 0n)!
  return feedStripes(net.feed, { length: Number(f.root.length), signature: f.signature }, K, M)
}

/**
 * Both assigned encoders submit the roots of these slots, the hosters report ready, answer their setup
 * storage challenges from their slots, and the attester of each setup check reports with the hoster's receipt.
 */
async function encodeAndStart (net: Network, slots: Map<number, Hypercore>): Promise<bigint> {
  const { chain } = net
  const [[id, amendment]] = plansStorage.Amendments.entries(chain.ctx())
  const roots = await Promise.all([...slots.values()].map(async (core) => {
    const r = await slotRoot(core)
    return { length: r.length, byteLength: r.byteLength, treeHash: u8aToHex(r.treeHash) }
  }))
  chain.block(amendment.encoders.map((e): [Call, Uint8Array] => [chain.tx.plans.submitEncoding(id, roots), e]))
  assert.equal(chain.events('plans', 'EncodingAccepted'), 1, 'two agreeing encoders fix the roots')
  chain.block(amendment.positions.map((p, j): [Call, Uint8Array] => [chain.tx.plans.hostingReady(id, p), amendment.hosters[j]]))
  const ctx = chain.ctx()
  const calls: Array<[Call, Uint8Array]> = []
  for (const [cid, c] of challengesStorage.StorageChallenges.entries(ctx)) {
    calls.push([chain.tx.challenges.submitStorageProof(cid, await proofsFor(slots.get(c.position)!, c.indexes.map(Number), Number(c.length))), c.hoster])
  }
  chain.block(calls)
  const reports: Array<[Call, Uint8Array]> = []
  for (const [cid, c] of challengesStorage.PerformanceChecks.entries(chain.ctx())) {
    if (c.setup === null) continue
    const noise = net.hosterNoise[net.hosters.findIndex((h) => u8aEq(h, c.hoster))]
    for (const a of c.attesters) {
      const receipt = await receiptFor(slots.get(c.position)!, noise, cid, a, c.indexes, Number(c.length))
      reports.push([chain.tx.challenges.submitPerformanceReport(cid, true, 20, 1000, 0, receipt), a])
    }
  }
  assert.equal(reports.length, K + M, 'one setup check of each position, its samples drawn')
  chain.block(reports)
  assert.equal(chain.events('plans', 'HostingStarted'), K + M)
  return id
}

/** Each hoster of plan 0 answers the open audit with its shard and the slot proof (those in `silent` do not). */
async function answerAudit (net: Network, slots: Map<number, Hypercore>, silent: number[] = []): Promise<bigint> {
  const { chain } = net
  const open = auditsStorage.Audits.entries(chain.ctx())
  assert.equal(open.length, 1, 'one audit of the plan is open')
  const [[id, audit]] = open
  const calls: Array<[Call, Uint8Array]> = []
  for (let position = 0; position < K + M; position++) {
    if (silent.includes(position)) continue
    const core = slots.get(position)!
    const proof = u8aToHex(await makeBlockProof(core, Number(audit.stripe), core.length))
    calls.push([chain.tx.audits.submitAuditShard(id, position, proof), plansStorage.Positions.get(chain.ctx(), 0n, position)!.hoster!])
  }
  chain.block(calls)
  return id
}

const strikes = (net: Network, who: Uint8Array) => Roles.storage.Providers.get(net.chain.ctx(), who)!.strikes

for (const attack of ['data shards that are not the feed', 'parity that is not the code of the data'] as const) {
  test(`colluding encoders agreeing on ${attack}: an audit fails them and the plan is re-encoded`, async (t) => {
    const net = await network(t)
    const { chain } = net
    const truth = honest(net)
    // Consistent-looking slots: every stripe is a valid Reed-Solomon code, of random data in the first attack.
    const forged: StripeSource = attack === 'data shards that are not the feed'
      ? async () => await encodeStripe([randomBytes(1200), randomBytes(1200)], K, M)
      : async (j) => {
        const shards = await truth(j)
        return [...shards.slice(0, K), randomBytes(shards[K].byteLength)]
      }
    const slots = await slotCores(t, net, forged)
    const [[first, amendment]] = plansStorage.Amendments.entries(chain.ctx())
    await encodeAndStart(net, slots)
    assert.deepEqual(auditsStorage.Encoded.get(chain.ctx(), 0n)?.encoders.map((e) => u8aToHex(e)), amendment.encoders.map((e) => u8aToHex(e)), 'the chain records who committed the roots')
    // The feed grows meanwhile: its new blocks are a generation's, whatever becomes of the first plan's encoding.
    await appendBlocks(net.feed, 3, 1000, 7)
    chain.block([[chain.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(net.feed))), net.sponsor]])
    assert.equal(chain.events('plans', 'GenerationAdded'), 1)

    await answerAudit(net, slots)
    assert.equal(chain.events('audits', 'EncodingFailed'), 1, 'the audit recomputed the stripe and found it wrong')
    assert.equal(chain.events('audits', 'AuditPassed'), 0)
    for (const e of amendment.encoders) assert.equal(strikes(net, e), 1, 'each encoder who committed the roots is struck')
    for (const h of net.hosters) assert.equal(strikes(net, h), 0, 'the hosters kept what they were given: no strike')
    const ctx = chain.ctx()
    assert.equal(plansStorage.Slots.contains(ctx, 0n, 0), false, 'the bad roots are cleared')
    assert.equal(auditsStorage.Encoded.get(ctx, 0n), null, 'the plan is no longer audited as encoded')
    const fresh = plansStorage.Amendments.entries(ctx).filter(([id, a]) => id !== first && a.plan === 0n).map(([, a]) => a)
    assert.equal(fresh.length, 1, 'a fresh encoding amendment')
    assert.equal(plansStorage.CodedHeads.get(ctx, 0n)!.length, BigInt(FEED_BLOCKS), 'it codes the same blocks again: the later ones are the generation\'s')
    assert.equal(fresh[0].encoders.length, 2, 'two encoders code the feed again')
    assert.deepEqual(fresh[0].positions, [0, 1, 2], 'every slot is written again')
    assert.ok(fresh[0].encoders.every((e) => !amendment.encoders.some((x) => u8aEq(x, e))), 'not by the encoders who failed it')
  })
}

test('an honest encoding passes its audits; a hoster that does not answer is struck', async (t) => {
  const net = await network(t)
  const { chain } = net
  const slots = await slotCores(t, net, honest(net))
  await encodeAndStart(net, slots)
  for (let i = 0; i < 3; i++) await answerAudit(net, slots)
  assert.equal(chain.events('audits', 'AuditPassed'), 3)
  assert.equal(chain.events('audits', 'EncodingFailed'), 0)

  // The parity hoster keeps silent: at the deadline it is struck as for a failed storage challenge.
  const id = await answerAudit(net, slots, [K])
  const parityHoster = plansStorage.Positions.get(chain.ctx(), 0n, K)!.hoster!
  for (let i = 0; i < PARAMS.responseWindow; i++) chain.block([])
  assert.equal(auditsStorage.Audits.get(chain.ctx(), id), null, 'the audit closed at its deadline')
  assert.equal(chain.events('audits', 'AuditUnanswered'), 1)
  assert.equal(plansStorage.Positions.get(chain.ctx(), 0n, K)!.strikes, 1)
  assert.equal(strikes(net, parityHoster), 1)
  assert.equal(chain.events('audits', 'EncodingFailed'), 0, 'a silent hoster is no evidence against the encoders')
  for (const e of auditsStorage.Encoded.get(chain.ctx(), 0n)!.encoders) assert.equal(strikes(net, e), 0)
})

import assert from 'node:assert/strict'
import type { ApiPromise } from '@polkadot/api'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import type Hypercore from 'hypercore'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { eventsOf, headEvents, inBlock, newBlocks } from './blocks.js'
import { proofsFor, publishArgs } from './hypercore.js'
import { receiptFor } from './receipt.js'
import type { TestProvider } from './providers.js'

export interface Holding { readonly position: number, readonly hoster: TestProvider }

/** Finds the test provider with this address. */
export function byAddress (providers: TestProvider[], address: string): TestProvider {
  const p = providers.find((x) => x.account.address === address)
  assert.ok(p, `${address} is one of the test's providers`)
  return p
}

/**
 * Looks for an event with `pick` in the best block, then seals blocks until a block has it (at most `max`).
 */
export async function untilEvent<T> (api: ApiPromise, pick: (events: FrameSystemEventRecord[]) => T | undefined, max = 50): Promise<T> {
  const now = pick(await headEvents(api))
  if (now !== undefined) return now
  for (let i = 0; i < max; i++) {
    const [events] = await newBlocks(api, 1)
    const found = pick(events)
    if (found !== undefined) return found
  }
  throw new Error(`not seen in ${max} blocks`)
}

/**
 * Publishes the core as feed `feedId`, requests Replicate{replicas} and takes every position through setup
 * (storage proofs and receipts), so the plan is hosted.
 */
export async function hostedPlan (api: ApiPromise, opts: { core: Hypercore, feedId: number, planId: number, sponsor: KeyringPair, replicas: number, providers: TestProvider[] }): Promise<Holding[]> {
  const a = await publishArgs(opts.core)
  const [published, requested] = await inBlock(api, [
    [api.tx.feeds.publishFeed(a.key, a.manifest, a.head), opts.sponsor],
    [api.tx.plans.requestHosting(opts.feedId, { Replicate: { replicas: opts.replicas } }, null), opts.sponsor]
  ])
  assert.equal(published.result, 'ok')
  assert.equal(requested.result, 'ok')
  return setUp(api, opts.planId, opts.providers, opts.core)
}

/**
 * Waits for the plan's next amendment and plays its hosters and attesters through setup: the hosters report
 * ready, answer their setup storage challenges, and the attesters of each setup check report with the
 * hoster's receipts.
 */
async function setUp (api: ApiPromise, planId: number, providers: TestProvider[], core: Hypercore): Promise<Holding[]> {
  const amendment = await untilEvent(api, (events) => eventsOf<any>(events, 'plans', 'NewAmendment').find((e) => e.plan.toNumber() === planId))
  const id = amendment.id.toNumber()
  const positions: number[] = amendment.positions.map((p: { toNumber (): number }) => p.toNumber())
  const holdings = positions.map((position, j) => ({ position, hoster: byAddress(providers, amendment.hosters[j].toString()) }))
  const ready = await inBlock(api, holdings.map((h) => [api.tx.plans.hostingReady(id, h.position), h.hoster.account]))
  assert.deepEqual(ready.map((o) => o.result), holdings.map(() => 'ok'))
  const challenges = ready.map((o) => eventsOf<any>(o.events, 'challenges', 'StorageChallenge')[0])
  const checks = ready.map((o) => eventsOf<any>(o.events, 'challenges', 'PerformanceCheck')[0])
  const samples = (await newBlocks(api, 1))[0]
  const steps: Array<[SubmittableExtrinsic<'promise'>, KeyringPair]> = []
  for (const [j, h] of holdings.entries()) {
    const c = challenges[j]
    steps.push([api.tx.challenges.submitStorageProof(c.id, await proofsFor(core, c.indexes.map(Number), c.rootLength.toNumber())), h.hoster.account])
    const check = checks[j]
    const indexes = eventsOf<any>(samples, 'challenges', 'PerformanceSamples').find((e) => e.id.eq(check.id)).indexes.map((i: { toBigInt (): bigint }) => i.toBigInt())
    const length = c.rootLength
    for (const a of check.attesters) {
      const attester = byAddress(providers, a.toString())
      const receipt = await receiptFor(core, h.hoster.noise, check.id.toBigInt(), attester.account.publicKey, indexes, length.toNumber())
      steps.push([api.tx.challenges.submitPerformanceReport(check.id, true, 20, 1_000_000, 0, receipt), attester.account])
    }
  }
  const outcomes = await inBlock(api, steps)
  assert.deepEqual(outcomes.map((o) => o.result), steps.map(() => 'ok'))
  const started = outcomes.flatMap((o) => eventsOf<any>(o.events, 'plans', 'HostingStarted'))
  assert.equal(started.length, holdings.length, 'every position started hosting')
  return holdings
}

import type { ApiPromise } from '@polkadot/api'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'

export interface OpenStorageChallenge {
  readonly id: number
  readonly plan: number
  readonly position: number
  readonly hoster: string
  /** Block indexes the hoster must prove. */
  readonly samples: number
  readonly deadline: number
}

export interface OpenPerformanceCheck {
  readonly id: number
  readonly plan: number
  readonly position: number
  readonly hoster: string
  readonly attesters: string[]
  /** Attesters that have reported so far. */
  readonly reported: number
  readonly deadline: number
}

export interface CheckResult {
  readonly block: number
  readonly kind: 'storage' | 'performance'
  readonly id: number
  readonly plan: number
  readonly position: number
  readonly hoster: string
  readonly result: 'accepted' | 'failed' | 'served' | 'not-served' | 'inconclusive'
}

export interface ChallengesReport {
  readonly block: number
  readonly storage: OpenStorageChallenge[]
  readonly performance: OpenPerformanceCheck[]
  /** Results of the last `recentBlocks` blocks, oldest first. */
  readonly recentBlocks: number
  readonly recent: CheckResult[]
}

/** Open storage challenges and performance checks (of one hoster, or all), and the results of recent blocks. */
export async function readChallenges (api: ApiPromise, opts: { hoster?: string, recentBlocks: number }): Promise<ChallengesReport> {
  const block = (await api.rpc.chain.getHeader()).number.toNumber()
  const of = (hoster: string) => opts.hoster === undefined || hoster === opts.hoster
  const [storage, performance, recent] = await Promise.all([
    openStorage(api, opts.hoster),
    api.query.challenges.performanceChecks.entries().then((entries) => entries.map(([key, value]): OpenPerformanceCheck => {
      const c = value.unwrap()
      return {
        id: key.args[0].toNumber(),
        plan: c.plan.toNumber(),
        position: c.position.toNumber(),
        hoster: c.hoster.toString(),
        attesters: c.attesters.map((a) => a.toString()),
        reported: c.reports.length,
        deadline: c.deadline.toNumber()
      }
    }).filter((c) => of(c.hoster))),
    recentResults(api, block, opts.recentBlocks)
  ])
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id
  return {
    block,
    storage: storage.sort(byId),
    performance: performance.sort(byId),
    recentBlocks: opts.recentBlocks,
    recent: recent.filter((r) => of(r.hoster))
  }
}

async function openStorage (api: ApiPromise, hoster: string | undefined): Promise<OpenStorageChallenge[]> {
  // A hoster's own challenges are indexed by the chain; without one, every open challenge is read.
  const ids = hoster === undefined
    ? (await api.query.challenges.storageChallenges.keys()).map((k) => k.args[0])
    : (await api.query.challenges.hosterChallenges.keys(hoster)).map((k) => k.args[1])
  const challenges = await Promise.all(ids.map(async (id) => ({ id: id.toNumber(), c: (await api.query.challenges.storageChallenges(id)).unwrapOr(null) })))
  return challenges.flatMap(({ id, c }) => c === null
    ? []
    : [{ id, plan: c.plan.toNumber(), position: c.position.toNumber(), hoster: c.hoster.toString(), samples: c.indexes.length, deadline: c.deadline.toNumber() }])
}

/** The chain keeps no history of results: they are read from the events of the last `count` blocks. */
async function recentResults (api: ApiPromise, best: number, count: number): Promise<CheckResult[]> {
  const blocks = Array.from({ length: Math.min(count, best) }, (_, i) => best - Math.min(count, best) + 1 + i)
  const perBlock = await Promise.all(blocks.map(async (n) => {
    const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(n))
    return events.flatMap((record) => resultOf(api, n, record))
  }))
  return perBlock.flat()
}

function resultOf (api: ApiPromise, block: number, { event }: FrameSystemEventRecord): CheckResult[] {
  const { challenges } = api.events
  const common = (d: { id: { toNumber (): number }, plan: { toNumber (): number }, position: { toNumber (): number }, hoster: { toString (): string } }) =>
    ({ block, id: d.id.toNumber(), plan: d.plan.toNumber(), position: d.position.toNumber(), hoster: d.hoster.toString() })
  if (challenges.StorageProofAccepted.is(event)) return [{ ...common(event.data), kind: 'storage', result: 'accepted' }]
  if (challenges.StorageProofFailed.is(event)) return [{ ...common(event.data), kind: 'storage', result: 'failed' }]
  if (challenges.PerformanceResult.is(event)) {
    const verdict = event.data.verdict
    const result = verdict.isServed ? 'served' : verdict.isNotServed ? 'not-served' : 'inconclusive'
    return [{ ...common(event.data), kind: 'performance', result }]
  }
  return []
}

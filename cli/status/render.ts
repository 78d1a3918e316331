import { bytes, count, fields, shortAddress, table } from '../table.js'
import type { FeedReport } from './feed.js'
import type { NetworkReport, ProviderReport } from './network.js'
import type { ModeReport, PlanReport, PositionReport } from './plan.js'

export function modeText (mode: ModeReport): string {
  return 'replicas' in mode ? `replicas ${mode.replicas}` : `erasure ${mode.erasure.k}+${mode.erasure.m}`
}

export function renderNetwork (n: NetworkReport): string {
  const members = (role: ProviderReport['roles'][number]) => count(n.providers.filter((p) => p.roles.includes(role)).length, role)
  const hosters = n.providers.filter((p) => p.roles.includes('hoster'))
  const offered = hosters.reduce((sum, p) => sum + p.capacity, 0)
  const committed = hosters.reduce((sum, p) => sum + p.committed, 0)
  const summary = fields([
    ['chain', `block ${n.block} (finalized ${n.finalized})`],
    ['providers', `${members('hoster')}, ${members('attester')}, ${members('encoder')}; ${bytes(offered)} offered, ${bytes(committed)} committed; ${n.providers.filter((p) => p.suspendedAt !== 0).length} suspended`],
    ['plans', `${n.plans.filter((p) => p.status === 'active').length} active, ${n.queue.length} queued, ${n.repairs.length} waiting for repair, ${n.endedPlans} ended${n.lostPlans > 0 ? `, ${n.lostPlans} LOST (data could not be rebuilt)` : ''}; ${count(n.feeds, 'feed')}`],
    ['open', `${count(n.openChallenges.storage, 'storage challenge')}, ${count(n.openChallenges.performance, 'performance check')}`]
  ])
  const providers = n.providers.length === 0
    ? 'no providers registered'
    : table(['ACCOUNT', 'ROLES', 'CAPACITY', 'COMMITTED', 'STRIKES', 'REPUTATION', 'PAUSED UNTIL', 'SUSPENDED'], n.providers.map((p) => [
      p.address, p.roles.join(','), p.roles.includes('hoster') ? bytes(p.capacity) : '-', p.roles.includes('hoster') ? bytes(p.committed) : '-',
      String(p.strikes), String(p.reputation), p.pausedUntil === 0 ? '-' : String(p.pausedUntil), p.suspendedAt === 0 ? '-' : `since ${p.suspendedAt}`
    ]))
  const plans = n.plans.length === 0
    ? 'no plans'
    : table(['PLAN', 'FEED', 'MODE', 'STATUS', 'ACTIVE', 'SPONSOR'], n.plans.map((p) => [
      String(p.plan), String(p.feed), modeText(p.mode), p.status, `${p.active}/${p.positions}`, shortAddress(p.sponsor)
    ]))
  return `${summary}\n\n${providers}\n\n${plans}\n`
}

export function renderPlan (p: PlanReport): string {
  const head = fields([
    ['plan', `${p.plan}: ${modeText(p.mode)}, ${p.status}${p.health === p.status ? '' : `, ${p.health}`}`],
    ['feed', `${p.feed}${p.feedKey === null ? '' : ` (${p.feedKey})`}`],
    ['sponsor', p.sponsor],
    ['created', `block ${p.createdAt}${p.backing === '0' ? '' : `, backed by ${p.backing} ratio`}`],
    ['challenges', `at random times, every ${p.challengePeriod} blocks per position on average`],
    ...(p.codes === null ? [] : [['codes', p.codes.end === null ? `feed blocks from ${p.codes.start}: the head is fixed when its encoders are drawn` : `feed blocks ${p.codes.start} to ${p.codes.end - 1}`] as [string, string]]),
    ...(p.generationOf === null ? [] : [['generation', `of plan ${p.generationOf}: blocks the feed gained later; it ends with that plan`] as [string, string]]),
    ...(p.generations.length === 0 ? [] : [['grown', `the feed's later blocks are coded by plans ${p.generations.join(', ')}`] as [string, string]]),
    ...(p.status !== 'lost' ? [] : [['data', 'LOST: fewer than k slots were left, and neither k slots nor the feed could be fetched; the plan charges nothing more'] as [string, string]]),
    ...(p.waiting === null ? [] : [['waiting', `too few eligible ${p.waiting.reason} since block ${p.waiting.since}; tried again by block ${p.waiting.retryBy}, or as soon as providers join or free capacity`] as [string, string]])
  ])
  if (p.positions.length === 0) return `${head}\n`
  return `${head}\n\n${positionsTable(p.positions, p.maxStrikes)}\n`
}

export function renderFeed (f: FeedReport): string {
  const head = fields([
    ['feed', `${f.feed} (${f.key})`],
    ['publisher', f.publisher],
    ['head', `${f.length} blocks, ${bytes(f.byteLength)}, updated at block ${f.updatedAt}`]
  ])
  const plans = f.plans.length === 0 ? ['no plan hosts this feed\n'] : f.plans.map(renderPlan)
  return [`${head}\n`, ...plans].join('\n')
}

function positionsTable (positions: PositionReport[], maxStrikes: number): string {
  return table(['POS', 'HOSTER', 'STATE', 'BYTES', 'STRIKES', 'LAST PROOF', 'OPEN', 'LATENCY', 'HEALTH'], positions.map((p) => [
    String(p.position),
    p.hoster ?? '-',
    p.state === 'setup' && p.ready ? 'setup (proving)' : p.state,
    p.hoster === null ? '-' : bytes(p.bytes),
    `${p.strikes}/${maxStrikes}`,
    p.lastProof === null ? '-' : String(p.lastProof),
    p.openChallenges.length === 0 ? '-' : p.openChallenges.join(','),
    p.latencyMs === null ? '-' : `${p.latencyMs} ms${p.slow ? ' (slow)' : ''}`,
    p.health
  ]))
}

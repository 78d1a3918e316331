import { count, fields, shortAddress, table } from '../table.js'
import type { ChallengesReport } from './challenges.js'

export function renderChallenges (r: ChallengesReport): string {
  const head = fields([
    ['block', String(r.block)],
    ['open', `${count(r.storage.length, 'storage challenge')}, ${count(r.performance.length, 'performance check')}`]
  ])
  const storage = r.storage.length === 0
    ? 'no open storage challenges'
    : table(['STORAGE', 'PLAN', 'POS', 'HOSTER', 'SAMPLES', 'DEADLINE'], r.storage.map((c) => [
      String(c.id), String(c.plan), String(c.position), c.hoster, String(c.samples), String(c.deadline)
    ]))
  const performance = r.performance.length === 0
    ? 'no open performance checks'
    : table(['PERFORMANCE', 'PLAN', 'POS', 'HOSTER', 'REPORTED', 'DEADLINE'], r.performance.map((c) => [
      String(c.id), String(c.plan), String(c.position), c.hoster, `${c.reported}/${c.attesters.length}`, String(c.deadline)
    ]))
  const recent = r.recentBlocks === 0
    ? null
    : r.recent.length === 0
      ? `no results in the last ${r.recentBlocks} blocks`
      : `results of the last ${r.recentBlocks} blocks:\n${table(['BLOCK', 'KIND', 'ID', 'PLAN', 'POS', 'HOSTER', 'RESULT'], r.recent.map((c) => [
        String(c.block), c.kind, String(c.id), String(c.plan), String(c.position), shortAddress(c.hoster), c.result
      ]))}`
  return [head, storage, performance, ...(recent === null ? [] : [recent])].join('\n\n') + '\n'
}

import type { HosterRow, NetworkState } from './network-state.js'
import { bytes } from '../table.js'

export interface Endpoints {
  readonly chain: string
  readonly bootstrap: string
}

/** The status view: the network, then one row per hoster and per attester. */
export function statusLines (state: NetworkState, endpoints: Endpoints, feed: string, startedAt: number): string[] {
  const up = state.up ? 'all hosting, challenges passing' : 'starting'
  const hosters = [...state.hosters.values()]
  const attesters = [...state.attesters.values()]
  return [
    '',
    `block ${state.block} · ${elapsed(Date.now() - startedAt)} · ${up}`,
    `chain ${endpoints.chain} · bootstrap ${endpoints.bootstrap}`,
    `feed ${feed}${state.plan === null ? '' : ` · plan ${state.plan}`} · sponsor ${state.sponsor.label} ratio ${ratio(state.sponsor.ratio)}`,
    ...table([
      ['hoster', 'setup', 'challenges ok', 'failed', 'ratio'],
      ...hosters.map((h) => [h.label, setup(h), String(h.accepted), String(h.failed), ratio(h.ratio)])
    ]),
    ...table([
      ['attester', 'reports', 'ratio'],
      ...attesters.map((a) => [a.label, String(a.reports), ratio(a.ratio)])
    ]),
    'Ctrl-C stops the devnet'
  ]
}

function setup (h: HosterRow): string {
  switch (h.stage) {
    case 'waiting': return 'no position'
    case 'assigned': return h.total === 0 ? 'assigned' : `downloading ${bytes(h.downloaded)} of ${bytes(h.total)}`
    case 'ready': return 'downloaded; attester checking'
    case 'hosting': return 'hosting'
    case 'failed': return 'setup failed'
  }
}

function ratio (value: bigint | null): string {
  return value === null ? '…' : value.toLocaleString('en-US')
}

function elapsed (ms: number): string {
  const s = Math.floor(ms / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}

/** Rows in columns, left-aligned. */
function table (rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd())
}

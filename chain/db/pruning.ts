/**
 * How much of the past a node keeps (Substrate's --state-pruning and --blocks-pruning): the state of the last
 * N blocks (older states cannot be read), the bodies of the last N blocks (older blocks keep their headers),
 * or everything ('archive'). Every block is final at once here, so Substrate's 'archive-canonical' is 'archive'.
 */
export interface Pruning {
  readonly state: number | 'archive'
  readonly blocks: number | 'archive'
}

export const ARCHIVE: Pruning = { state: 'archive', blocks: 'archive' }

/** Substrate's defaults: the last 256 states, every block body. */
export const DEFAULT_PRUNING: Pruning = { state: 256, blocks: 'archive' }

/** A window from its flag value: 'archive', 'archive-canonical' (the same here) or a number of blocks ≥ 1; null if none of these. */
export function parsePruning (value: string): number | 'archive' | null {
  if (value === 'archive' || value === 'archive-canonical') return 'archive'
  if (!/^\d+$/.test(value)) return null
  const n = Number(value)
  return n >= 1 && n <= 2 ** 31 - 1 ? n : null
}

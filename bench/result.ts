/** One benchmark's outcome: ours and the reference measured side by side in one run. */
export interface BenchResult {
  readonly name: string
  readonly ours: number
  readonly reference: number
  /** ours / reference. */
  readonly ratio: number
  /** The goal for the ratio; `goalIs` says whether the ratio must be at least or at most it. */
  readonly goal: number
  readonly goalIs: 'min' | 'max'
  readonly unit: string
  /** What was measured, in a few words. */
  readonly what: string
}

export function result (r: Omit<BenchResult, 'ratio'>): BenchResult {
  return { ...r, ratio: r.ours / r.reference }
}

export function meetsGoal (r: BenchResult): boolean {
  return r.goalIs === 'min' ? r.ratio >= r.goal : r.ratio <= r.goal
}

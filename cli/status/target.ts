import { InvalidArgumentError } from 'commander'
import { parseHypercoreKey } from '../hypercore-key.js'
import type { FeedRef } from './feed.js'

/** What `datdot status` reports on: a plan, or a feed (by id or key). */
export type StatusTarget = { readonly plan: bigint } | { readonly feed: FeedRef }

/** `plan:ID`, `feed:ID`, or a feed's 64-hex hypercore key; ids alone are ambiguous, so they are refused. */
export function parseStatusTarget (value: string): StatusTarget {
  const m = /^(plan|feed):(\d{1,19})$/.exec(value)
  if (m !== null) return m[1] === 'plan' ? { plan: BigInt(m[2]) } : { feed: { id: BigInt(m[2]) } }
  const key = parseHypercoreKey(value)
  if (key !== null) return { feed: { key } }
  throw new InvalidArgumentError(`"${value}" names no plan or feed: write plan:ID, feed:ID or a feed's 64-hex key`)
}

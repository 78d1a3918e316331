/** Substrate's `--rpc-cors`: `all`, or the origins allowed, where `:*` stands for any port. */
export type CorsPolicy = 'all' | readonly string[]

/** Substrate's default for a node without --dev: pages served from this machine (and polkadot.js apps). */
export const LOCAL_ORIGINS: readonly string[] = [
  'http://localhost:*', 'http://127.0.0.1:*', 'https://localhost:*', 'https://127.0.0.1:*', 'https://polkadot.js.org'
]

function matches (origin: string, pattern: string): boolean {
  if (!pattern.endsWith(':*')) return origin === pattern
  const base = pattern.slice(0, -2)
  return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)))
}

/**
 * Whether a request from `origin` (its Origin header) is served. A request without one comes from a program,
 * not from a web page, and is; browsers always send it on cross-site requests.
 */
export function originAllowed (origin: string | undefined, policy: CorsPolicy): boolean {
  if (origin === undefined || policy === 'all') return true
  return policy.some((pattern) => matches(origin, pattern))
}

/** `--rpc-cors` as given: `all`, or a comma-separated list of origins. */
export function parseCors (value: string): CorsPolicy {
  if (value.trim() === 'all') return 'all'
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0)
}

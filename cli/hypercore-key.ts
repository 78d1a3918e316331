/** A hypercore key written as 64 hex characters (a 0x prefix allowed): lowercase without 0x, or null if it is not one. */
export function parseHypercoreKey (value: string): string | null {
  const m = /^(?:0x)?([0-9a-fA-F]{64})$/.exec(value)
  return m === null ? null : m[1].toLowerCase()
}

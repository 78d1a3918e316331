/** Text for people: aligned tables and short forms of sizes and accounts. */

/** A number or a size (`42`, `1.5 MiB`), or `-` for none: such columns are right-aligned. */
const NUMERIC = /^(-|\d[\d.]*( [KMGTP]?i?B)?)$/

/** Columns padded to their widest cell; columns of numbers are right-aligned. */
export function table (headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const numeric = headers.map((_, i) => rows.some((r) => r[i] !== '-') && rows.every((r) => NUMERIC.test(r[i])))
  const line = (cells: readonly string[]): string => cells
    .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
    .join('  ')
    .trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}

/** `label  value` lines, labels padded to the longest. */
export function fields (pairs: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...pairs.map(([label]) => label.length))
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')
}

/** `1 hoster`, `2 hosters`. */
export function count (n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/** `1.5 MiB`; whole bytes below 1 KiB. */
export function bytes (n: number | bigint): string {
  let value = Number(n)
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`
}

/** The first and last characters of an SS58 address, enough to tell accounts apart in a table. */
export function shortAddress (address: string): string {
  return address.length <= 13 ? address : `${address.slice(0, 6)}…${address.slice(-6)}`
}

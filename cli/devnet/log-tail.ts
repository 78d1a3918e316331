import { closeSync, openSync, readSync, statSync } from 'node:fs'

/** Enough of a log's end for a dozen lines of pino JSON. */
const TAIL_BYTES = 16 * 1024
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' }

/** The last `count` lines of a log file, pino JSON lines shown as `level msg (err)`; other lines as they are. */
export function logTail (path: string, count: number): string[] {
  let text: string
  try {
    const size = statSync(path).size
    const start = Math.max(0, size - TAIL_BYTES)
    const buf = Buffer.alloc(size - start)
    const fd = openSync(path, 'r')
    try { readSync(fd, buf, 0, buf.length, start) } finally { closeSync(fd) }
    text = buf.toString('utf8')
    // The first line may start mid-way.
    if (start > 0) text = text.slice(text.indexOf('\n') + 1)
  } catch {
    return []
  }
  return text.split('\n').filter((l) => l.trim() !== '').slice(-count).map(readable)
}

function readable (line: string): string {
  let entry: { level?: unknown, msg?: unknown, err?: { message?: unknown } | string }
  try {
    entry = JSON.parse(line)
  } catch {
    return line
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.msg !== 'string') return line
  const level = LEVELS[entry.level as number] ?? String(entry.level)
  const err = typeof entry.err === 'string' ? entry.err : typeof entry.err?.message === 'string' ? entry.err.message : null
  return `${level} ${entry.msg}${err === null ? '' : `: ${err}`}`
}

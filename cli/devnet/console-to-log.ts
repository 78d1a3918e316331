import { format } from 'node:util'
import type { Logger } from 'pino'

/**
 * Sends what libraries print with console.* (polkadot-js warns and reports dropped connections that way) to
 * the devnet's log: on a terminal, stray lines would break the status view redrawn in place. Returns the undo.
 */
export function consoleToLog (log: Logger): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error }
  console.log = console.info = (...args: unknown[]) => log.info(format(...args))
  console.warn = (...args: unknown[]) => log.warn(format(...args))
  console.error = (...args: unknown[]) => log.error(format(...args))
  return () => Object.assign(console, saved)
}

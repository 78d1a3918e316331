import type { Logger } from 'pino'

/**
 * Runs a duty without awaiting it. A failure is logged, never left unhandled: Node ends the process on an
 * unhandled rejection, and one failed duty must not stop the others (the chain state brings it back).
 */
export function background (log: Logger, work: Promise<unknown>, what: string, ids: object = {}): void {
  work.catch((err) => log.error({ ...ids, err }, `${what} failed`))
}

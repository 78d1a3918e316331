import type { Logger } from 'pino'

/**
 * Runs a duty without awaiting it. A failure is logged, never left unhandled: Node ends the process on an
 * unhandled rejection, and one failed duty must not stop the others (the chain state brings it back).
 */
export function background (log: Logger, work: Promise<unknown>, what: string, ids: object = {}): void {
  work.catch((err) => log.error({ ...ids, err }, `${what} failed`))
}

/**
 * Duties that are running now, by name. A duty is named once by an event and once by a role's resume() at
 * start: it runs once, and is only remembered while it runs (a long-running service must not collect them).
 */
export class RunningDuties {
  readonly #running = new Set<string>()

  /** Runs `work` unless the duty `key` is running already. */
  async once (key: string, work: () => Promise<void>): Promise<void> {
    if (this.#running.has(key)) return
    this.#running.add(key)
    try {
      await work()
    } finally {
      this.#running.delete(key)
    }
  }
}

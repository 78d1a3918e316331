import type { Logger } from 'pino'

export interface StopSignal {
  /** Resolves with the first SIGINT or SIGTERM. */
  readonly received: Promise<NodeJS.Signals>
  /** Restores the default handling (call once shut down). */
  dispose (): void
}

/**
 * Turns the first SIGINT/SIGTERM into a request to shut down cleanly. A second signal while shutting down
 * exits at once, so that a stuck shutdown can still be interrupted from the terminal.
 */
export function stopSignal (logger: Logger): StopSignal {
  let stop!: (signal: NodeJS.Signals) => void
  const received = new Promise<NodeJS.Signals>(resolve => { stop = resolve })
  let stopping = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without a clean shutdown')
      process.exit(1)
    }
    stopping = true
    logger.info({ signal }, 'shutting down')
    stop(signal)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    received,
    dispose () {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

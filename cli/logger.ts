import type { Logger } from 'pino'

// pino is loaded by the commands that log, not by every start of the CLI (--help, wallet list …).

/** JSON logs on stderr, written synchronously so that nothing is lost when the command exits. */
export async function stderrLogger (level = 'info'): Promise<Logger> {
  const { default: pino } = await import('pino')
  return pino({ level }, pino.destination({ dest: 2, sync: true }))
}

/** JSON logs in a file. */
export async function fileLogger (path: string): Promise<Logger> {
  const { default: pino } = await import('pino')
  return pino(pino.destination({ dest: path, sync: true }))
}

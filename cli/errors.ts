/** An error the user can act on: a stable code, a message, a hint, and the exit status it ends the command with. */
export class CliError extends Error {
  private constructor (
    readonly code: string,
    message: string,
    readonly hint: string | null,
    /** 2 for a command line that cannot be run as written, 1 for anything else. */
    readonly exitCode: 1 | 2
  ) {
    super(message)
    this.name = 'CliError'
  }

  static USAGE (message: string): CliError {
    return new CliError('USAGE', message, 'add --help for usage', 2)
  }

  static PORT_IN_USE (host: string, port: number): CliError {
    return new CliError('PORT_IN_USE', `${host}:${port} is already in use`, 'stop the other node or pass another --port; --port 0 picks a free one', 1)
  }

  static CANNOT_LISTEN (host: string, port: number, reason: string): CliError {
    return new CliError('CANNOT_LISTEN', `cannot listen on ${host}:${port}: ${reason}`, '--host takes an address of this machine; ports below 1024 need privileges', 1)
  }

  static CONFIG_INVALID (path: string, reason: string): CliError {
    return new CliError('CONFIG_INVALID', `cannot use the config file ${path}: ${reason}`, 'fix the file (a JSON object with chain, bootstrap, vault, identity) or point DATDOT_CONFIG elsewhere', 1)
  }

  static BASE_PATH_UNUSABLE (path: string, reason: string): CliError {
    return new CliError('BASE_PATH_UNUSABLE', `cannot use ${path} as the base path: ${reason}`, 'pass --base-path DIR with a writable directory, or --tmp', 1)
  }
}

/**
 * The one line a failed command prints: `error [CODE]: message (hint)`. Errors without a string `code` are
 * bugs, so their stack follows.
 */
export function formatError (err: unknown): string {
  const e: Error & { code?: unknown, hint?: unknown } = err instanceof Error ? err : new Error(String(err))
  if (typeof e.code !== 'string') return `error [INTERNAL]: ${e.message} (this is a bug in datdot)\n${e.stack ?? ''}`
  return `error [${e.code}]: ${e.message}${typeof e.hint === 'string' ? ` (${e.hint})` : ''}`
}

export function exitCodeOf (err: unknown): 1 | 2 {
  return err instanceof CliError ? err.exitCode : 1
}

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

  static CHAIN_UNREACHABLE (url: string, reason: string): CliError {
    return new CliError('CHAIN_UNREACHABLE', `cannot reach the chain at ${url}: ${reason}`, 'start a node (datdot chain start) or pass --chain ws://HOST:PORT', 1)
  }

  static PLAN_NOT_FOUND (plan: bigint): CliError {
    return new CliError('PLAN_NOT_FOUND', `the chain has no plan ${plan}`, 'datdot status lists the plans', 1)
  }

  static FEED_NOT_FOUND (feed: string): CliError {
    return new CliError('FEED_NOT_FOUND', `the chain has no feed ${feed}`, 'datdot status lists the plans and their feeds', 1)
  }

  static BAD_KEY (value: string): CliError {
    return new CliError('BAD_KEY', `"${value}" is not a hypercore key`, 'a key is 64 hex characters; write ./NAME for a file whose name looks like one', 2)
  }

  static PATH_NOT_FOUND (path: string): CliError {
    return new CliError('PATH_NOT_FOUND', `no file or directory at ${path}`, 'give a file, a directory or the 64-hex key of a hypercore', 1)
  }

  static NOTHING_TO_PUBLISH (path: string): CliError {
    return new CliError('NOTHING_TO_PUBLISH', `${path} holds no data`, 'a feed needs at least one byte', 1)
  }

  static CORE_NOT_HELD (key: string, storage: string): CliError {
    return new CliError('CORE_NOT_HELD', `the hypercore ${key} is not held in full in ${storage}`, 'pass the --storage that holds it, or publish a path to make a new hypercore', 1)
  }

  /** A valid extrinsic whose call failed on chain: `error` is the dispatch error's name (`plans.NotSponsor`), `docs` its meaning. */
  static EXTRINSIC_FAILED (call: string, error: string, docs: string | null): CliError {
    return new CliError('EXTRINSIC_FAILED', `the chain refused ${call}: ${error}`, docs, 1)
  }

  static INTERRUPTED (what: string, hint: string): CliError {
    return new CliError('INTERRUPTED', `stopped ${what}`, hint, 1)
  }

  /** A part of `datdot devnet` (chain, DHT, a service) failed; everything else is stopped. */
  static DEVNET_PART_FAILED (part: string, why: string, log: string): CliError {
    return new CliError('DEVNET_PART_FAILED', `the devnet's ${part} ${why}`, `its log: ${log}`, 1)
  }

  /** The devnet was asked to stop (Ctrl-C) while it was starting: what was starting gives up. */
  static DEVNET_STOPPED (): CliError {
    return new CliError('DEVNET_STOPPED', 'the devnet is stopping', null, 1)
  }

  static DEVNET_DIR_UNUSABLE (path: string, reason: string): CliError {
    return new CliError('DEVNET_DIR_UNUSABLE', `cannot keep the devnet in ${path}: ${reason}`, 'pass --dir DIR with a writable directory, or leave --dir out for a temporary one', 1)
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

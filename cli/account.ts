import type { Command } from 'commander'
import type { ServiceKeys } from '../service/keys.js'
import { CliError } from './errors.js'

/** The flags `addAccountOptions` adds. */
export interface AccountFlags {
  account?: string
  dev?: true
}

/** Adds the options that choose whose keys a command acts with. */
export function addAccountOptions (cmd: Command): Command {
  return cmd
    .option('--account <uri>', 'secret URI of the account; dev URIs such as //Bob need --dev')
    .option('--dev', 'allow dev URIs (//Alice …) for --account')
}

/** The account and noise keys the flags name. */
export async function resolveKeys (flags: AccountFlags): Promise<ServiceKeys> {
  if (flags.account === undefined) throw CliError.USAGE('say whose keys to use: --account <uri>')
  if (flags.account.startsWith('//') && flags.dev !== true) throw CliError.USAGE('dev URIs such as //Bob are only accepted with --dev')
  const { keysFromUri } = await import('../service/keys.js')
  return await keysFromUri(flags.account)
}

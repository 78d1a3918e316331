import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { addChainStartCommand } from './commands/chain-start.js'
import { addServiceStartCommand } from './commands/service-start.js'
import { addDhtCommand } from './commands/dht.js'
import { addDevnetCommand } from './commands/devnet.js'
import { addPublishCommand } from './commands/publish.js'
import { addUnpublishCommand } from './commands/unpublish.js'
import { addStatusCommand } from './commands/status.js'
import { addChallengesCommand } from './commands/challenges.js'
import { addWalletCommand } from './commands/wallet/index.js'
import { CliError, exitCodeOf, formatError } from './errors.js'
import { quietOnClosedPipe } from './closed-pipe.js'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

/** The `datdot` command. Subcommands are added with `.command()` so that they inherit the error handling set here. */
export function createProgram (): Command {
  const program = new Command('datdot')
    .description('datdot keeps hypercores online: a chain that challenges hosters, a service that hosts, and this CLI')
    .version(version)
    // Errors are thrown to main(), which prints them in one format and picks the exit status.
    .exitOverride()
    .configureOutput({ outputError: () => {} })
  const chain = program.command('chain').description('run a datdot chain node')
  addChainStartCommand(chain)
  const service = program.command('service').description('run a datdot service (hoster, encoder, attester)')
  addServiceStartCommand(service)
  addDhtCommand(program)
  addDevnetCommand(program)
  addPublishCommand(program)
  addUnpublishCommand(program)
  addStatusCommand(program)
  addChallengesCommand(program)
  addWalletCommand(program)
  return program
}

/** Runs the command line (`argv` as in process.argv) and returns the exit status. */
export async function main (argv: string[]): Promise<number> {
  quietOnClosedPipe()
  try {
    await createProgram().parseAsync(argv)
    return 0
  } catch (err) {
    if (err instanceof CommanderError) return usageError(err)
    process.stderr.write(`${formatError(err)}\n`)
    return exitCodeOf(err)
  }
}

/** Commander ends --help and --version by throwing too; its other errors are usage errors. */
function usageError (err: CommanderError): number {
  if (err.exitCode === 0) return 0
  // Commander has already printed the help for a missing subcommand.
  if (err.code !== 'commander.help') process.stderr.write(`${formatError(CliError.USAGE(err.message.replace(/^error: /, '')))}\n`)
  return 2
}

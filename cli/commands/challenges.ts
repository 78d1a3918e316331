import { Option } from 'commander'
import type { Command } from 'commander'
import type { ApiPromise } from '@polkadot/api'
import { chainOption } from '../connection-options.js'
import { connectToChain } from '../chain-client.js'
import { CliError } from '../errors.js'
import { integer } from '../parse.js'

interface ChallengesFlags {
  chain: string
  hoster?: string
  recent: number
  json?: true
}

/** Adds `challenges`: the storage challenges and performance checks open now, and recent results. */
export function addChallengesCommand (program: Command): void {
  program.command('challenges')
    .description('list open storage challenges and performance checks, and the results of recent blocks')
    .option('--hoster <account>', 'only the challenges of this hoster (SS58 address)')
    .addOption(new Option('--recent <blocks>', 'blocks whose results to show (0: none)').argParser(integer('recent', 0, 1000)).default(20))
    .addOption(chainOption())
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', `
A storage challenge names block indexes the hoster must prove with merkle proofs before its deadline;
a performance check asks attesters to download from the hoster and report.

Examples:
  datdot challenges                                       everything open, results of the last 20 blocks
  datdot challenges --hoster 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty --json`)
    .action(challengesCommand)
}

async function challengesCommand (flags: ChallengesFlags): Promise<void> {
  const api = await connectToChain(flags.chain)
  try {
    // Imported here, not at the top, so that --help and usage errors need no polkadot-js.
    const { readChallenges } = await import('../status/challenges.js')
    const { renderChallenges } = await import('../status/render-challenges.js')
    const hoster = flags.hoster === undefined ? undefined : canonicalAddress(api, flags.hoster)
    const report = await readChallenges(api, { hoster, recentBlocks: flags.recent })
    process.stdout.write(flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderChallenges(report))
  } finally {
    await api.disconnect()
  }
}

/** The address as the chain writes it (its SS58 prefix), so that it compares equal to the accounts read. */
function canonicalAddress (api: ApiPromise, address: string): string {
  try {
    return api.createType('AccountId32', address).toString()
  } catch {
    throw CliError.USAGE(`--hoster takes an account address (SS58), not "${address}"`)
  }
}

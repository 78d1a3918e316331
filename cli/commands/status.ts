import type { Command } from 'commander'
import { chainOption } from '../connection-options.js'
import { connectToChain } from '../chain-client.js'
import { parseStatusTarget } from '../status/target.js'
import type { StatusTarget } from '../status/target.js'

interface StatusFlags {
  chain: string
  json?: true
}

/** Adds `status`: the network, a plan or a feed, as the chain sees it. */
export function addStatusCommand (program: Command): void {
  program.command('status')
    .description('show the network (providers, plans), or one plan or feed: its positions, hosters, proofs, strikes and health')
    .argument('[target]', 'plan:ID, feed:ID, or a feed\'s 64-hex hypercore key; none for the whole network', parseStatusTarget)
    .addOption(chainOption())
    .option('--json', 'print one JSON object instead of tables')
    .addHelpText('after', `
A position is healthy when it is active without strikes; LAST PROOF is the block of its last accepted
storage proof, OPEN its open storage challenges. No block says when the next one comes: each block draws
the positions it challenges from its own randomness.

Examples:
  datdot status                  providers and plans of the network
  datdot status plan:3           positions of plan 3
  datdot status feed:2 --json    feed 2 and the plans that host it, for scripts`)
    .action(statusCommand)
}

async function statusCommand (target: StatusTarget | undefined, flags: StatusFlags): Promise<void> {
  const api = await connectToChain(flags.chain)
  try {
    // Imported here, not at the top, so that --help and usage errors need no polkadot-js.
    const { statusReport } = await import('../status/report.js')
    const { text, json } = await statusReport(api, target)
    process.stdout.write(flags.json === true ? `${JSON.stringify(json, null, 2)}\n` : text)
  } finally {
    await api.disconnect()
  }
}

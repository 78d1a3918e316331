import type { Command } from 'commander'
import { addAccountOptions, openVault, resolveKeys } from '../../account.js'
import type { AccountFlags } from '../../account.js'
import { chainOption } from '../../connection-options.js'
import { connectToChain } from '../../chain-client.js'
import { ratioAmount } from './parse.js'
import { addressOf } from './recipient.js'
import { printJson } from './output.js'

interface TransferFlags extends AccountFlags {
  chain: string
  json?: true
}

export function addWalletTransferCommand (wallet: Command): void {
  const transfer = wallet.command('transfer')
    .summary('transfer ratio to another account')
    .description('transfer ratio from the acting account to another account; waits until the transfer is in a finalized block')
    .argument('<to>', 'the receiving account: an SS58 address or a vault identity')
    .argument('<amount>', 'how much ratio (a whole number)', ratioAmount)
    .addOption(chainOption())
    .option('--json', 'print a JSON object { from, to, amount, block, blockHash }')
    .addHelpText('after', `
Examples:
  datdot wallet transfer 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty 1000 --identity alice
  datdot wallet transfer bob 500 --dev --account //Alice --chain ws://127.0.0.1:9944`)
    .action(transferCommand)
  addAccountOptions(transfer)
}

async function transferCommand (to: string, amount: bigint, flags: TransferFlags): Promise<void> {
  const recipient = await addressOf(to, openVault(flags))
  const keys = await resolveKeys(flags)
  const api = await connectToChain(flags.chain)
  try {
    const { transferRatio } = await import('../../../wallet/ratio.js')
    const { block, blockHash } = await transferRatio(api, keys.account, recipient.address, amount)
    const from = keys.account.address
    if (flags.json === true) return printJson({ from, to: recipient.address, amount, block, blockHash })
    process.stdout.write(`transferred ${amount} ratio from ${from} to ${recipient.address}${recipient.name === null ? '' : ` (${recipient.name})`} in block #${block}\n`)
  } finally {
    await api.disconnect()
  }
}

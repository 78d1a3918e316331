import type { Command } from 'commander'
import { addAccountOptions, resolveKeys } from '../../account.js'
import type { AccountFlags } from '../../account.js'
import { chainOption } from '../../connection-options.js'
import { connectToChain } from '../../chain-client.js'
import { parsePlanId } from '../../plan-id.js'
import { ratioAmount } from './parse.js'
import { printJson } from './output.js'

interface SupportFlags extends AccountFlags {
  chain: string
  json?: true
}

export function addWalletSupportCommand (wallet: Command): void {
  const support = wallet.command('support')
    .summary('reserve ratio to back a plan\'s priority')
    .description('back a plan with ratio: the amount is reserved from the acting account (not spent), raises the plan\'s priority in the hosting queue, and returns when the plan ends')
    .argument('<plan>', 'the plan id, as datdot publish prints it', parsePlanId)
    .argument('<amount>', 'how much ratio to reserve (a whole number)', ratioAmount)
    .addOption(chainOption())
    .option('--json', 'print a JSON object { supporter, plan, amount, block, blockHash }')
    .addHelpText('after', `
Example:
  datdot wallet support 3 10000 --identity alice`)
    .action(supportCommand)
  addAccountOptions(support)
}

async function supportCommand (plan: bigint, amount: bigint, flags: SupportFlags): Promise<void> {
  const keys = await resolveKeys(flags)
  const api = await connectToChain(flags.chain)
  try {
    const { supportPlan } = await import('../../../wallet/ratio.js')
    const { block, blockHash } = await supportPlan(api, keys.account, plan, amount)
    const supporter = keys.account.address
    if (flags.json === true) return printJson({ supporter, plan, amount, block, blockHash })
    process.stdout.write(`${supporter} supports plan ${plan} with ${amount} ratio (reserved until the plan ends), in block #${block}\n`)
  } finally {
    await api.disconnect()
  }
}

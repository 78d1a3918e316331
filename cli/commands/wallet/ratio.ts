import { Option } from 'commander'
import type { Command } from 'commander'
import { addAccountOptions, openVault, resolveAddress } from '../../account.js'
import type { AccountFlags } from '../../account.js'
import { chainOption } from '../../connection-options.js'
import { connectToChain } from '../../chain-client.js'
import { integer } from '../../parse.js'
import { fields, table } from '../../table.js'
import type { RatioChange } from '../../../wallet/history.js'
import { addressOf } from './recipient.js'
import { printJson, signed } from './output.js'

interface RatioFlags extends AccountFlags {
  chain: string
  blocks: number
  json?: true
}

export function addWalletRatioCommand (wallet: Command): void {
  const ratio = wallet.command('ratio')
    .summary('show an account\'s ratio and its history')
    .description('show an account\'s ratio (free, and reserved for plans it supports) and its history from the chain\'s events of the last blocks')
    .argument('[account]', 'an SS58 address or a vault identity (default: the acting identity, --identity)')
    .addOption(chainOption())
    .addOption(new Option('--blocks <n>', 'how many of the latest finalized blocks to read the history from').argParser(integer('blocks', 1, 1_000_000)).default(1000))
    .option('--json', 'print a JSON object { address, free, reserved, block, history: { from, to, changes } }; amounts as strings')
    .addHelpText('after', `
History kinds: received, sent (transfers); earned, paid (hosting paid by a plan's sponsor); rewarded
(attesting, encoding); supported, support-returned (ratio reserved for a plan, returned when it ends);
fee (what the account's transactions cost: length, weight and tip; proofs and reports are free).

Examples:
  datdot wallet ratio --identity alice
  datdot wallet ratio 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --blocks 14400 --json`)
    .action(ratioCommand)
  addAccountOptions(ratio)
}

async function ratioCommand (account: string | undefined, flags: RatioFlags): Promise<void> {
  const address = account === undefined ? await resolveAddress(flags) : (await addressOf(account, openVault(flags))).address
  const api = await connectToChain(flags.chain)
  try {
    const { ratioOf } = await import('../../../wallet/ratio.js')
    const { ratioHistory } = await import('../../../wallet/history.js')
    const balance = await ratioOf(api, address)
    const history = await ratioHistory(api, address, flags.blocks)
    if (flags.json === true) return printJson({ address, ...balance, history })
    process.stdout.write(`${fields([['account', address], ['free', `${balance.free}`], ['reserved', `${balance.reserved}`], ['at block', `#${balance.block}`]])}\n\n`)
    process.stdout.write(history.changes.length === 0
      ? `no change of ratio in blocks #${history.from}–#${history.to}\n`
      : `changes in blocks #${history.from}–#${history.to}:\n${table(['BLOCK', 'CHANGE', 'KIND', 'DETAIL'], history.changes.map(row))}\n`)
  } finally {
    await api.disconnect()
  }
}

function row (c: RatioChange): string[] {
  const detail = [
    c.counterparty === null ? null : `${c.amount > 0n ? 'from' : 'to'} ${c.counterparty}`,
    c.plan === null ? null : `plan ${c.plan}`,
    c.reason === null ? null : c.reason.toLowerCase()
  ].filter((d) => d !== null).join(', ')
  return [`${c.block}`, signed(c.amount), c.kind, detail === '' ? '-' : detail]
}

import type { Command } from 'commander'
import { openVault } from '../../account.js'
import { vaultOption } from '../../connection-options.js'
import { table } from '../../table.js'
import { printJson } from './output.js'

export function addWalletListCommand (wallet: Command): void {
  wallet.command('list')
    .summary('list the identities of the vault')
    .description('list the identities of the vault: name, address, noise key (no passphrase needed)')
    .addOption(vaultOption())
    .option('--json', 'print a JSON array of { name, address, noiseKey, created, file }')
    .addHelpText('after', `
Examples:
  datdot wallet list
  datdot wallet list --vault ./vault --json`)
    .action(async (flags: { vault: string, json?: true }) => {
      const vault = openVault(flags)
      const identities = vault.list()
      if (flags.json === true) return printJson(identities)
      if (identities.length === 0) {
        process.stdout.write(`the vault ${vault.dir} holds no identities (datdot wallet create NAME makes one)\n`)
        return
      }
      const rows = identities.map((i) => [i.name, i.address, i.noiseKey ?? '-', i.created === null ? '-' : new Date(i.created).toISOString().slice(0, 10)])
      process.stdout.write(`${table(['NAME', 'ADDRESS', 'NOISE KEY', 'CREATED'], rows)}\n`)
    })
}

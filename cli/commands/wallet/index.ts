import type { Command } from 'commander'
import { addWalletCreateCommand } from './create.js'
import { addWalletImportCommand } from './import.js'
import { addWalletListCommand } from './list.js'
import { addWalletExportCommand } from './export.js'
import { addWalletRatioCommand } from './ratio.js'
import { addWalletTransferCommand } from './transfer.js'
import { addWalletSupportCommand } from './support.js'

/** Adds `wallet`: identities in the vault, and their ratio on the chain. */
export function addWalletCommand (program: Command): void {
  const wallet = program.command('wallet')
    .description('identities (account and noise keys, encrypted in the vault) and their ratio: create, import, list, export, ratio, transfer, support')
  addWalletCreateCommand(wallet)
  addWalletImportCommand(wallet)
  addWalletListCommand(wallet)
  addWalletExportCommand(wallet)
  addWalletRatioCommand(wallet)
  addWalletTransferCommand(wallet)
  addWalletSupportCommand(wallet)
}

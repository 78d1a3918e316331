import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { identityOption, openVault, passwordFileOption, readPassphrase } from '../../account.js'
import { vaultOption } from '../../connection-options.js'
import { CliError } from '../../errors.js'
import { VaultError } from '../../../vault/errors.js'
import { identityName } from './parse.js'

interface ExportFlags {
  identity?: string
  vault: string
  passwordFile?: string
  out?: string
}

export function addWalletExportCommand (wallet: Command): void {
  wallet.command('export')
    .summary('print an identity\'s polkadot-js JSON keystore')
    .description('print an identity\'s polkadot-js JSON keystore (its secret key encrypted with its passphrase), for backup or for polkadot-js tools; the passphrase is checked first')
    .argument('[name]', 'the identity (default: --identity)', identityName)
    .addOption(identityOption())
    .addOption(vaultOption())
    .addOption(passwordFileOption())
    .option('--out <file>', 'write the keystore to this new file (mode 0600) instead of stdout')
    .addHelpText('after', `
Examples:
  datdot wallet export alice > alice.json
  datdot wallet export alice --out /media/backup/alice.json`)
    .action(exportCommand)
}

async function exportCommand (nameArg: string | undefined, flags: ExportFlags): Promise<void> {
  const name = nameArg ?? flags.identity
  if (name === undefined) throw CliError.USAGE('say which identity to export: datdot wallet export NAME')
  const vault = openVault(flags)
  vault.read(name) // IDENTITY_NOT_FOUND before asking for a passphrase
  const passphrase = await readPassphrase(flags, `the identity "${name}"`)
  const { exportKeystore } = await import('../../../wallet/identities.js')
  const text = `${JSON.stringify(await exportKeystore(vault, name, passphrase), null, 2)}\n`
  if (flags.out === undefined) {
    process.stdout.write(text)
    return
  }
  try {
    writeFileSync(flags.out, text, { flag: 'wx', mode: 0o600 })
  } catch (err) {
    const exists = (err as NodeJS.ErrnoException).code === 'EEXIST'
    throw VaultError.FILE_UNWRITABLE(flags.out, exists ? 'it exists, and a keystore never overwrites a file' : (err as Error).message)
  }
  process.stderr.write(`wrote the keystore of ${name} to ${flags.out}\n`)
}

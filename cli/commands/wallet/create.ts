import { Option } from 'commander'
import type { Command } from 'commander'
import { openVault, passwordFileOption, readPassphrase } from '../../account.js'
import { vaultOption } from '../../connection-options.js'
import { VaultError } from '../../../vault/errors.js'
import type { MnemonicLength } from '../../../wallet/identities.js'
import { identityName } from './parse.js'
import { describe, printJson } from './output.js'

interface CreateFlags {
  words: string
  vault: string
  passwordFile?: string
  json?: true
}

export function addWalletCreateCommand (wallet: Command): void {
  wallet.command('create')
    .summary('make a new identity (mnemonic, account and noise key) in the vault')
    .description('make a new identity: a fresh mnemonic gives its sr25519 account and its hyperswarm noise key; the keys are stored in the vault, encrypted with a passphrase; the mnemonic is printed once')
    .argument('<name>', 'name of the new identity', identityName)
    .addOption(new Option('--words <n>', 'words in the mnemonic').choices(['12', '15', '18', '21', '24']).default('12'))
    .addOption(vaultOption())
    .addOption(passwordFileOption())
    .option('--json', 'print a JSON object (name, address, noiseKey, mnemonic, file)')
    .addHelpText('after', `
The passphrase comes from --password-file, else DATDOT_PASSWORD, else it is asked for twice.

Examples:
  datdot wallet create alice
  DATDOT_PASSWORD=... datdot wallet create bob --vault ./vault --json`)
    .action(createCommand)
}

async function createCommand (name: string, flags: CreateFlags): Promise<void> {
  const vault = openVault(flags)
  if (vault.has(name)) throw VaultError.IDENTITY_EXISTS(name, vault.dir)
  const passphrase = await readPassphrase(flags, `the new identity "${name}"`, true)
  const { createIdentity } = await import('../../../wallet/identities.js')
  const { identity, mnemonic } = await createIdentity(vault, name, passphrase, Number(flags.words) as MnemonicLength)
  if (flags.json === true) return printJson({ ...identity, mnemonic })
  process.stdout.write(`created the identity ${name}\n${describe(identity)}\n
Write this mnemonic down and keep it secret. It restores the identity (datdot wallet import) and is not
stored anywhere:

  ${mnemonic}
`)
}

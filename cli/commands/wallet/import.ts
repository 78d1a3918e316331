import { readFileSync } from 'node:fs'
import { Option } from 'commander'
import type { Command } from 'commander'
import { openVault, passwordFileOption, readPassphrase } from '../../account.js'
import { vaultOption } from '../../connection-options.js'
import { canPrompt, promptHidden } from '../../prompt.js'
import { VaultError } from '../../../vault/errors.js'
import { asKeystore } from '../../../vault/keystore-format.js'
import { identityName } from './parse.js'
import { describe, printJson } from './output.js'

interface ImportFlags {
  keystore?: string
  mnemonicFile?: string
  dev?: true
  vault: string
  passwordFile?: string
  json?: true
}

export function addWalletImportCommand (wallet: Command): void {
  wallet.command('import')
    .summary('add an identity from its mnemonic or a polkadot-js keystore')
    .description('add an identity to the vault from its mnemonic or from a polkadot-js JSON keystore; both give the same account and noise key')
    .argument('<name>', 'name of the identity in the vault', identityName)
    .addOption(new Option('--keystore <file>', 'a polkadot-js JSON keystore (sr25519); the passphrase is the keystore\'s own, and stays its passphrase').conflicts('mnemonicFile'))
    .option('--mnemonic-file <file>', 'file holding the mnemonic (else it is read from stdin, or asked for)')
    .option('--dev', 'accept dev secrets (//Alice, the dev mnemonic), which anyone can sign with')
    .addOption(vaultOption())
    .addOption(passwordFileOption())
    .option('--json', 'print a JSON object (name, address, noiseKey, file)')
    .addHelpText('after', `
The mnemonic is never an argument: command lines stay in shell history and show in the process list.
The passphrase comes from --password-file, else DATDOT_PASSWORD, else it is asked for.

Examples:
  datdot wallet import alice --mnemonic-file ./alice.words
  datdot wallet import bob --keystore ./bob-polkadot-js.json
  echo //Charlie | DATDOT_PASSWORD=dev datdot wallet import charlie --dev`)
    .action(importCommand)
}

async function importCommand (name: string, flags: ImportFlags): Promise<void> {
  const vault = openVault(flags)
  if (vault.has(name)) throw VaultError.IDENTITY_EXISTS(name, vault.dir)
  const wallet = await import('../../../wallet/identities.js')
  let identity
  if (flags.keystore !== undefined) {
    const keystore = asKeystore(parseJson(flags.keystore), flags.keystore)
    const passphrase = await readPassphrase(flags, `the keystore ${flags.keystore}`)
    identity = await wallet.importKeystore(vault, name, keystore, passphrase, `the keystore ${flags.keystore}`)
  } else {
    const account = await wallet.accountOfSecret(await readMnemonic(flags), { dev: flags.dev === true })
    const passphrase = await readPassphrase(flags, `the new identity "${name}"`, true)
    identity = wallet.importAccount(vault, name, account, passphrase)
  }
  if (flags.json === true) return printJson(identity)
  process.stdout.write(`imported the identity ${name}\n${describe(identity)}\n`)
}

function parseJson (path: string): unknown {
  const text = readFile(path)
  try {
    return JSON.parse(text)
  } catch (err) {
    throw VaultError.KEYSTORE_INVALID(path, (err as Error).message)
  }
}

async function readMnemonic (flags: ImportFlags): Promise<string> {
  if (flags.mnemonicFile !== undefined) return readFile(flags.mnemonicFile)
  if (canPrompt()) return await promptHidden('mnemonic: ')
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  return text
}

function readFile (path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    throw VaultError.FILE_UNREADABLE(path, (err as Error).message)
  }
}

import { readFileSync } from 'node:fs'
import { Option } from 'commander'
import type { Command } from 'commander'
import type { ServiceKeys } from '../service/keys.js'
import { Vault } from '../vault/vault.js'
import { VaultError } from '../vault/errors.js'
import { CliError } from './errors.js'
import { loadConfig } from './config.js'
import { vaultOption } from './connection-options.js'
import { canPrompt, promptHidden } from './prompt.js'

/** The flags `addAccountOptions` adds. */
export interface AccountFlags {
  /** Name of the vault identity to act as. */
  identity?: string
  /** The vault's directory (commander always sets it; unset means the default vault). */
  vault?: string
  passwordFile?: string
  /** Secret URI of a dev account, instead of an identity. */
  account?: string
  dev?: true
}

/** Adds the options that choose whose keys a command acts with: a vault identity, or a dev account. */
export function addAccountOptions (cmd: Command): Command {
  return cmd
    .addOption(identityOption())
    .addOption(vaultOption())
    .addOption(passwordFileOption())
    .option('--account <uri>', 'act as the dev account of this secret URI (//Bob) instead of a vault identity; needs --dev')
    .option('--dev', 'allow --account and dev secrets (development chains only)')
}

/** `--identity <name>` (DATDOT_IDENTITY, config `identity`). */
export function identityOption (): Option {
  const configured = loadConfig().identity
  const option = new Option('--identity <name>', 'vault identity to act as').env('DATDOT_IDENTITY')
  return configured === undefined ? option : option.default(configured)
}

/** `--password-file <file>`: where the passphrase comes from when DATDOT_PASSWORD does not give it. */
export function passwordFileOption (): Option {
  return new Option('--password-file <file>', 'file whose first line is the passphrase (else DATDOT_PASSWORD, else a prompt)')
}

/**
 * The passphrase, from --password-file, else DATDOT_PASSWORD, else a prompt with echo off (asked twice when
 * `confirm`). Never empty; without a terminal to ask on, NO_PASSPHRASE rather than waiting forever.
 */
export async function readPassphrase (flags: { passwordFile?: string }, what: string, confirm = false): Promise<string> {
  let passphrase: string
  if (flags.passwordFile !== undefined) {
    passphrase = readFirstLine(flags.passwordFile)
  } else if (process.env.DATDOT_PASSWORD !== undefined && process.env.DATDOT_PASSWORD !== '') {
    passphrase = process.env.DATDOT_PASSWORD
  } else if (canPrompt()) {
    passphrase = await promptHidden(`passphrase for ${what}: `)
    if (confirm && passphrase !== '' && await promptHidden('the same passphrase again: ') !== passphrase) throw VaultError.PASSPHRASES_DIFFER()
  } else {
    throw VaultError.NO_PASSPHRASE(what, 'there is no terminal to ask on')
  }
  if (passphrase === '') throw VaultError.NO_PASSPHRASE(what, 'it is empty')
  return passphrase
}

function readFirstLine (path: string): string {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/)[0]
  } catch (err) {
    throw VaultError.FILE_UNREADABLE(path, (err as Error).message)
  }
}

/** The vault the flags name. */
export function openVault (flags: { vault?: string }): Vault {
  return new Vault(flags.vault ?? vaultOption().defaultValue as string)
}

/** The account and noise keys the flags name; a vault identity is unlocked with its passphrase. */
export async function resolveKeys (flags: AccountFlags): Promise<ServiceKeys> {
  if (flags.account !== undefined) {
    const uri = devUri(flags)
    const { keysFromUri } = await import('../service/keys.js')
    return await keysFromUri(uri)
  }
  const name = identityName(flags)
  const vault = openVault(flags)
  vault.read(name) // IDENTITY_NOT_FOUND before asking for a passphrase
  const passphrase = await readPassphrase(flags, `the identity "${name}"`)
  const { unlockIdentity } = await import('../wallet/identities.js')
  const { keysFromPair } = await import('../service/keys.js')
  return keysFromPair(await unlockIdentity(vault, name, passphrase))
}

/** The address the flags name, without unlocking anything. */
export async function resolveAddress (flags: AccountFlags): Promise<string> {
  if (flags.account !== undefined) {
    const uri = devUri(flags)
    const { keysFromUri } = await import('../service/keys.js')
    return (await keysFromUri(uri)).account.address
  }
  return openVault(flags).entry(identityName(flags)).address
}

/**
 * `--account` is for dev accounts only: any secret typed on a command line stays in the shell's history and
 * is visible to other users in the process list. Real keys belong in the vault.
 */
function devUri (flags: AccountFlags): string {
  if (flags.dev !== true) throw CliError.USAGE('--account takes a secret URI only with --dev (dev accounts such as //Bob): import real secrets into the vault (datdot wallet import) and use --identity NAME')
  return flags.account as string
}

function identityName (flags: AccountFlags): string {
  if (flags.identity === undefined) throw CliError.USAGE('say whose keys to use: --identity NAME (or DATDOT_IDENTITY) for a vault identity, or --dev --account //Bob for a dev account')
  return flags.identity
}

import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types'
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto'
import { lockAccount, unlockKeystore } from '../vault/keystore.js'
import { accountFromSecret } from '../vault/secret.js'
import type { IdentityEntry, Vault } from '../vault/vault.js'
import { VaultError } from '../vault/errors.js'

export type MnemonicLength = 12 | 15 | 18 | 21 | 24

/**
 * Makes a new identity from a fresh BIP39 mnemonic and stores it encrypted with `passphrase`. The mnemonic
 * is returned once and not stored: with the derivation of vault/noise-key.ts it restores both keys.
 */
export async function createIdentity (vault: Vault, name: string, passphrase: string, words: MnemonicLength = 12): Promise<{ identity: IdentityEntry, mnemonic: string }> {
  await cryptoWaitReady()
  const mnemonic = mnemonicGenerate(words)
  return { identity: importAccount(vault, name, accountFromSecret(mnemonic, { dev: false }), passphrase), mnemonic }
}

/**
 * The account of a mnemonic (or secret URI; dev secrets only with `dev`), checked before anything is asked
 * or stored.
 */
export async function accountOfSecret (secret: string, { dev }: { dev: boolean }): Promise<KeyringPair> {
  await cryptoWaitReady()
  return accountFromSecret(secret, { dev })
}

/**
 * Stores the identity of a polkadot-js keystore. `passphrase` must unlock it (so a wrong one stores nothing)
 * and stays its passphrase in the vault.
 */
export async function importKeystore (vault: Vault, name: string, keystore: KeyringPair$Json, passphrase: string, what: string): Promise<IdentityEntry> {
  await cryptoWaitReady()
  return importAccount(vault, name, unlockKeystore(keystore, passphrase, what), passphrase)
}

/** The account of the identity `name`, unlocked. It only reads: a wrong passphrase changes nothing. */
export async function unlockIdentity (vault: Vault, name: string, passphrase: string): Promise<KeyringPair> {
  await cryptoWaitReady()
  return unlockKeystore(vault.read(name), passphrase, `the identity "${name}"`)
}

/** The stored keystore of `name`, once `passphrase` has been shown to unlock it. */
export async function exportKeystore (vault: Vault, name: string, passphrase: string): Promise<KeyringPair$Json> {
  await unlockIdentity(vault, name, passphrase)
  return vault.read(name)
}

/** Stores `account` (e.g. from accountOfSecret) as `name`, encrypted with `passphrase`. */
export function importAccount (vault: Vault, name: string, account: KeyringPair, passphrase: string): IdentityEntry {
  // Checked first as well as by add(): encrypting takes most of a second, and the error should come at once.
  if (vault.has(name)) throw VaultError.IDENTITY_EXISTS(name, vault.dir)
  vault.add(name, lockAccount(account, name, passphrase))
  return vault.entry(name)
}

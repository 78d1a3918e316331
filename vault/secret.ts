import { DEV_PHRASE, Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import { keyExtractSuri, mnemonicValidate } from '@polkadot/util-crypto'
import { VaultError } from './errors.js'

/** The keyring every identity lives in: sr25519 accounts, generic Substrate addresses. */
export function sr25519Keyring (): Keyring {
  return new Keyring({ type: 'sr25519', ss58Format: 42 })
}

/**
 * The sr25519 account of a secret: a BIP39 mnemonic, optionally followed by a derivation path
 * (`words//hard/soft`). Dev secrets — a bare path such as `//Alice`, or the well-known dev mnemonic — are
 * public knowledge, so they are refused unless `dev` is set. Call after `cryptoWaitReady()`.
 */
export function accountFromSecret (secret: string, { dev }: { dev: boolean }): KeyringPair {
  // Mnemonics are often pasted with line breaks or doubled spaces.
  const suri = secret.trim().split(/\s+/).join(' ')
  if (suri === '') throw VaultError.MNEMONIC_INVALID('it is empty')
  const isDevPath = suri.startsWith('//')
  let phrase: string
  try {
    phrase = isDevPath ? DEV_PHRASE : keyExtractSuri(suri).phrase
  } catch {
    throw VaultError.MNEMONIC_INVALID('it is neither a mnemonic nor a secret URI')
  }
  if (!mnemonicValidate(phrase)) throw VaultError.MNEMONIC_INVALID('the words are not a BIP39 mnemonic (unknown word, wrong count or checksum)')
  if ((isDevPath || phrase === DEV_PHRASE) && !dev) throw VaultError.DEV_SECRET()
  return sr25519Keyring().addFromUri(suri)
}

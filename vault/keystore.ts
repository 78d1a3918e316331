import type { KeyringPair, KeyringPair$Json, KeyringPair$Meta } from '@polkadot/keyring/types'
import { u8aToHex } from '@polkadot/util'
import { VaultError } from './errors.js'
import { noiseKeyPair } from './noise-key.js'
import { sr25519Keyring } from './secret.js'

/** What datdot adds to a keystore's `meta` (public data: the keystore encrypts only the secret key). */
export interface IdentityMeta extends KeyringPair$Meta {
  name: string
  /** Hex public key of the identity's noise key pair, so that it can be listed without the passphrase. */
  noiseKey: string
  whenCreated: number
}

/**
 * The polkadot-js JSON keystore of `account` under `name`: its secret key encrypted with `passphrase`
 * (scrypt, then xsalsa20-poly1305), as polkadot-js tools write and read it.
 */
export function lockAccount (account: KeyringPair, name: string, passphrase: string): KeyringPair$Json {
  if (passphrase === '') throw new Error('a keystore needs a non-empty passphrase') // else polkadot-js stores the key in clear
  const meta: IdentityMeta = { name, noiseKey: u8aToHex(noiseKeyPair(account).publicKey), whenCreated: Date.now() }
  account.setMeta(meta)
  return account.toJson(passphrase)
}

/**
 * The account of a keystore, unlocked with `passphrase`. A wrong passphrase is WRONG_PASSPHRASE; a keystore
 * whose secret key is not the one of its address is KEYSTORE_INVALID. Call after `cryptoWaitReady()`.
 */
export function unlockKeystore (json: KeyringPair$Json, passphrase: string, what: string): KeyringPair {
  let account: KeyringPair
  try {
    account = sr25519Keyring().addFromJson(json)
  } catch (err) {
    throw VaultError.KEYSTORE_INVALID(what, `its address: ${(err as Error).message}`)
  }
  const claimed = account.address
  try {
    account.unlock(passphrase)
  } catch (err) {
    // xsalsa20-poly1305 authenticates: a wrong key fails here and decrypts nothing.
    if (/supplied passphrase|Password required/.test((err as Error).message)) throw VaultError.WRONG_PASSPHRASE(what)
    throw VaultError.KEYSTORE_INVALID(what, (err as Error).message)
  }
  if (account.address !== claimed) throw VaultError.KEYSTORE_INVALID(what, `its secret key belongs to ${account.address}, not to ${claimed}`)
  return account
}

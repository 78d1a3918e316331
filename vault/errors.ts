import { IDENTITY_NAME_RULE } from './name.js'

/** An error of the vault with a stable `code`, a message a user can act on, and a hint. */
export class VaultError extends Error {
  private constructor (readonly code: string, message: string, readonly hint?: string) {
    super(message)
    this.name = 'VaultError'
  }

  static WRONG_PASSPHRASE (what: string): VaultError {
    return new VaultError('WRONG_PASSPHRASE', `the passphrase does not unlock ${what}`, 'check DATDOT_PASSWORD or --password-file; nothing was changed')
  }

  static IDENTITY_EXISTS (name: string, dir: string): VaultError {
    return new VaultError('IDENTITY_EXISTS', `the vault ${dir} already holds an identity named "${name}"`, 'choose another name; datdot wallet list shows the names in use')
  }

  static IDENTITY_NOT_FOUND (name: string, dir: string): VaultError {
    return new VaultError('IDENTITY_NOT_FOUND', `the vault ${dir} holds no identity named "${name}"`, 'datdot wallet list shows the identities; --vault DIR picks another vault')
  }

  static NAME_INVALID (name: string): VaultError {
    return new VaultError('NAME_INVALID', `"${name}" cannot name an identity`, `use ${IDENTITY_NAME_RULE}`)
  }

  static KEYSTORE_INVALID (what: string, reason: string): VaultError {
    return new VaultError('KEYSTORE_INVALID', `${what} is not a usable keystore: ${reason}`, 'give a polkadot-js JSON keystore of an sr25519 account, encrypted with a passphrase')
  }

  static MNEMONIC_INVALID (reason: string): VaultError {
    return new VaultError('MNEMONIC_INVALID', `not a valid secret: ${reason}`, 'give the 12 to 24 words of a BIP39 mnemonic, separated by spaces')
  }

  static DEV_SECRET (): VaultError {
    return new VaultError('DEV_SECRET', 'this is a development secret (//Alice, or the well-known dev mnemonic) that anyone can sign with', 'pass --dev to use it anyway, on a development chain only')
  }

  static VAULT_UNUSABLE (dir: string, reason: string): VaultError {
    return new VaultError('VAULT_UNUSABLE', `cannot use ${dir} as the vault: ${reason}`, 'pass --vault DIR (or DATDOT_VAULT) with a directory you can write')
  }

  static NO_PASSPHRASE (what: string, why: string): VaultError {
    return new VaultError('NO_PASSPHRASE', `no passphrase for ${what}: ${why}`, 'set DATDOT_PASSWORD, pass --password-file FILE, or run in a terminal to be asked')
  }

  static PASSPHRASES_DIFFER (): VaultError {
    return new VaultError('PASSPHRASES_DIFFER', 'the two passphrases typed differ', 'run the command again and type the same passphrase twice')
  }

  static FILE_UNREADABLE (path: string, reason: string): VaultError {
    return new VaultError('FILE_UNREADABLE', `cannot read ${path}: ${reason}`, 'check the path and its permissions')
  }

  static FILE_UNWRITABLE (path: string, reason: string): VaultError {
    return new VaultError('FILE_UNWRITABLE', `cannot write ${path}: ${reason}`, 'give a new file in a directory you can write')
  }
}

import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { KeyringPair$Json } from '@polkadot/keyring/types'
import { VaultError } from './errors.js'
import { asKeystore } from './keystore-format.js'
import { isIdentityName } from './name.js'

/** What `list()` tells of an identity without unlocking it. */
export interface IdentityEntry {
  name: string
  address: string
  /** Hex noise public key, when the keystore was written by datdot. */
  noiseKey: string | null
  /** Milliseconds since the epoch, when known. */
  created: number | null
  file: string
}

const SUFFIX = '.json'

/**
 * A directory of identities: one polkadot-js JSON keystore per identity, `<name>.json`, mode 0600, in a
 * directory made with mode 0700. Files are written once, atomically, and never overwritten.
 */
export class Vault {
  readonly dir: string

  constructor (dir: string) {
    this.dir = resolve(dir)
  }

  file (name: string): string {
    if (!isIdentityName(name)) throw VaultError.NAME_INVALID(name)
    return join(this.dir, name + SUFFIX)
  }

  has (name: string): boolean {
    return this.#names().includes(name)
  }

  /** Every identity, by name. */
  list (): IdentityEntry[] {
    return this.#names().sort().map((name) => this.entry(name))
  }

  /** What the keystore of `name` tells without the passphrase. */
  entry (name: string): IdentityEntry {
    const json = this.read(name)
    const { noiseKey, whenCreated } = json.meta
    return {
      name,
      address: json.address,
      noiseKey: typeof noiseKey === 'string' ? noiseKey : null,
      created: typeof whenCreated === 'number' ? whenCreated : null,
      file: this.file(name)
    }
  }

  /** The keystore of `name`, as stored. */
  read (name: string): KeyringPair$Json {
    const file = this.file(name)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw VaultError.IDENTITY_NOT_FOUND(name, this.dir)
      throw VaultError.VAULT_UNUSABLE(this.dir, (err as Error).message)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      throw VaultError.KEYSTORE_INVALID(file, (err as Error).message)
    }
    return asKeystore(parsed, file)
  }

  /**
   * Stores `keystore` as `name`; IDENTITY_EXISTS if the name is taken. The file is written in full under a
   * temporary name, synced, then linked into place: link (unlike rename) fails if the name exists, so a
   * concurrent add cannot overwrite an identity, and a crash never leaves a partial keystore.
   */
  add (name: string, keystore: KeyringPair$Json): string {
    const file = this.file(name)
    this.#makeDir()
    const tmp = join(this.dir, `.${name}${SUFFIX}.${process.pid}.tmp`)
    try {
      const fd = openSync(tmp, 'wx', 0o600)
      try {
        writeSync(fd, JSON.stringify(keystore, null, 2) + '\n')
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && this.has(name)) throw VaultError.IDENTITY_EXISTS(name, this.dir)
      throw VaultError.VAULT_UNUSABLE(this.dir, (err as Error).message)
    } finally {
      try { unlinkSync(tmp) } catch {}
    }
    this.#syncDir()
    return file
  }

  #names (): string[] {
    let files: string[]
    try {
      files = readdirSync(this.dir)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw VaultError.VAULT_UNUSABLE(this.dir, (err as Error).message)
    }
    return files.filter((f) => f.endsWith(SUFFIX) && isIdentityName(f.slice(0, -SUFFIX.length))).map((f) => f.slice(0, -SUFFIX.length))
  }

  #makeDir (): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    } catch (err) {
      throw VaultError.VAULT_UNUSABLE(this.dir, (err as Error).message)
    }
  }

  /** Makes the new directory entry durable too. */
  #syncDir (): void {
    const fd = openSync(this.dir, 'r')
    try { fsyncSync(fd) } finally { closeSync(fd) }
  }
}

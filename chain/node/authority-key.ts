import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hexToU8a, isHex } from '@polkadot/util'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { ChainSpec } from '../spec/types.js'
import { authorityFromSecret, authorityKeyPair } from '../block/authority.js'
import { chainErrors } from './errors.js'

/** The author key a node generates on first start, in its base path. */
export const AUTHORITY_KEY_FILE = 'authority-key'

export interface AuthorityKeyOptions {
  readonly spec: ChainSpec
  readonly dev: boolean
  /** The node's directory; null for a chain in memory, which gets a fresh key each time. */
  readonly basePath: string | null
  /** `--authority-key FILE`: the key to author with, whatever the spec says. */
  readonly file?: string
  readonly warn?: (msg: string) => void
}

/**
 * The block author's key. It seeds every block's randomness (R(n) = blake2_256(R(n-1) ++ signature)), so
 * whoever knows it can compute every future challenge: it is the node's secret, never derived from the chain
 * spec, except that a `--dev` chain may use the dev key its spec names (reproducible development chains).
 * A non-dev node ignores such a key, with a warning, rather than refuse: dev.json is the default spec.
 */
export function authorityKey (opts: AuthorityKeyOptions): KeyringPair {
  if (opts.file !== undefined) return readAuthorityKey(opts.file)
  if (opts.spec.authoritySeed !== null) {
    if (opts.dev) return authorityKeyPair(opts.spec.authoritySeed)
    opts.warn?.(`the chain spec's authoritySeed is ignored: it names a dev key, used only with --dev; this node authors with its own secret key${opts.basePath === null ? '' : ` (${join(opts.basePath, AUTHORITY_KEY_FILE)})`}`)
  }
  if (opts.basePath === null) return authorityFromSecret(randomBytes(32))
  const file = join(opts.basePath, AUTHORITY_KEY_FILE)
  try {
    // The node runs this before its store creates the base path.
    mkdirSync(opts.basePath, { recursive: true })
    // Exclusive create: a key already there is kept, so that a restarted node still signs as the chain's author.
    writeFileSync(file, `0x${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw chainErrors.authorityKeyUnreadable(file, (err as Error).message)
  }
  return readAuthorityKey(file)
}

/** An authority key file: the ed25519 secret seed as 0x-prefixed hex (32 bytes), on one line. */
export function readAuthorityKey (file: string): KeyringPair {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw code === 'ENOENT' || code === 'ENOTDIR' ? chainErrors.authorityKeyNotFound(file) : chainErrors.authorityKeyUnreadable(file, (err as Error).message)
  }
  const hex = text.trim()
  if (!isHex(hex, 256)) throw chainErrors.authorityKeyInvalid(file)
  return authorityFromSecret(hexToU8a(hex))
}

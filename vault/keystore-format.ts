import type { KeyringPair$Json } from '@polkadot/keyring/types'
import { VaultError } from './errors.js'

/** Checks that `value` (parsed JSON) is an encrypted sr25519 keystore; `what` names it in errors. */
export function asKeystore (value: unknown, what: string): KeyringPair$Json {
  const json = value as Partial<KeyringPair$Json> | null
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw VaultError.KEYSTORE_INVALID(what, 'it is not a JSON object')
  if (typeof json.address !== 'string' || typeof json.encoded !== 'string' || typeof json.encoding !== 'object' || json.encoding === null) {
    throw VaultError.KEYSTORE_INVALID(what, 'it lacks address, encoded or encoding')
  }
  const { content, type } = json.encoding
  if (!Array.isArray(content) || !content.includes('sr25519')) throw VaultError.KEYSTORE_INVALID(what, `it holds a ${Array.isArray(content) ? content.slice(1).join('/') : 'non-sr25519'} key; datdot identities are sr25519 accounts`)
  if (!Array.isArray(type) || !type.includes('xsalsa20-poly1305')) throw VaultError.KEYSTORE_INVALID(what, 'its secret key is not encrypted')
  return { ...json, meta: typeof json.meta === 'object' && json.meta !== null ? json.meta : {} } as KeyringPair$Json
}

import type { Vault } from '../../../vault/vault.js'
import { isIdentityName } from '../../../vault/name.js'
import { WalletError } from '../../../wallet/errors.js'

/** An account given as an SS58 address or as the name of an identity of the vault. */
export async function addressOf (value: string, vault: Vault): Promise<{ address: string, name: string | null }> {
  const { decodeAddress, encodeAddress } = await import('@polkadot/util-crypto')
  try {
    return { address: encodeAddress(decodeAddress(value), 42), name: null }
  } catch {}
  if (isIdentityName(value) && vault.has(value)) return { address: vault.entry(value).address, name: value }
  throw WalletError.ADDRESS_INVALID(value)
}

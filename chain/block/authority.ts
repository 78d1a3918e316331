import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'

/** The dev block author's ed25519 key, from the secret URI in the chain spec. */
export function authorityKeyPair (seed: string): KeyringPair {
  return new Keyring({ type: 'ed25519' }).addFromUri(seed)
}

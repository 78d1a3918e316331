import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'

/** An ed25519 block author key from a secret URI: the dev key a chain spec may name for `--dev` chains. */
export function authorityKeyPair (seed: string): KeyringPair {
  return new Keyring({ type: 'ed25519' }).addFromUri(seed)
}

/** An ed25519 block author key from its 32-byte secret seed (what an authority key file holds). */
export function authorityFromSecret (secret: Uint8Array): KeyringPair {
  return new Keyring({ type: 'ed25519' }).addFromSeed(secret)
}

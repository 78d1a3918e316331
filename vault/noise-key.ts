import type { KeyringPair } from '@polkadot/keyring/types'
import { decodePair } from '@polkadot/keyring/pair/decode'
import { stringToU8a, u8aConcat } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import crypto from 'hypercore-crypto'

export interface NoiseKeyPair {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

const DOMAIN = stringToU8a('datdot/noise')

/**
 * The hyperswarm noise key pair of an account: the ed25519 key pair `hypercore-crypto.keyPair(seed)` with
 * `seed = blake2_256("datdot/noise" ++ secretKey)`, where `secretKey` is the account's 64-byte sr25519 secret
 * key (key ++ nonce, as polkadot-js keeps it).
 *
 * Why the secret key and not the mnemonic: a polkadot-js keystore holds only the secret key, so an identity
 * imported from a keystore must give the same noise key as one made from its mnemonic. The hash is one-way
 * and domain-separated, so the noise key tells nothing about the account key.
 */
export function noiseKeyPair (account: KeyringPair): NoiseKeyPair {
  if (account.isLocked) throw new Error('noiseKeyPair needs an unlocked account')
  // The pair keeps its secret key private; its unencrypted PKCS8 encoding is the documented way out.
  const { secretKey } = decodePair(undefined, account.encodePkcs8(), 'none')
  return crypto.keyPair(blake2AsU8a(u8aConcat(DOMAIN, secretKey), 256))
}

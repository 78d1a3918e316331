import type { KeyringPair } from '@polkadot/keyring/types'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { noiseKeyPair } from '../vault/noise-key.js'
import type { NoiseKeyPair } from '../vault/noise-key.js'
import { sr25519Keyring } from '../vault/secret.js'

/** What a service signs with: its chain account and its hyperswarm noise key pair. */
export interface ServiceKeys {
  readonly account: KeyringPair
  readonly noise: NoiseKeyPair
}

/**
 * Keys of an unlocked account (e.g. a vault identity): the account itself, and the noise key pair derived
 * from its secret key (vault/noise-key.ts), so that the same account always has the same peer identity.
 */
export function keysFromPair (account: KeyringPair): ServiceKeys {
  return { account, noise: noiseKeyPair(account) }
}

/**
 * Keys from a secret URI (a dev URI such as `//Bob`, or a mnemonic): the sr25519 account as polkadot-js
 * derives it, and its noise key pair derived as for a vault identity of the same secret.
 */
export async function keysFromUri (uri: string): Promise<ServiceKeys> {
  await cryptoWaitReady()
  return keysFromPair(sr25519Keyring().addFromUri(uri))
}

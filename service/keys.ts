import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto'
import { stringToU8a, u8aConcat } from '@polkadot/util'
import crypto from 'hypercore-crypto'

/** What a service signs with: its chain account and its hyperswarm noise key pair. */
export interface ServiceKeys {
  readonly account: KeyringPair
  readonly noise: { publicKey: Uint8Array, secretKey: Uint8Array }
}

/**
 * Keys from a secret URI (a dev URI such as `//Bob`, or a mnemonic): the sr25519 account as polkadot-js
 * derives it, and the noise key pair from blake2_256("datdot/noise" ++ uri), so the same URI always gives
 * the same peer identity.
 */
export async function keysFromUri (uri: string): Promise<ServiceKeys> {
  await cryptoWaitReady()
  const account = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(uri)
  const noise = crypto.keyPair(blake2AsU8a(u8aConcat(stringToU8a('datdot/noise'), stringToU8a(uri)), 256))
  return { account, noise }
}

import { u8aConcat, stringToU8a, bnToU8a } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'

/**
 * What a hoster signs with its noise key for an attester that fetched from it in performance check `checkId`:
 * the attester's proof of contact, checked on chain against the hoster's registered noise key.
 */
export function contactMessage (checkId: bigint, attester: Uint8Array): Uint8Array {
  return blake2AsU8a(u8aConcat(stringToU8a('datdot/contact'), bnToU8a(checkId, { bitLength: 64 }), attester), 256)
}

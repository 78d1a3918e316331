import { u8aConcat, stringToU8a, bnToU8a } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'

/**
 * What an attester asks a hoster to sign its receipt for, in performance check `checkId`: a hash of the
 * check and the attester's account. The hoster sees 32 random-looking bytes, the same as from any reader
 * asking for a receipt, so the request does not tell it that it is being checked (or by whom).
 */
export function receiptContext (checkId: bigint, attester: Uint8Array): Uint8Array {
  return blake2AsU8a(u8aConcat(stringToU8a('datdot/receipt-context'), bnToU8a(checkId, { bitLength: 64 }), attester), 256)
}

/**
 * What a hoster signs with its noise key for blocks it served on one connection: the reader's context and,
 * for each block, its index and its hash (hypercore's leaf hash). The chain checks the signature against
 * the hoster's registered noise key and the hashes against the committed root.
 */
export function receiptMessage (context: Uint8Array, indexes: readonly bigint[], hashes: readonly Uint8Array[]): Uint8Array {
  const entries = indexes.map((index, i) => u8aConcat(bnToU8a(index, { bitLength: 64 }), hashes[i]))
  return blake2AsU8a(u8aConcat(stringToU8a('datdot/receipt'), context, bnToU8a(indexes.length, { bitLength: 32 }), ...entries), 256)
}

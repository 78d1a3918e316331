import { blake2AsU8a } from '@polkadot/util-crypto'
import { stringToU8a, u8aConcat } from '@polkadot/util'
import crypto from 'hypercore-crypto'

/**
 * The key pair of slot `slot` of plan `plan` over a feed: derived from public values, so that every encoder
 * (the two that must agree, and a later repairer) writes the very same hypercore — same key, same
 * deterministic ed25519 signatures, same tree hash. The secret being public is fine: what binds a slot is
 * the tree hash the chain committed, which hosters and the chain check, not who could sign it.
 */
export function slotKeyPair (feedKey: Uint8Array, plan: bigint, slot: number): { publicKey: Uint8Array, secretKey: Uint8Array } {
  const ids = new Uint8Array(10)
  const view = new DataView(ids.buffer)
  view.setBigUint64(0, plan, true)
  view.setUint16(8, slot, true)
  return crypto.keyPair(blake2AsU8a(u8aConcat(stringToU8a('datdot/slot'), feedKey, ids), 256))
}

import { blake2AsU8a } from '@polkadot/util-crypto'
import { stringToU8a, u8aConcat } from '@polkadot/util'
import Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'

export interface SlotSigner {
  readonly keyPair: { publicKey: Uint8Array, secretKey: Uint8Array }
  /** Stated, not left to defaults: the core's key is the hash of its manifest. */
  readonly manifest: { version: 1, signers: Array<{ publicKey: Uint8Array }> }
}

/**
 * The signer of slot `slot` of plan `plan` over a feed: derived from public values, so that every encoder
 * (the two that must agree, and a later repairer) writes the very same hypercore — same key, same
 * deterministic ed25519 signatures, same tree hash. The secret being public is fine: what binds a slot is
 * the tree hash the chain committed, which hosters and the chain check, not who could sign it.
 */
export function slotSigner (feedKey: Uint8Array, plan: bigint, slot: number): SlotSigner {
  const ids = new Uint8Array(10)
  const view = new DataView(ids.buffer)
  view.setBigUint64(0, plan, true)
  view.setUint16(8, slot, true)
  const keyPair = crypto.keyPair(blake2AsU8a(u8aConcat(stringToU8a('datdot/slot'), feedKey, ids), 256))
  return { keyPair, manifest: { version: 1, signers: [{ publicKey: keyPair.publicKey }] } }
}

/** The hypercore key of a slot, for hosters, attesters and readers to open it by. */
export function slotKey (feedKey: Uint8Array, plan: bigint, slot: number): Uint8Array {
  return Hypercore.key(slotSigner(feedKey, plan, slot).manifest)
}

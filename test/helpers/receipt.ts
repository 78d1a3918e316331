import type Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import { u8aToHex } from '@polkadot/util'
import { ed25519Sign } from '@polkadot/util-crypto'
import { makeHashProof } from '../../hypercore/make.js'
import { receiptContext, receiptMessage } from '../../protocol/receipt.js'

export interface ReceiptArgs { indexes: bigint[], hashes: Array<`0x${string}`>, proofs: Array<`0x${string}`>, signature: `0x${string}` }

/**
 * The receipt a hoster holding `core` signs with its noise key for an attester of check `checkId`: the
 * blocks at `indexes`, their leaf hashes and hash proofs against the root of `length` blocks.
 */
export async function receiptFor (core: Hypercore, noise: { publicKey: Uint8Array, secretKey: Uint8Array }, checkId: bigint, attester: Uint8Array, indexes: bigint[], length: number): Promise<ReceiptArgs> {
  const hashes = await Promise.all(indexes.map(async (i) => crypto.data((await core.get(Number(i)))!)))
  const proofs = await Promise.all(indexes.map(async (i) => u8aToHex(await makeHashProof(core, Number(i), length))))
  const signature = ed25519Sign(receiptMessage(receiptContext(checkId, attester), indexes, hashes), noise)
  return { indexes, hashes: hashes.map((h) => u8aToHex(h)), proofs, signature: u8aToHex(signature) }
}

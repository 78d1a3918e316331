import { u8aConcat, stringToU8a } from '@polkadot/util'
import { blake2AsU8a, ed25519Verify } from '@polkadot/util-crypto'
import { definePallet } from '../frame/pallet.js'
import { value } from '../frame/storage.js'
import { H256, fixed } from '../types/ty.js'
import { findPreDigest, randomnessMessage } from '../block/pre-digest.js'

const storage = {
  Seed: value({ type: H256, default: new Uint8Array(32), docs: 'R(n) = blake2_256(R(n-1) ++ author signature of block n).' }),
  Authority: value({ type: fixed(32), default: new Uint8Array(32), docs: 'ed25519 public key of the block author: the node\'s own key, never one from the chain spec outside --dev.' })
}

export const Randomness = definePallet({
  name: 'Randomness',
  storage,
  errors: {
    BadRandomnessSignature: 'The block author did not sign the randomness of this block.'
  },
  hooks: {
    critical: true,
    onInitialize (ctx) {
      const pre = findPreDigest(ctx.block.digest)
      const previous = storage.Seed.get(ctx)
      if (pre === null || !ed25519Verify(randomnessMessage(previous, ctx.block.number), pre.signature, storage.Authority.get(ctx))) {
        throw Randomness.errors.BadRandomnessSignature()
      }
      storage.Seed.set(ctx, blake2AsU8a(u8aConcat(previous, pre.signature), 256))
    }
  },
  genesis (ctx, spec, node) {
    storage.Seed.set(ctx, blake2AsU8a(stringToU8a(spec.genesis.randomnessSeed), 256))
    storage.Authority.set(ctx, node.authority)
  }
})

/** The randomness of the current block, for pallets that draw from it. */
export const seed = storage.Seed

/** The block author's public key, which every block's randomness signature must verify against. */
export const authority = storage.Authority

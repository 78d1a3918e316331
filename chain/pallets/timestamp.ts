import { constant, definePallet } from '../frame/pallet.js'
import { value } from '../frame/storage.js'
import { u64 } from '../types/ty.js'
import { findPreDigest } from '../block/pre-digest.js'

/** Half the default block time: polkadot-js derives the expected block time (and so mortal era lengths) from it. */
const MINIMUM_PERIOD = 3000n

const storage = {
  Now: value({ type: u64, default: 0n, docs: 'Unix time in milliseconds of the current block.' })
}

export const Timestamp = definePallet({
  name: 'Timestamp',
  storage,
  errors: {
    TimeWentBackwards: 'A block may not have an earlier timestamp than its parent.'
  },
  constants: {
    MinimumPeriod: constant(u64, MINIMUM_PERIOD, 'Half the expected block time, in milliseconds.')
  },
  hooks: {
    critical: true,
    onInitialize (ctx) {
      const pre = findPreDigest(ctx.block.digest)
      if (pre === null) throw Timestamp.errors.TimeWentBackwards('the block carries no timestamp')
      if (pre.timestamp < storage.Now.get(ctx)) throw Timestamp.errors.TimeWentBackwards()
      storage.Now.set(ctx, pre.timestamp)
    }
  }
})

export const now = storage.Now

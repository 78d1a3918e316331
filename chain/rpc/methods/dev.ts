import { u8aToHex } from '@polkadot/util'
import { integer, options } from '../params.js'
import type { Handler } from '../types.js'

/** A bound on one call's work; the node answers other requests between the blocks it makes. */
const MAX_BLOCKS_PER_CALL = 1000

/** chopsticks' `dev_newBlock({ count })`: produces `count` (default 1) blocks now; returns the last one's hash. */
export const dev_newBlock: Handler = async ({ node }, [opts]) => {
  const { count = 1 } = options(opts, 'options')
  return u8aToHex(await node.newBlocks(integer(count, 'options.count', 1, MAX_BLOCKS_PER_CALL)))
}

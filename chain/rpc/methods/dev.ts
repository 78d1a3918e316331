import { u8aToHex } from '@polkadot/util'
import { integer, options } from '../params.js'
import type { Handler } from '../types.js'

/** Enough for a day of 6-second blocks (14,400) in one call; a bound so one call cannot stall the node for hours. */
const MAX_BLOCKS_PER_CALL = 100_000

/** chopsticks' `dev_newBlock({ count })`: produces `count` (default 1) blocks now; returns the last one's hash. */
export const dev_newBlock: Handler = async ({ node }, [opts]) => {
  const { count = 1 } = options(opts, 'options')
  return u8aToHex(await node.newBlocks(integer(count, 'options.count', 1, MAX_BLOCKS_PER_CALL)))
}

import { u8aToHex } from '@polkadot/util'
import type { ChainNode, StoredBlock } from '../../node/types.js'
import { headerJson, signedBlockJson } from '../blocks.js'
import { blockNumber, list, optionalHash } from '../params.js'
import type { Handler } from '../types.js'
import { follow, unsubscriber } from './pubsub.js'

/** The block `at` names, the best block without it, null if unknown (chain_* answer null, not an error). */
function lookup (node: ChainNode, at: unknown): StoredBlock | null {
  const hash = optionalHash(at, 'block hash')
  return hash === undefined ? node.best() : node.blockByHash(hash)
}

const hashAt = (node: ChainNode, n: number): string | null => {
  const block = node.blockByNumber(n)
  return block === null ? null : u8aToHex(block.hash)
}

/** Substrate's ListOrValue<NumberOrHex>: a number gives a hash, a list gives a list; nothing gives the best hash. */
export const chain_getBlockHash: Handler = ({ node }, [n]) => {
  if (n === undefined || n === null) return u8aToHex(node.best().hash)
  if (Array.isArray(n)) return list(n, 'block numbers', blockNumber).map((b) => hashAt(node, b))
  return hashAt(node, blockNumber(n, 'block number'))
}

export const chain_getHeader: Handler = ({ node }, [at]) => {
  const block = lookup(node, at)
  return block === null ? null : headerJson(node, block)
}

export const chain_getBlock: Handler = ({ node }, [at]) => {
  const block = lookup(node, at)
  // A pruned body (--blocks-pruning) is no block, as in Substrate; its header is still served.
  return block === null || block.extrinsics === null ? null : signedBlockJson(node, { ...block, extrinsics: block.extrinsics })
}

export const chain_getFinalizedHead: Handler = ({ node }) => u8aToHex(node.finalized().hash)
export const chain_getFinalisedHead = chain_getFinalizedHead

/** Sends the current head at once, then every imported block (instant finality: imported = finalized). */
const heads = (notification: string, current: (node: ChainNode) => StoredBlock): Handler => (ctx) => {
  const subscription = follow(ctx, notification, 'block', (sub, block) => sub.send(headerJson(ctx.node, block)))
  subscription.send(headerJson(ctx.node, current(ctx.node)))
  return subscription.id
}

export const chain_subscribeNewHeads = heads('chain_newHead', (node) => node.best())
export const chain_subscribeNewHead = chain_subscribeNewHeads
export const subscribe_newHead = chain_subscribeNewHeads
export const chain_unsubscribeNewHeads = unsubscriber('chain_newHead')
export const chain_unsubscribeNewHead = chain_unsubscribeNewHeads
export const unsubscribe_newHead = chain_unsubscribeNewHeads

export const chain_subscribeFinalizedHeads = heads('chain_finalizedHead', (node) => node.finalized())
export const chain_subscribeFinalisedHeads = chain_subscribeFinalizedHeads
export const chain_unsubscribeFinalizedHeads = unsubscriber('chain_finalizedHead')
export const chain_unsubscribeFinalisedHeads = chain_unsubscribeFinalizedHeads

export const chain_subscribeAllHeads = heads('chain_allHead', (node) => node.best())
export const chain_unsubscribeAllHeads = unsubscriber('chain_allHead')

import { u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import type { ChainNode, StoredBlock } from '../../node/types.js'
import { blockAt } from '../blocks.js'
import { ErrorCode, oversizedResponse, RpcError, stateDiscarded } from '../errors.js'
import { bytes, hex, hexList, integer, optionalHash, optionalHex, text } from '../params.js'
import type { Handler } from '../types.js'
import { follow, unsubscriber } from './pubsub.js'
import { runtimeCall } from './runtime-call.js'

/** Substrate's STORAGE_KEYS_PAGED_MAX_COUNT: larger pages are refused, not shortened, so no client mistakes a short page for the end. */
const MAX_PAGE = 1000

/** The block a state query reads at; an error if unknown or if its state was pruned. */
function at (node: ChainNode, v: unknown): StoredBlock {
  const block = blockAt(node, optionalHash(v, 'at'))
  if (block.number < node.oldestState()) throw stateDiscarded(u8aToHex(block.hash))
  return block
}

const value = (node: ChainNode, key: string, block: StoredBlock): string | null => {
  const v = node.storage(key, block.hash)
  return v === null ? null : u8aToHex(v)
}

/** A StorageChangeSet: `{ block, changes: [[key, value | null]] }`; -32008 as soon as it outgrows `maxBytes`. */
function changeSet (node: ChainNode, block: StoredBlock, keys: readonly string[], maxBytes: number) {
  let size = 0
  const changes = keys.map((key) => {
    const v = value(node, key, block)
    size += key.length + (v?.length ?? 4) + 6
    if (size > maxBytes) throw oversizedResponse(maxBytes)
    return [key, v]
  })
  return { block: u8aToHex(block.hash), changes }
}

function allKeys (node: ChainNode, prefix: string, block: StoredBlock): string[] {
  const keys: string[] = []
  for (;;) {
    const page = node.keysPaged(prefix, MAX_PAGE, keys.at(-1), block.hash)
    keys.push(...page)
    if (page.length < MAX_PAGE) return keys
  }
}

// One runtime for the whole chain: `at` is only checked (an unknown block is an error, as in Substrate).
export const state_getMetadata: Handler = ({ node }, [block]) => {
  at(node, block)
  return node.metadataHex
}

export const state_getRuntimeVersion: Handler = ({ node }, [block]) => {
  at(node, block)
  return node.runtimeVersion
}
export const chain_getRuntimeVersion = state_getRuntimeVersion

/** The runtime never upgrades, so the current version is the only notification. */
export const state_subscribeRuntimeVersion: Handler = (ctx) => {
  const subscription = ctx.subscribe('state_runtimeVersion', () => {})
  subscription.send(ctx.node.runtimeVersion)
  return subscription.id
}
export const chain_subscribeRuntimeVersion = state_subscribeRuntimeVersion
export const state_unsubscribeRuntimeVersion = unsubscriber('state_runtimeVersion')
export const chain_unsubscribeRuntimeVersion = state_unsubscribeRuntimeVersion

export const state_getStorage: Handler = ({ node }, [key, block]) => value(node, hex(key, 'key'), at(node, block))
export const state_getStorageAt = state_getStorage

export const state_getStorageHash: Handler = ({ node }, [key, block]) => {
  const v = node.storage(hex(key, 'key'), at(node, block).hash)
  return v === null ? null : blake2AsHex(v, 256)
}
export const state_getStorageHashAt = state_getStorageHash

export const state_getStorageSize: Handler = ({ node }, [key, block]) => {
  const v = node.storage(hex(key, 'key'), at(node, block).hash)
  return v === null ? null : v.length
}
export const state_getStorageSizeAt = state_getStorageSize

export const state_getKeysPaged: Handler = ({ node }, [prefix, count, startKey, block]) => {
  const n = integer(count, 'count', 0, 0xffff_ffff)
  if (n > MAX_PAGE) {
    throw new RpcError(ErrorCode.stateInvalidCount, `count exceeds maximum value. value: ${n}, max: ${MAX_PAGE}`)
  }
  return node.keysPaged(optionalHex(prefix, 'prefix') ?? '0x', n, optionalHex(startKey, 'startKey'), at(node, block).hash)
}
export const state_getKeysPagedAt = state_getKeysPaged

export const state_getKeys: Handler = ({ node }, [prefix, block]) => allKeys(node, hex(prefix, 'prefix'), at(node, block))

export const state_getPairs: Handler = ({ node }, [prefix, block]) => {
  const b = at(node, block)
  return allKeys(node, hex(prefix, 'prefix'), b).map((key) => [key, value(node, key, b)])
}

export const state_queryStorageAt: Handler = ({ node, maxResponseBytes }, [keys, block]) =>
  [changeSet(node, at(node, block), hexList(keys, 'keys'), maxResponseBytes)]

/**
 * With keys: their current values at once, then after each block the ones it changed. Without keys
 * (Substrate's "all storage"): after each block, every key it changed.
 */
export const state_subscribeStorage: Handler = (ctx, [rawKeys]) => {
  const keys = rawKeys === undefined || rawKeys === null ? undefined : hexList(rawKeys, 'keys')
  const watched = new Set(keys)
  const subscription = follow(ctx, 'state_storage', 'block', (sub, block, changed) => {
    // Whichever of the two is smaller is walked: a block's work per subscription is not its key count.
    const hit = keys === undefined
      ? [...changed].sort()
      : changed.size < watched.size ? [...changed].filter((key) => watched.has(key)).sort() : keys.filter((key) => changed.has(key))
    if (hit.length > 0) sub.send(changeSet(ctx.node, block, hit, Number.POSITIVE_INFINITY))
  })
  if (keys !== undefined) subscription.send(changeSet(ctx.node, ctx.node.best(), keys, ctx.maxResponseBytes))
  return subscription.id
}
export const state_unsubscribeStorage = unsubscriber('state_storage')

export const state_call: Handler = ({ node }, [method, data, block]) => {
  const name = text(method, 'method')
  const args = bytes(data ?? '0x', 'data')
  at(node, block)
  return runtimeCall(node, name, args)
}
export const state_callAt = state_call

import type { ChainNode } from '../../node/types.js'
import type { Handler } from '../types.js'
import * as author from './author.js'
import * as chain from './chain.js'
import * as dev from './dev.js'
import * as rpc from './rpc.js'
import * as state from './state.js'
import * as system from './system.js'

// Each module exports exactly its handlers, named after their JSON-RPC methods (aliases are extra exports).
const modules: ReadonlyArray<Record<string, Handler>> = [author, chain, rpc, state, system]

/** The methods this node serves: dev_* only on a --dev node. */
export function methodTable (node: ChainNode): ReadonlyMap<string, Handler> {
  return new Map((node.dev ? [...modules, dev] : modules).flatMap((m) => Object.entries(m)))
}

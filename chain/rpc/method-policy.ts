import { isIP } from 'node:net'
import { unsafeMethod } from './errors.js'
import type { Handler } from './types.js'

/** Substrate's `--rpc-methods`: `auto` serves unsafe methods only on a loopback address. */
export type RpcMethodsPolicy = 'auto' | 'safe' | 'unsafe'

/** Methods that change the node or read it whole, which a public node must not serve to anyone (Substrate's DenyUnsafe). */
const UNSAFE = new Set(['state_getKeys', 'state_getPairs', 'system_peers'])

export const isUnsafeMethod = (name: string): boolean => name.startsWith('dev_') || UNSAFE.has(name)

/** The unsafe methods, for messages. */
export const UNSAFE_METHODS = ['dev_*', ...UNSAFE].join(', ')

export function isLoopback (host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}

/** Whether unsafe methods are served: `auto` means on a loopback `host` only. */
export const servesUnsafe = (policy: RpcMethodsPolicy, host: string): boolean =>
  policy === 'unsafe' || (policy === 'auto' && isLoopback(host))

/** The table with every unsafe method answering Substrate's refusal instead (they stay listed, as in Substrate). */
export function denyUnsafe (handlers: ReadonlyMap<string, Handler>): ReadonlyMap<string, Handler> {
  const refuse: Handler = () => { throw unsafeMethod() }
  return new Map([...handlers].map(([name, handler]) => [name, isUnsafeMethod(name) ? refuse : handler]))
}

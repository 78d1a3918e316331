import { hexToU8a } from '@polkadot/util'
import { invalidParams } from './errors.js'

// Validators for handler params: each returns the value in the shape the node wants or throws -32602
// naming the param, so that no malformed input reaches the node.

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/
const MAX_U32 = 0xffff_ffff
/** Most items in a list param (keys, block numbers): each costs a read, and a reply is built whole before it is measured. */
export const MAX_LIST = 1000

/** A client's string cut to `max` characters, to echo in an error. */
export const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}…` : s)

/** A param as an error message shows it: never the whole of a hostile value (a deep nesting would overflow the stack). */
function show (v: unknown): string {
  if (v === undefined) return 'nothing'
  if (Array.isArray(v)) return `an array of ${v.length}`
  if (typeof v === 'object' && v !== null) return 'an object'
  return typeof v === 'string' ? JSON.stringify(clip(v, 40)) : JSON.stringify(v)
}

const absent = (v: unknown): v is undefined | null => v === undefined || v === null

/** 0x-prefixed hex with whole bytes, lowercased (storage keys are lowercase hex). */
export function hex (v: unknown, name: string): string {
  if (typeof v !== 'string' || !HEX.test(v)) throw invalidParams(`${name}: expected 0x-prefixed hex bytes, got ${show(v)}`)
  return v.toLowerCase()
}

export function bytes (v: unknown, name: string): Uint8Array {
  return hexToU8a(hex(v, name))
}

export function hash (v: unknown, name: string): Uint8Array {
  const h = hex(v, name)
  if (h.length !== 66) throw invalidParams(`${name}: expected a 32-byte hash, got ${show(v)}`)
  return hexToU8a(h)
}

export function optionalHash (v: unknown, name: string): Uint8Array | undefined {
  return absent(v) ? undefined : hash(v, name)
}

export function optionalHex (v: unknown, name: string): string | undefined {
  return absent(v) ? undefined : hex(v, name)
}

/** A list param of at most MAX_LIST items, each checked by `item`. */
export function list<T> (v: unknown, name: string, item: (v: unknown, name: string) => T): T[] {
  if (!Array.isArray(v)) throw invalidParams(`${name}: expected an array, got ${show(v)}`)
  if (v.length > MAX_LIST) throw invalidParams(`${name}: at most ${MAX_LIST} items, got ${v.length}`)
  return v.map((x, i) => item(x, `${name}[${i}]`))
}

export const hexList = (v: unknown, name: string): string[] => list(v, name, hex)

export function integer (v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalidParams(`${name}: expected an integer from ${min} to ${max}, got ${show(v)}`)
  }
  return v
}

/** Substrate's NumberOrHex for block numbers: a u32 as a JSON number or a 0x-hex string. */
export function blockNumber (v: unknown, name: string): number {
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{1,8}$/.test(v)) return parseInt(v.slice(2), 16)
  if (typeof v === 'string') throw invalidParams(`${name}: expected a block number, got ${show(v)}`)
  return integer(v, name, 0, MAX_U32)
}

export function text (v: unknown, name: string): string {
  if (typeof v !== 'string') throw invalidParams(`${name}: expected a string, got ${show(v)}`)
  return v
}

/** Subscription ids are strings here; some clients echo them back as numbers. */
export function subscriptionId (v: unknown): string {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v)
  return text(v, 'subscription id')
}

/** A params object like chopsticks' `dev_newBlock({ count })`. */
export function options (v: unknown, name: string): Record<string, unknown> {
  if (absent(v)) return {}
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidParams(`${name}: expected an object, got ${show(v)}`)
  return v as Record<string, unknown>
}

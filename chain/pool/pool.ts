import { u8aToHex } from '@polkadot/util'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import type { Candidate } from '../runtime/runtime.js'
import { invalid } from '../extrinsic/invalid.js'
import { normalShare, normalWeightShare } from '../block/limits.js'
import type { BlockLimits } from '../block/limits.js'

export interface PoolLimits {
  /** Pending transactions one account may have. */
  readonly perAccount: number
  /** Pending transactions in all. */
  readonly total: number
  /** How far beyond the account's next nonce (counting its ready transactions) one may be queued. */
  readonly futureGap: number
  /** Bytes of pending transactions in all (Substrate's default pool holds 20 MiB of ready ones). */
  readonly bytes: number
}

export const DEFAULT_POOL_LIMITS: PoolLimits = { perAccount: 256, total: 16384, futureGap: 64, bytes: 20 * 1024 * 1024 }

/** What including a transaction costs, as the runtime declares it. */
export interface TxCost {
  /** Fee and tip, charged when it is included. */
  readonly fee: bigint
  /** Its weight, the base extrinsic weight included. */
  readonly weight: bigint
  /** Free proofs and reports: ahead of every normal transaction, and may use the whole block. */
  readonly operational: boolean
  /** A free call's duty: one transaction per signer and tag waits here (Substrate's `provides`). */
  readonly tag: string | null
}

const NO_COST: TxCost = { fee: 0n, weight: 0n, operational: false, tag: null }

interface Entry extends Candidate, TxCost {
  readonly arrival: number
  readonly priority: bigint
}

/** Operational ones first, then by tip per byte (Substrate orders by priority, which its fees derive from the tip). */
function priorityOf (ext: CheckedExtrinsic, operational: boolean): bigint {
  return (operational ? 1n << 200n : 0n) + (ext.tip << 32n) / BigInt(Math.max(1, ext.bytes.length))
}

export interface Added {
  readonly status: 'ready' | 'future'
  /** The transaction of the same sender and nonce this one replaced, by offering a higher tip per byte. */
  readonly replaced: CheckedExtrinsic | null
}

/** Higher priority first, then earlier arrival. */
const before = (a: Entry, b: Entry): boolean => a.priority === b.priority ? a.arrival < b.arrival : a.priority > b.priority

/**
 * Pending extrinsics, per account by nonce. A transaction is ready when every nonce before it, from the
 * account's next nonce on, is in the pool; blocks take ready ones by priority, then by arrival.
 */
export class TxPool {
  readonly #byHash = new Map<string, Entry>()
  readonly #byAccount = new Map<string, Map<number, Entry>>()
  /** By signer and tag: the free calls waiting. */
  readonly #byTag = new Map<string, Entry>()
  #arrivals = 0
  #bytes = 0

  constructor (readonly limits: PoolLimits = DEFAULT_POOL_LIMITS) {}

  get size (): number { return this.#byHash.size }

  /**
   * Throws why `ext` would be refused, without queuing it: the node asks before it runs a free call, so that
   * a copy the pool would refuse costs no dry run. Returns the transaction it would replace, if any.
   */
  check (ext: CheckedExtrinsic, accountNonce: number, cost: TxCost = NO_COST): Entry | null {
    if (this.#byHash.has(ext.hashHex)) throw invalid.alreadyImported()
    if (ext.nonce < accountNonce) throw invalid.staleNonce(ext.nonce, accountNonce)
    const next = this.nextNonce(ext.signer, accountNonce)
    if (ext.nonce > next + this.limits.futureGap) throw invalid.futureTooFar(ext.nonce, next, this.limits.futureGap)
    const mine = this.#byAccount.get(u8aToHex(ext.signer))
    const priority = priorityOf(ext, cost.operational)
    const taken = mine?.get(ext.nonce) ?? null
    if (taken !== null && !(priority > taken.priority)) throw invalid.nonceTaken(ext.nonce)
    const twin = cost.tag === null ? undefined : this.#byTag.get(tagKey(ext, cost.tag))
    if (twin !== undefined && twin !== taken) throw invalid.sameDuty(cost.tag!)
    const freed = taken === null ? 0 : 1
    if ((mine?.size ?? 0) - freed >= this.limits.perAccount) throw invalid.poolFull('this account', this.limits.perAccount)
    if (this.#byHash.size - freed >= this.limits.total) throw invalid.poolFull('the pool', this.limits.total)
    if (this.#bytes - (taken?.ext.bytes.length ?? 0) + ext.bytes.length > this.limits.bytes) throw invalid.poolBytesFull(this.limits.bytes)
    return taken
  }

  /**
   * Queues a checked extrinsic, or throws why not (see check). One of a nonce already taken replaces the
   * waiting one if it offers a higher priority (a higher tip per byte), and is refused otherwise.
   */
  add (ext: CheckedExtrinsic, death: number, accountNonce: number, cost: TxCost = NO_COST): Added {
    const taken = this.check(ext, accountNonce, cost)
    if (taken !== null) this.remove([taken.ext])
    const next = this.nextNonce(ext.signer, accountNonce)
    const who = u8aToHex(ext.signer)
    const mine = this.#byAccount.get(who) ?? new Map<number, Entry>()
    const entry: Entry = { ext, death, ...cost, arrival: this.#arrivals++, priority: priorityOf(ext, cost.operational) }
    mine.set(ext.nonce, entry)
    this.#byAccount.set(who, mine)
    this.#byHash.set(ext.hashHex, entry)
    if (cost.tag !== null) this.#byTag.set(tagKey(ext, cost.tag), entry)
    this.#bytes += ext.bytes.length
    return { status: ext.nonce === next ? 'ready' : 'future', replaced: taken?.ext ?? null }
  }

  /** The fees of the account's transactions waiting here, but the one of `nonce` (which a new one would replace). */
  pendingFees (who: Uint8Array, nonce: number): bigint {
    let sum = 0n
    for (const e of this.#byAccount.get(u8aToHex(who))?.values() ?? []) if (e.ext.nonce !== nonce) sum += e.fee
    return sum
  }

  /** The account's next nonce counting its ready transactions here. */
  nextNonce (who: Uint8Array, accountNonce: number): number {
    const mine = this.#byAccount.get(u8aToHex(who))
    let n = accountNonce
    while (mine?.has(n)) n++
    return n
  }

  /**
   * Ready transactions for a block, each account's in nonce order, merged by the priority of each account's
   * next one, then its arrival (so an account's later transactions do not ride on its first one's priority):
   * within the block's count, bytes and weight, normal ones within their share of bytes and weight. An account
   * whose next one does not fit gives no more (its later nonces would not apply); others' may still fit.
   */
  ready (accountNonce: (who: Uint8Array) => number, limits: BlockLimits): Candidate[] {
    const heads = new Heap<{ run: Entry[], at: number }>((a, b) => before(a.run[a.at], b.run[b.at]))
    for (const mine of this.#byAccount.values()) {
      const first = mine.values().next().value
      if (!first) continue
      const run: Entry[] = []
      for (let n = accountNonce(first.ext.signer); mine.has(n); n++) run.push(mine.get(n)!)
      if (run.length > 0) heads.push({ run, at: 0 })
    }
    const out: Candidate[] = []
    const all = { bytes: 0, weight: 0n }
    const normal = { bytes: 0, weight: 0n }
    const normalLimits = { bytes: normalShare(limits.bytes), weight: normalWeightShare(limits.weight) }
    const fits = (used: { bytes: number, weight: bigint }, max: { bytes: number, weight: bigint }, e: Entry): boolean =>
      used.bytes + e.ext.bytes.length <= max.bytes && used.weight + e.weight <= max.weight
    for (let head = heads.pop(); head !== undefined && out.length < limits.count; head = heads.pop()) {
      const entry = head.run[head.at]
      if (!fits(all, limits, entry) || (!entry.operational && !fits(normal, normalLimits, entry))) continue
      for (const used of entry.operational ? [all] : [all, normal]) {
        used.bytes += entry.ext.bytes.length
        used.weight += entry.weight
      }
      out.push(entry)
      if (head.at + 1 < head.run.length) heads.push({ run: head.run, at: head.at + 1 })
    }
    return out
  }

  /** Whether any transaction is ready: some account's next nonce is here. */
  hasReady (accountNonce: (who: Uint8Array) => number): boolean {
    for (const mine of this.#byAccount.values()) {
      const first = mine.values().next().value
      if (first !== undefined && mine.has(accountNonce(first.ext.signer))) return true
    }
    return false
  }

  /** Removes transactions (included, or no longer valid); one no longer here (replaced meanwhile) is left alone. */
  remove (exts: Iterable<CheckedExtrinsic>): void {
    for (const ext of exts) {
      const entry = this.#byHash.get(ext.hashHex)
      if (entry === undefined) continue
      this.#byHash.delete(ext.hashHex)
      this.#bytes -= ext.bytes.length
      if (entry.tag !== null) this.#byTag.delete(tagKey(ext, entry.tag))
      const who = u8aToHex(ext.signer)
      const mine = this.#byAccount.get(who)
      mine?.delete(ext.nonce)
      if (mine?.size === 0) this.#byAccount.delete(who)
    }
  }

  /** Transactions whose nonce is below the account's, or whose era ends by `blockNumber`: they can never apply. */
  outdated (accountNonce: (who: Uint8Array) => number, blockNumber: number): CheckedExtrinsic[] {
    const out: CheckedExtrinsic[] = []
    for (const mine of this.#byAccount.values()) {
      const first = mine.values().next().value
      if (!first) continue
      const next = accountNonce(first.ext.signer)
      for (const e of mine.values()) if (e.ext.nonce < next || e.death <= blockNumber) out.push(e.ext)
    }
    return out
  }

  all (): CheckedExtrinsic[] {
    return [...this.#byHash.values()].sort((a, b) => a.arrival - b.arrival).map((e) => e.ext)
  }
}

const tagKey = (ext: CheckedExtrinsic, tag: string): string => `${u8aToHex(ext.signer)}/${tag}`

/** A binary heap: `first(a, b)` when a comes out before b. */
class Heap<T> {
  readonly #items: T[] = []
  constructor (readonly first: (a: T, b: T) => boolean) {}

  push (item: T): void {
    const items = this.#items
    items.push(item)
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      if (!this.first(items[i], items[parent])) break
      ;[items[i], items[parent]] = [items[parent], items[i]]
      i = parent
    }
  }

  pop (): T | undefined {
    const items = this.#items
    const top = items[0]
    const last = items.pop()
    if (items.length > 0 && last !== undefined) {
      items[0] = last
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < items.length && this.first(items[l], items[best])) best = l
        if (r < items.length && this.first(items[r], items[best])) best = r
        if (best === i) break
        ;[items[i], items[best]] = [items[best], items[i]]
        i = best
      }
    }
    return top
  }
}

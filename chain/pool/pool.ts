import { u8aToHex } from '@polkadot/util'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import type { Candidate } from '../runtime/runtime.js'
import { invalid } from '../extrinsic/invalid.js'

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

interface Entry extends Candidate { readonly arrival: number }

/**
 * Pending extrinsics, per account by nonce. A transaction is ready when every nonce before it, from the
 * account's next nonce on, is in the pool; blocks take ready ones in order of arrival.
 */
export class TxPool {
  readonly #byHash = new Map<string, Entry>()
  readonly #byAccount = new Map<string, Map<number, Entry>>()
  #arrivals = 0
  #bytes = 0

  constructor (readonly limits: PoolLimits = DEFAULT_POOL_LIMITS) {}

  get size (): number { return this.#byHash.size }

  /** Queues a checked extrinsic, or throws why not. */
  add (ext: CheckedExtrinsic, death: number, accountNonce: number): 'ready' | 'future' {
    if (this.#byHash.has(ext.hashHex)) throw invalid.alreadyImported()
    if (ext.nonce < accountNonce) throw invalid.staleNonce(ext.nonce, accountNonce)
    const next = this.nextNonce(ext.signer, accountNonce)
    if (ext.nonce > next + this.limits.futureGap) throw invalid.futureTooFar(ext.nonce, next, this.limits.futureGap)
    const who = u8aToHex(ext.signer)
    const mine = this.#byAccount.get(who) ?? new Map<number, Entry>()
    if (mine.has(ext.nonce)) throw invalid.nonceTaken(ext.nonce)
    if (mine.size >= this.limits.perAccount) throw invalid.poolFull('this account', this.limits.perAccount)
    if (this.#byHash.size >= this.limits.total) throw invalid.poolFull('the pool', this.limits.total)
    if (this.#bytes + ext.bytes.length > this.limits.bytes) throw invalid.poolBytesFull(this.limits.bytes)
    const entry: Entry = { ext, death, arrival: this.#arrivals++ }
    mine.set(ext.nonce, entry)
    this.#byAccount.set(who, mine)
    this.#byHash.set(ext.hashHex, entry)
    this.#bytes += ext.bytes.length
    return ext.nonce === next ? 'ready' : 'future'
  }

  /** The account's next nonce counting its ready transactions here. */
  nextNonce (who: Uint8Array, accountNonce: number): number {
    const mine = this.#byAccount.get(u8aToHex(who))
    let n = accountNonce
    while (mine?.has(n)) n++
    return n
  }

  /**
   * Ready transactions, each account's in nonce order, accounts by the arrival of their first: at most `max`
   * of them and `maxBytes` in all. An account whose next one does not fit gives no more (its later nonces
   * would not apply); others' may still fit.
   */
  ready (accountNonce: (who: Uint8Array) => number, max: number, maxBytes = Number.POSITIVE_INFINITY): Candidate[] {
    const runs: Entry[][] = []
    for (const mine of this.#byAccount.values()) {
      const first = mine.values().next().value
      if (!first) continue
      const run: Entry[] = []
      for (let n = accountNonce(first.ext.signer); mine.has(n); n++) run.push(mine.get(n)!)
      if (run.length > 0) runs.push(run)
    }
    runs.sort((a, b) => a[0].arrival - b[0].arrival)
    const out: Candidate[] = []
    let bytes = 0
    for (const run of runs) {
      for (const entry of run) {
        if (out.length >= max) return out
        if (bytes + entry.ext.bytes.length > maxBytes) break
        bytes += entry.ext.bytes.length
        out.push(entry)
      }
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

  /** Removes transactions (included, or no longer valid). */
  remove (exts: Iterable<CheckedExtrinsic>): void {
    for (const ext of exts) {
      if (this.#byHash.delete(ext.hashHex)) this.#bytes -= ext.bytes.length
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

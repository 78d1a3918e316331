// An in-memory chain for the chain's own unit tests: the runtime executes blocks over a Map, without the
// node, the database or RPC, so that many random call sequences can run quickly.
import { expandMetadata } from '@polkadot/types'
import type { Call, DispatchError } from '@polkadot/types/interfaces'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import type { KeyringPair } from '@polkadot/keyring/types'
import { blake2AsU8a } from '@polkadot/util-crypto'
import { Runtime } from '../../chain/runtime/runtime.js'
import { PALLETS } from '../../chain/runtime/pallets.js'
import { Overlay } from '../../chain/state/overlay.js'
import type { StateReader } from '../../chain/state/overlay.js'
import type { ChainSpec } from '../../chain/spec/types.js'
import { authorityKey } from '../../chain/node/authority-key.js'
import { encodePreDigest, randomnessMessage } from '../../chain/block/pre-digest.js'
import { seed } from '../../chain/pallets/randomness.js'
import { EMPTY_ACCOUNT, System } from '../../chain/pallets/system.js'
import { DispatchError as DispatchErrorTy } from '../../chain/metadata/substrate-types.js'

/** What a signer without an account is given at its first transaction here (as each dev genesis account has). */
export const ENDOWMENT = 1_000_000n

class MemoryState implements StateReader {
  readonly map = new Map<string, Uint8Array>()
  get (key: string): Uint8Array | null { return this.map.get(key) ?? null }
  keysWithPrefix (prefix: string, after?: string, limit = Infinity): string[] {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix) && (after === undefined || k > after)).sort().slice(0, limit)
  }

  apply (changes: ReadonlyMap<string, Uint8Array | null>): void {
    for (const [k, v] of changes) v === null ? this.map.delete(k) : this.map.set(k, v)
  }
}

export class RuntimeHarness {
  readonly state = new MemoryState()
  /** Every event of every block, as `pallet.Name`. */
  readonly eventNames: string[] = []
  readonly eventLog: Array<{ block: number, name: string, data: unknown }> = []
  readonly tx: ReturnType<typeof expandMetadata>['tx']
  number = 0
  readonly #author: KeyringPair

  constructor (readonly runtime: Runtime, spec: ChainSpec) {
    // As a --dev node in memory: the spec's dev key if it names one, else a fresh key.
    this.#author = authorityKey({ spec, dev: true, basePath: null })
    const genesis = new Overlay(this.state)
    runtime.genesis(genesis, spec, { authority: this.#author.publicKey })
    this.state.apply(genesis.changes)
    this.tx = expandMetadata(runtime.meta.registry, runtime.meta.metadata).tx
  }

  static runtime (log: (msg: string, err: unknown) => void): Runtime {
    return new Runtime(PALLETS, log)
  }

  ctx () {
    return { state: new Overlay(this.state), codec: this.runtime.meta.codec }
  }

  /**
   * Executes one block with these calls, each signed by its account with its next nonce; returns each
   * call's outcome: 'ok', the pallet's error as `section.Name`, or `skipped:<reason>` for one left out.
   * A free call that fails is left out of the block and uses no nonce, so the block is run again without it
   * (execution is deterministic) until every call it includes has its right nonce.
   */
  block (calls: Array<[Call, Uint8Array]>): string[] {
    const number = ++this.number
    for (const [, who] of calls) this.#endow(who)
    const read = this.ctx()
    const signature = this.#author.sign(randomnessMessage(seed.get(read), number))
    const digest = [encodePreDigest({ timestamp: BigInt(number * 6000), signature })]
    const registry = this.runtime.meta.registry
    const results = calls.map(() => 'ok')
    const leftOut = new Set<number>()
    for (;;) {
      const nonces = new Map<string, number>()
      const indexOf = new Map<unknown, number>()
      const candidates = calls.flatMap(([call, who], i) => {
        if (leftOut.has(i)) return []
        const id = Buffer.from(who).toString('hex')
        const nonce = nonces.get(id) ?? System.storage.Account.get(read, who).nonce
        nonces.set(id, nonce + 1)
        const hash = blake2AsU8a(new Uint8Array([number, nonce]))
        const ext = { bytes: call.toU8a(), hash, hashHex: `0x${Buffer.from(hash).toString('hex')}`, signer: who, nonce, tip: 0n, call, era: null as never }
        indexOf.set(ext, i)
        return [{ ext, death: Infinity }]
      })
      const state = new Overlay(this.state)
      const { included, skipped, events } = this.runtime.executeBlock(state, { number, parentHash: new Uint8Array(32), digest }, candidates)
      const failedFree = skipped.filter((s) => s.reason === 'invalid')
      for (const { ext, error } of failedFree) {
        leftOut.add(indexOf.get(ext)!)
        results[indexOf.get(ext)!] = this.#errorName(registry.createType('DispatchError', this.runtime.meta.codec.encode(DispatchErrorTy, error!)))
      }
      if (failedFree.length > 0) continue
      for (const { ext, reason } of skipped) results[indexOf.get(ext)!] = `skipped:${reason}`
      this.state.apply(state.changes)
      for (const record of events) {
        const { event, phase } = registry.createType('FrameSystemEventRecord', record) as unknown as FrameSystemEventRecord
        this.eventNames.push(`${event.section}.${event.method}`)
        this.eventLog.push({ block: number, name: `${event.section}.${event.method}`, data: event.data })
        if (phase.isApplyExtrinsic && event.section === 'system' && event.method === 'ExtrinsicFailed') {
          results[indexOf.get(included[phase.asApplyExtrinsic.toNumber()])!] = this.#errorName((event.data as unknown as { dispatchError: DispatchError }).dispatchError)
        }
      }
      return results
    }
  }

  #errorName (error: DispatchError): string {
    const meta = error.isModule ? this.runtime.meta.registry.findMetaError(error.asModule) : null
    return meta === null ? error.type : `${meta.section}.${meta.name}`
  }

  /**
   * A signer that has no account yet is given one with ENDOWMENT ratio, as the dev chain's genesis accounts
   * have: these tests are of the pallets, and each signer pays its fees (test/chain/fees.test.ts tests them).
   */
  #endow (who: Uint8Array): void {
    const ctx = this.ctx()
    if (System.storage.Account.contains(ctx, who)) return
    System.storage.Account.set(ctx, who, { ...EMPTY_ACCOUNT, providers: 1, data: { ...EMPTY_ACCOUNT.data, free: ENDOWMENT } })
    this.state.apply(ctx.state.changes)
  }

  /** The data of every event `section.method` so far (decoded, as polkadot-js gives it). */
  seen (section: string, method: string): any[] {
    return this.eventLog.filter((e) => e.name === `${section}.${method}`).map((e) => e.data)
  }

  /** How many events `section.method` the blocks so far emitted. */
  events (section: string, method: string): number {
    return this.eventNames.filter((n) => n === `${section}.${method}`).length
  }
}

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
import { System } from '../../chain/pallets/system.js'

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
   * Executes one block with these calls, each signed by its account with its current nonce; returns each
   * call's outcome: 'ok', or the pallet's error as `section.Name`.
   */
  block (calls: Array<[Call, Uint8Array]>): string[] {
    const number = ++this.number
    const read = this.ctx()
    const nonces = new Map<string, number>()
    const candidates = calls.map(([call, who]) => {
      const id = Buffer.from(who).toString('hex')
      const nonce = nonces.get(id) ?? System.storage.Account.get(read, who).nonce
      nonces.set(id, nonce + 1)
      const hash = blake2AsU8a(new Uint8Array([number, nonce]))
      return { ext: { bytes: call.toU8a(), hash, hashHex: `0x${Buffer.from(hash).toString('hex')}`, signer: who, nonce, call, era: null as never }, death: Infinity }
    })
    const signature = this.#author.sign(randomnessMessage(seed.get(read), number))
    const digest = [encodePreDigest({ timestamp: BigInt(number * 6000), signature })]
    const state = new Overlay(this.state)
    const { events } = this.runtime.executeBlock(state, { number, parentHash: new Uint8Array(32), digest }, candidates)
    this.state.apply(state.changes)
    const registry = this.runtime.meta.registry
    const results = calls.map(() => 'ok')
    for (const record of events) {
      const { event, phase } = registry.createType('FrameSystemEventRecord', record) as unknown as FrameSystemEventRecord
      this.eventNames.push(`${event.section}.${event.method}`)
      this.eventLog.push({ block: number, name: `${event.section}.${event.method}`, data: event.data })
      if (phase.isApplyExtrinsic && event.section === 'system' && event.method === 'ExtrinsicFailed') {
        const error = (event.data as unknown as { dispatchError: DispatchError }).dispatchError
        const meta = error.isModule ? registry.findMetaError(error.asModule) : null
        results[phase.asApplyExtrinsic.toNumber()] = meta === null ? error.type : `${meta.section}.${meta.name}`
      }
    }
    return results
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

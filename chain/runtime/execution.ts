import { compactToU8a, u8aConcat } from '@polkadot/util'
import type { Call } from '@polkadot/types/interfaces'
import { Overlay } from '../state/overlay.js'
import type { AnyPallet, BlockInfo, DispatchCtx, Origin } from '../frame/pallet.js'
import { BadOrigin, DispatchFailure } from '../frame/dispatch-error.js'
import { Phase } from '../metadata/substrate-types.js'
import type { DispatchErrorValue, PhaseValue } from '../metadata/substrate-types.js'
import type { RuntimeMetadata } from '../metadata/build.js'
import { fromCodec } from '../types/codec.js'

/** An empty `Vec<H256>` of topics. */
const NO_TOPICS = new Uint8Array([0])

/** The runtime as an execution needs it: metadata and pallets by index. */
export interface RuntimeModules {
  readonly meta: RuntimeMetadata
  indexOf (pallet: AnyPallet): number
  palletAt (index: number): AnyPallet | undefined
}

/**
 * The context of one block's execution: the block's overlay, the events so far, the current phase.
 * Dispatches run in a child overlay that is dropped, with their events, when they fail.
 */
export class Execution implements DispatchCtx {
  /** SCALE `EventRecord`s: kept encoded, as they are only ever stored. */
  readonly events: Uint8Array[] = []
  phase: PhaseValue = { type: 'Initialization' }
  #state: Overlay
  #phaseBytes: Uint8Array | null = null

  constructor (readonly modules: RuntimeModules, state: Overlay, readonly block: BlockInfo, readonly log: (msg: string, err: unknown) => void) {
    this.#state = state
  }

  get state (): Overlay { return this.#state }
  get codec () { return this.modules.meta.codec }

  setPhase (phase: PhaseValue): void {
    this.phase = phase
    this.#phaseBytes = null
  }

  deposit (pallet: AnyPallet, event: unknown): void {
    this.depositEncoded(u8aConcat([this.modules.indexOf(pallet)], this.codec.encode(pallet.eventTy!, event as never)))
  }

  /** Deposits an already encoded `RuntimeEvent`, with no topics. */
  depositEncoded (event: Uint8Array): void {
    this.#phaseBytes ??= this.codec.encode(Phase, this.phase)
    this.events.push(u8aConcat(this.#phaseBytes, event, NO_TOPICS))
  }

  /** The SCALE `Vec<EventRecord>` of the events so far. */
  encodedEvents (): Uint8Array {
    return u8aConcat(compactToU8a(this.events.length), ...this.events)
  }

  dispatch (call: Uint8Array, origin: Origin): DispatchErrorValue | null {
    let decoded: Call
    try {
      decoded = this.modules.meta.registry.createTypeUnsafe<Call>('Call', [call], { isPedantic: true })
    } catch {
      return { type: 'CannotLookup' }
    }
    return this.dispatchCall(decoded, origin)
  }

  /** Runs a decoded call transactionally; returns null on success, else why it failed. */
  dispatchCall (call: Call, origin: Origin): DispatchErrorValue | null {
    const failure = this.transactional(() => this.run(call, origin))
    return failure === null ? null : this.toDispatchError(failure.err)
  }

  /**
   * Runs `work` in a child overlay: committed when it returns, dropped with the events it deposited when it
   * throws. Returns what it threw (wrapped: a pallet may throw anything), or null.
   */
  transactional (work: () => void): { err: unknown } | null {
    const outer = this.#state
    const eventsBefore = this.events.length
    this.#state = outer.child()
    try {
      work()
      this.#state.commit()
      return null
    } catch (err) {
      this.events.length = eventsBefore
      return { err }
    } finally {
      this.#state = outer
    }
  }

  /** Runs a decoded call in place: a failure throws, and what it changed is the caller's to drop. */
  run (call: Call, origin: Origin): void {
    const [palletIndex, callIndex] = call.callIndex
    const pallet = this.modules.palletAt(palletIndex)
    const entry = pallet?.calls[callIndex]
    if (!pallet || !entry) throw DispatchFailure.plain('CannotLookup', `no call at index ${palletIndex}/${callIndex}`)
    const { spec } = entry
    if (spec.origin === 'root' && origin.type !== 'Root') throw BadOrigin(`${pallet.name}.${entry.name} needs the root origin`)
    if (spec.origin === 'signed' && origin.type !== 'Signed') throw BadOrigin(`${pallet.name}.${entry.name} must be signed`)
    const args: Record<string, unknown> = {}
    Object.entries(spec.args).forEach(([name, ty], i) => { args[name] = fromCodec(ty, call.args[i]) })
    spec.run(this, origin, args)
  }

  /** Runs a pallet hook: critical ones throw through, others roll back alone on failure. */
  runHook (pallet: AnyPallet, hook: 'onInitialize' | 'onFinalize'): void {
    const fn = pallet.hooks[hook]
    if (fn === undefined) return
    if (pallet.hooks.critical === true) return fn(this)
    const failure = this.transactional(() => fn(this))
    if (failure !== null) this.log(`${pallet.name}.${hook} failed; its changes were dropped`, failure.err)
  }

  toDispatchError (err: unknown): DispatchErrorValue {
    if (err instanceof DispatchFailure) {
      if (err.pallet === null) return { type: err.code } as DispatchErrorValue
      const error = new Uint8Array(4)
      error[0] = err.pallet.errorNames.indexOf(err.code)
      return { type: 'Module', value: { index: this.modules.indexOf(err.pallet), error } }
    }
    // A bug in a call must not take the node down: the call fails and its changes are dropped.
    this.log('dispatch threw an unexpected error', err)
    return { type: 'Other' }
  }
}

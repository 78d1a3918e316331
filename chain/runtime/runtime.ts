import type { AnyPallet, BlockInfo, GenesisNode } from '../frame/pallet.js'
import type { Overlay } from '../state/overlay.js'
import { buildMetadata } from '../metadata/build.js'
import type { PalletSlot, RuntimeMetadata } from '../metadata/build.js'
import type { DispatchErrorValue, DispatchInfoValue } from '../metadata/substrate-types.js'
import { stringToU8a, u8aConcat } from '@polkadot/util'
import type { Call } from '@polkadot/types/interfaces'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import type { ChainSpec } from '../spec/types.js'
import { BLOCK_HASH_COUNT, System } from '../pallets/system.js'
import { feePaid, totalFee } from '../pallets/transaction-payment.js'
import type { CallInfo } from '../frame/weight.js'
import { EXTRINSIC_BASE_WEIGHT } from '../frame/weight.js'
import { fromCodec } from '../types/codec.js'
import { Execution } from './execution.js'
import type { RuntimeModules } from './execution.js'

/** An extrinsic ready for a block, with the block number from which its era no longer allows it. */
export interface Candidate { readonly ext: CheckedExtrinsic, readonly death: number }

export interface BlockOutcome {
  readonly included: CheckedExtrinsic[]
  /**
   * Left out: their nonce does not follow the account's (yet, or any more), their era ran out, their sender
   * cannot pay (`payment`), or they are free calls that failed (`invalid`: free calls are never included failing).
   */
  readonly skipped: Array<{ ext: CheckedExtrinsic, reason: SkipReason, error?: DispatchErrorValue }>
  /** The block's SCALE `EventRecord`s. */
  readonly events: Uint8Array[]
}

export type SkipReason = 'stale' | 'future' | 'expired' | 'payment' | 'invalid'

/** What events say of an extrinsic: its weight with the base extrinsic weight, as Substrate's do. */
const dispatchInfo = (info: CallInfo): DispatchInfoValue => ({
  weight: { refTime: info.weight + EXTRINSIC_BASE_WEIGHT, proofSize: 0n }, class: { type: info.class }, paysFee: { type: info.pays ? 'Yes' : 'No' }
})

type Logger = (msg: string, err: unknown) => void

/** The state-transition function: pallets composed by index, executing genesis and blocks over an overlay. */
export class Runtime implements RuntimeModules {
  readonly meta: RuntimeMetadata
  readonly #byIndex = new Map<number, AnyPallet>()
  readonly #indexOf = new Map<AnyPallet, number>()
  /** The last `System.ExtrinsicSuccess` encoded, by its dispatch info: runs of one call share its bytes. */
  #success: { key: string, bytes: Uint8Array } = { key: '', bytes: new Uint8Array() }

  constructor (readonly slots: readonly PalletSlot[], readonly log: Logger = () => {}) {
    for (const { index, pallet } of slots) {
      this.#byIndex.set(index, pallet)
      this.#indexOf.set(pallet, index)
    }
    this.meta = buildMetadata(slots)
  }

  /** A call's declared weight, class, whether it pays a fee, and a free call's tag. */
  callInfo (call: Call): CallInfo {
    const [palletIndex, callIndex] = call.callIndex
    const pallet = this.palletAt(palletIndex)
    const entry = pallet?.calls[callIndex]
    // Only a decoded call reaches here, so its index names a call; a stray one weighs what the default does.
    if (entry === undefined) return { weight: 0n, class: 'Normal', pays: true, tag: null }
    const { weight, free } = entry.spec.cost
    const args: Record<string, unknown> = {}
    if (typeof weight === 'function' || free !== undefined) Object.entries(entry.spec.args).forEach(([name, ty], i) => { args[name] = fromCodec(ty, call.args[i]) })
    return {
      weight: typeof weight === 'function' ? weight(args) : weight,
      class: free === undefined ? 'Normal' : 'Operational',
      pays: free === undefined,
      tag: free === undefined ? null : `${pallet!.name}.${entry.name}:${free.tag(args)}`
    }
  }

  /**
   * Runs `ext`'s call on `state` as the block after `block`'s parent would, for the pool to refuse a free
   * call that would fail (a failing one is never included, so it would cost nothing). Returns what the call
   * threw, or null; `state` is left as it was.
   */
  validate (state: Overlay, block: BlockInfo, ext: CheckedExtrinsic): unknown {
    const exec = new Execution(this, state.child(), block, this.log)
    const failure = exec.transactional(() => exec.run(ext.call, { type: 'Signed', who: ext.signer }))
    return failure === null ? null : failure.err ?? new Error('the call failed')
  }

  #successEvent (info: CallInfo): Uint8Array {
    const key = `${info.weight}/${info.class}/${info.pays}`
    if (this.#success.key !== key) {
      this.#success = { key, bytes: u8aConcat([this.indexOf(System)], this.meta.codec.encode(System.eventTy!, { type: 'ExtrinsicSuccess', value: { dispatchInfo: dispatchInfo(info) } })) }
    }
    return this.#success.bytes
  }

  indexOf (pallet: AnyPallet): number {
    const index = this.#indexOf.get(pallet)
    if (index === undefined) throw new Error(`pallet ${pallet.name} is not part of this runtime`)
    return index
  }

  palletAt (index: number): AnyPallet | undefined {
    return this.#byIndex.get(index)
  }

  genesis (state: Overlay, spec: ChainSpec, node: GenesisNode): void {
    const exec = new Execution(this, state, { number: 0, parentHash: new Uint8Array(32), digest: [] }, this.log)
    for (const { pallet } of this.slots) pallet.genesis?.(exec, spec, node)
  }

  /** Executes a block on `state`, including the candidates that still apply, in order. */
  executeBlock (state: Overlay, block: BlockInfo, candidates: readonly Candidate[]): BlockOutcome {
    const exec = new Execution(this, state, block, this.log)
    const storage = System.storage
    storage.Number.set(exec, block.number)
    storage.ParentHash.set(exec, block.parentHash)
    storage.BlockHash.set(exec, block.number - 1, block.parentHash)
    if (block.number > BLOCK_HASH_COUNT) storage.BlockHash.remove(exec, block.number - 1 - BLOCK_HASH_COUNT)
    storage.Digest.set(exec, { logs: block.digest.map((l) => ({ type: 'PreRuntime', value: { engine: stringToU8a(l.engine), data: l.data } })) })
    for (const { pallet } of this.slots) exec.runHook(pallet, 'onInitialize')

    const included: CheckedExtrinsic[] = []
    const skipped: BlockOutcome['skipped'] = []
    for (const { ext, death } of candidates) {
      const account = storage.Account.find(exec, ext.signer)
      // Nothing an account that does not exist sends is included: a free call would otherwise create it.
      if (account === null) {
        skipped.push({ ext, reason: 'payment' })
        continue
      }
      if (ext.nonce !== account.nonce) {
        skipped.push({ ext, reason: ext.nonce < account.nonce ? 'stale' : 'future' })
        continue
      }
      if (block.number >= death) {
        skipped.push({ ext, reason: 'expired' })
        continue
      }
      const info = this.callInfo(ext.call)
      const fee = totalFee(info, ext.bytes.length, ext.tip)
      // The pool checked this when it took the extrinsic in; earlier ones of this block may have spent it since.
      if (account.data.free < fee) {
        skipped.push({ ext, reason: 'payment' })
        continue
      }
      exec.setPhase({ type: 'ApplyExtrinsic', value: included.length })
      const origin = { type: 'Signed', who: ext.signer } as const
      // One write for the fee and the nonce: before the call runs, which may spend what the fee leaves.
      const payAndBump = (): void => {
        storage.Account.set(exec, ext.signer, { ...account, nonce: account.nonce + 1, data: { ...account.data, free: account.data.free - fee } })
      }
      let error: DispatchErrorValue | null = null
      if (info.pays) {
        payAndBump()
        error = exec.dispatchCall(ext.call, origin)
      } else {
        const failure = exec.transactional(() => { payAndBump(); exec.run(ext.call, origin) })
        if (failure !== null) {
          skipped.push({ ext, reason: 'invalid', error: exec.toDispatchError(failure.err) })
          continue
        }
      }
      feePaid(exec, ext.signer, fee, ext.tip)
      if (error === null) exec.depositEncoded(this.#successEvent(info))
      else System.emit(exec, { type: 'ExtrinsicFailed', value: { dispatchError: error, dispatchInfo: dispatchInfo(info) } })
      included.push(ext)
    }

    exec.setPhase({ type: 'Finalization' })
    for (const { pallet } of this.slots) exec.runHook(pallet, 'onFinalize')
    storage.ExtrinsicCount.set(exec, included.length)
    // Written as the records were encoded, not re-encoded through the codec.
    exec.state.set(storage.Events.key(), exec.encodedEvents())
    storage.EventCount.set(exec, exec.events.length)
    return { included, skipped, events: exec.events }
  }
}

import type { AnyPallet, BlockInfo, GenesisNode } from '../frame/pallet.js'
import type { Overlay } from '../state/overlay.js'
import { buildMetadata } from '../metadata/build.js'
import type { PalletSlot, RuntimeMetadata } from '../metadata/build.js'
import type { DispatchInfoValue } from '../metadata/substrate-types.js'
import { stringToU8a, u8aConcat } from '@polkadot/util'
import type { CheckedExtrinsic } from '../extrinsic/check.js'
import type { ChainSpec } from '../spec/types.js'
import { BLOCK_HASH_COUNT, System } from '../pallets/system.js'
import { Execution } from './execution.js'
import type { RuntimeModules } from './execution.js'

/** An extrinsic ready for a block, with the block number from which its era no longer allows it. */
export interface Candidate { readonly ext: CheckedExtrinsic, readonly death: number }

export interface BlockOutcome {
  readonly included: CheckedExtrinsic[]
  /** Left out: their nonce does not follow the account's (yet, or any more) or their era ran out. */
  readonly skipped: Array<{ ext: CheckedExtrinsic, reason: 'stale' | 'future' | 'expired' }>
  /** The block's SCALE `EventRecord`s. */
  readonly events: Uint8Array[]
}

const DISPATCH_INFO: DispatchInfoValue = {
  weight: { refTime: 0n, proofSize: 0n }, class: { type: 'Normal' }, paysFee: { type: 'Yes' }
}

type Logger = (msg: string, err: unknown) => void

/** The state-transition function: pallets composed by index, executing genesis and blocks over an overlay. */
export class Runtime implements RuntimeModules {
  readonly meta: RuntimeMetadata
  readonly #byIndex = new Map<number, AnyPallet>()
  readonly #indexOf = new Map<AnyPallet, number>()
  /** `System.ExtrinsicSuccess`, the same bytes for every successful extrinsic. */
  readonly #success: Uint8Array

  constructor (readonly slots: readonly PalletSlot[], readonly log: Logger = () => {}) {
    for (const { index, pallet } of slots) {
      this.#byIndex.set(index, pallet)
      this.#indexOf.set(pallet, index)
    }
    this.meta = buildMetadata(slots)
    this.#success = u8aConcat([this.indexOf(System)], this.meta.codec.encode(System.eventTy!, { type: 'ExtrinsicSuccess', value: { dispatchInfo: DISPATCH_INFO } }))
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
      const account = storage.Account.get(exec, ext.signer)
      if (ext.nonce !== account.nonce) {
        skipped.push({ ext, reason: ext.nonce < account.nonce ? 'stale' : 'future' })
        continue
      }
      if (block.number >= death) {
        skipped.push({ ext, reason: 'expired' })
        continue
      }
      exec.setPhase({ type: 'ApplyExtrinsic', value: included.length })
      if (!storage.Account.contains(exec, ext.signer)) System.emit(exec, { type: 'NewAccount', value: { account: ext.signer } })
      storage.Account.set(exec, ext.signer, { ...account, nonce: account.nonce + 1 })
      const error = exec.dispatchCall(ext.call, { type: 'Signed', who: ext.signer })
      if (error === null) exec.depositEncoded(this.#success)
      else System.emit(exec, { type: 'ExtrinsicFailed', value: { dispatchError: error, dispatchInfo: DISPATCH_INFO } })
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

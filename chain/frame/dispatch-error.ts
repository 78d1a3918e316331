import type { AnyPallet } from './pallet.js'

/** The non-module variants of `sp_runtime::DispatchError` the runtime raises. */
export type PlainDispatchError = 'Other' | 'BadOrigin' | 'CannotLookup' | 'Exhausted' | 'Corruption'

/**
 * Why a dispatch failed. Thrown from calls; the runtime turns it into `System.ExtrinsicFailed` with a
 * `DispatchError` (a `Module { index, error }` for pallet errors, which polkadot-js decodes by name).
 */
export class DispatchFailure extends Error {
  private constructor (
    readonly code: string,
    message: string,
    readonly pallet: AnyPallet | null
  ) {
    super(message)
    this.name = 'DispatchFailure'
  }

  static module (pallet: AnyPallet, name: string, docs: string, detail?: string): DispatchFailure {
    return new DispatchFailure(name, `${pallet.name}.${name}: ${detail ?? docs}`, pallet)
  }

  static plain (code: PlainDispatchError, message: string): DispatchFailure {
    return new DispatchFailure(code, message, null)
  }
}

export const BadOrigin = (detail: string): DispatchFailure => DispatchFailure.plain('BadOrigin', `BadOrigin: ${detail}`)

/** An error of a wallet action on the chain, with a stable `code`. */
export class WalletError extends Error {
  private constructor (readonly code: string, message: string, readonly hint?: string) {
    super(message)
    this.name = 'WalletError'
  }

  static INSUFFICIENT_RATIO (action: string, free: bigint): WalletError {
    return new WalletError('INSUFFICIENT_RATIO', `cannot ${action}: the account has only ${free} free ratio`, 'datdot wallet ratio shows the balance; hosting earns ratio')
  }

  /** The extrinsic was included but its call failed: `error` is the chain's `pallet.Error` name. */
  static EXTRINSIC_FAILED (action: string, error: string, docs: string): WalletError {
    return new WalletError('EXTRINSIC_FAILED', `the chain refused to ${action}: ${error}${docs === '' ? '' : `: ${docs}`}`)
  }

  static ADDRESS_INVALID (value: string): WalletError {
    return new WalletError('ADDRESS_INVALID', `"${value}" is neither an SS58 address nor an identity of the vault`, 'give an address (5…) or a name from datdot wallet list')
  }
}

/** A datdot chain specification (chain-spec/dev.json is the default), after validation. */
export interface ChainSpec {
  /** Human name, e.g. "datdot development". */
  readonly name: string
  /** Machine id, e.g. "datdot_dev". */
  readonly id: string
  readonly chainType: 'Development' | 'Local' | 'Live'
  readonly properties: { readonly ss58Format: number, readonly tokenSymbol: string, readonly tokenDecimals: number }
  /** Milliseconds between blocks when blocks are produced on a timer. */
  readonly blockTime: number
  /**
   * Secret URI of a dev block author key (e.g. "//Alice"), used only by `--dev` nodes; null if the spec
   * names none. Any other node authors with its own secret key (chain/node/authority-key.ts).
   */
  readonly authoritySeed: string | null
  readonly genesis: {
    /** Sudo key: SS58 address of the root origin for parameter changes. */
    readonly sudo: string
    /** Initial ratio per account (SS58 address → amount, as a decimal string). */
    readonly accounts: Readonly<Record<string, string>>
    /** Seed of the per-block randomness chain: R(0) = blake2_256(seed). */
    readonly randomnessSeed: string
    /** Genesis values of pallet sections beyond these, keyed by pallet name (later pallets read theirs). */
    readonly pallets: Readonly<Record<string, unknown>>
  }
}

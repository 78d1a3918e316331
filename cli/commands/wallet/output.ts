import { fields } from '../../table.js'
import type { IdentityEntry } from '../../../vault/vault.js'

/** Prints `value` as JSON for scripts; amounts (bigint, beyond JSON's safe integers) as decimal strings. */
export function printJson (value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_key, v: unknown) => typeof v === 'bigint' ? v.toString() : v, 2)}\n`)
}

/** A change of ratio with its sign: `+5`, `-5`. */
export function signed (amount: bigint): string {
  return amount > 0n ? `+${amount}` : `${amount}`
}

/** An identity as `label  value` lines. */
export function describe (identity: IdentityEntry): string {
  return fields([['address', identity.address], ['noise key', identity.noiseKey ?? '-'], ['keystore', identity.file]])
}

import { InvalidArgumentError } from 'commander'
import { IDENTITY_NAME_RULE, isIdentityName } from '../../../vault/name.js'

const U128_MAX = (1n << 128n) - 1n

/** The name of a vault identity. */
export function identityName (value: string): string {
  if (!isIdentityName(value)) throw new InvalidArgumentError(`"${value}" cannot name an identity: use ${IDENTITY_NAME_RULE}`)
  return value
}

/** An amount of ratio: a whole number above 0 (ratio has no decimals). */
export function ratioAmount (value: string): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) === 0n || BigInt(value) > U128_MAX) throw new InvalidArgumentError(`"${value}" is not an amount of ratio: give a whole number above 0`)
  return BigInt(value)
}

import { InvalidArgumentError } from 'commander'

/** A plan id as `datdot publish` prints it: `3`, or `plan:3` as `datdot status` takes it. */
export function parsePlanId (value: string): bigint {
  const m = /^(?:plan:)?(\d{1,19})$/.exec(value)
  if (m === null) throw new InvalidArgumentError(`"${value}" is not a plan id (a number, as datdot publish prints it)`)
  return BigInt(m[1])
}

import type { SubmitError } from '../node/types.js'

/**
 * A transaction refused before it reaches a block. `code` is a stable reason (Substrate's
 * InvalidTransaction names where one fits); JSON-RPC answers it with Substrate's author error `rpcCode`
 * (1010 for an invalid one, 1011 for unknown validity, 1013 already imported, 1014 priority too low,
 * 1016 immediately dropped) with the message as data.
 */
export class InvalidTransaction extends Error implements SubmitError {
  constructor (readonly code: string, message: string, readonly rpcCode = 1010) {
    super(`${code}: ${message}`)
    this.name = 'InvalidTransaction'
  }
}

export const invalid = {
  badFormat: (detail: string) => new InvalidTransaction('BadFormat', `could not decode the extrinsic: ${detail}`),
  unsigned: () => new InvalidTransaction('NoUnsignedValidator', 'unsigned extrinsics are not accepted; sign it with an account', 1011),
  badSigner: (detail: string) => new InvalidTransaction('BadSigner', detail),
  badProof: () => new InvalidTransaction('BadProof',
    'bad signature: the payload was not signed by this account for this chain ' +
    '(the genesis hash, spec and transaction versions and the era birth block are all part of what is signed)'),
  expired: (birth: number, death: number, current: number) => new InvalidTransaction('Stale',
    `the transaction's mortal era has expired: signed at block ${birth}, valid until block ${death - 1}, the chain is at block ${current}; sign it again`),
  ancientBirthBlock: (birth: number) => new InvalidTransaction('AncientBirthBlock',
    `the era's birth block ${birth} is unknown or too old to check`),
  staleNonce: (nonce: number, expected: number) => new InvalidTransaction('Stale',
    `nonce ${nonce} was already used: the account's next nonce is ${expected}`),
  // Substrate's pool answers a second transaction of the same nonce (and no higher priority) so.
  nonceTaken: (nonce: number) => new InvalidTransaction('TooLowPriority',
    `nonce ${nonce} is already taken by another transaction of this account waiting in the pool`, 1014),
  futureTooFar: (nonce: number, expected: number, limit: number) => new InvalidTransaction('Future',
    `nonce ${nonce} is more than ${limit} ahead of the account's next nonce ${expected}`),
  alreadyImported: () => new InvalidTransaction('AlreadyImported', 'this transaction is already in the pool', 1013),
  poolFull: (what: string, limit: number) => new InvalidTransaction('ImmediatelyDropped',
    `${what} holds ${limit} pending transactions, the limit; wait for the next block`, 1016),
  poolBytesFull: (limit: number) => new InvalidTransaction('ImmediatelyDropped',
    `the pool would hold more than ${limit} bytes of pending transactions, the limit; wait for the next block`, 1016),
  sameDuty: (tag: string) => new InvalidTransaction('TooLowPriority',
    `a transaction of this account doing the same (${tag}) is already waiting in the pool`, 1014),
  tooHeavy: (weight: bigint, limit: bigint) => new InvalidTransaction('ExhaustsResources',
    `the extrinsic weighs ${weight} (picoseconds of reference time); a block holds at most ${limit} of its class`),
  tooLong: (length: number, limit: number) => new InvalidTransaction('ExhaustsResources',
    `the extrinsic is ${length} bytes; a block holds at most ${limit} bytes of one extrinsic`),
  call: (detail: string) => new InvalidTransaction('Call', detail),
  // Substrate's InvalidTransaction::Payment: "Inability to pay some fees (e.g. account balance too low)".
  payment: (held: bigint, fee: bigint, pending: bigint) => new InvalidTransaction('Payment',
    `the account holds ${held} ratio; this transaction costs ${fee} (fee and tip)` +
    (pending > 0n ? ` and its transactions waiting in the pool ${pending} more` : '') + '; get ratio transferred to it first'),
  noAccount: () => new InvalidTransaction('Payment',
    'the account does not exist: it has never held ratio; an account starts when at least the existential deposit is transferred to it')
}

import { u8aEq } from '@polkadot/util'
import { constant, definePallet, signedCall } from '../frame/pallet.js'
import { AccountId32, named, u128, u64, enumOf } from '../types/ty.js'
import type { DispatchCtx } from '../frame/pallet.js'
import { EMPTY_ACCOUNT, System } from './system.js'
import { dbWeight } from '../frame/weight.js'

/** Why ratio moved, as the wallet's history shows it. */
const Reason = enumOf('pallet_ratio::Reason', {
  Hosting: null,
  Attesting: null,
  Encoding: null
})

/** The least ratio a transfer may create an account with: accounts are not made from dust. */
export const EXISTENTIAL_DEPOSIT = 10n

/**
 * The ratio: a non-negative balance per account, kept in `System.Account.data.free` so that every
 * polkadot-js tool shows it as the account's balance. Hosters earn it from the sponsors of what they host.
 */
export const Ratio = definePallet({
  name: 'Ratio',
  events: {
    Transferred: named({ from: AccountId32, to: AccountId32, amount: u128 }),
    /** `payer` paid `amount` to `payee` for work (hosting is paid by the plan's sponsor). */
    Paid: named({ payer: AccountId32, payee: AccountId32, amount: u128, reason: Reason, plan: u64 }),
    /** The network minted a reward (attesters, encoders). */
    Rewarded: named({ who: AccountId32, amount: u128, reason: Reason })
  },
  errors: {
    InsufficientRatio: 'The account has less ratio than the amount.',
    ZeroAmount: 'The amount must be more than zero.',
    SelfTransfer: 'An account cannot transfer ratio to itself.',
    ExistentialDeposit: 'The receiving account does not exist yet: the transfer must give it at least the existential deposit.'
  },
  constants: {
    ExistentialDeposit: constant(u128, EXISTENTIAL_DEPOSIT, 'The least ratio a transfer may create an account with.')
  },
  calls: {
    transferRatio: signedCall({ to: AccountId32, amount: u128 }, (ctx, who, { to, amount }) => {
      if (amount === 0n) throw Ratio.errors.ZeroAmount()
      if (u8aEq(to, who)) throw Ratio.errors.SelfTransfer()
      if (amount < EXISTENTIAL_DEPOSIT && !System.storage.Account.contains(ctx, to)) throw Ratio.errors.ExistentialDeposit(`a new account needs at least ${EXISTENTIAL_DEPOSIT} ratio, ${amount} were given`)
      debit(ctx, who, amount)
      credit(ctx, to, amount)
      Ratio.emit(ctx, { type: 'Transferred', value: { from: who, to, amount } })
    }, 'Transfers ratio to another account.', { weight: dbWeight(2, 2) })
  }
})

export type RatioReason = 'Hosting' | 'Attesting' | 'Encoding'

export function balance (ctx: DispatchCtx, who: Uint8Array): bigint {
  return System.storage.Account.get(ctx, who).data.free
}

export function credit (ctx: DispatchCtx, who: Uint8Array, amount: bigint): void {
  const found = System.storage.Account.find(ctx, who)
  if (found === null) System.emit(ctx, { type: 'NewAccount', value: { account: who } })
  const account = found ?? EMPTY_ACCOUNT
  System.storage.Account.set(ctx, who, { ...account, providers: Math.max(account.providers, 1), data: { ...account.data, free: account.data.free + amount } })
}

/** Takes exactly `amount`, or fails with InsufficientRatio and takes nothing. */
export function debit (ctx: DispatchCtx, who: Uint8Array, amount: bigint): void {
  const account = System.storage.Account.get(ctx, who)
  if (account.data.free < amount) throw Ratio.errors.InsufficientRatio(`the account has ${account.data.free} ratio, ${amount} are needed`)
  System.storage.Account.set(ctx, who, { ...account, data: { ...account.data, free: account.data.free - amount } })
}

/** Moves up to `amount` from payer to payee, never below zero; returns what was paid. */
export function pay (ctx: DispatchCtx, payer: Uint8Array, payee: Uint8Array, amount: bigint, reason: RatioReason, plan: bigint): bigint {
  const paid = amount < balance(ctx, payer) ? amount : balance(ctx, payer)
  if (paid === 0n) return 0n
  debit(ctx, payer, paid)
  credit(ctx, payee, paid)
  Ratio.emit(ctx, { type: 'Paid', value: { payer, payee, amount: paid, reason: { type: reason }, plan } })
  return paid
}

export function reward (ctx: DispatchCtx, who: Uint8Array, amount: bigint, reason: RatioReason): void {
  if (amount === 0n) return
  credit(ctx, who, amount)
  Ratio.emit(ctx, { type: 'Rewarded', value: { who, amount, reason: { type: reason } } })
}

// The runtime's generated augmentation: typed api.query / api.tx for datdot's pallets.
import '../chain/interfaces/augment-api.js'
import type { ApiPromise } from '@polkadot/api'
import type { KeyringPair } from '@polkadot/keyring/types'
import { submit } from './submit.js'
import type { Inclusion } from './submit.js'

/** An account's ratio: `free` can be spent; `reserved` backs plans (support) and returns when they end. */
export interface RatioBalance {
  free: bigint
  reserved: bigint
  /** The block the balance was read at. */
  block: number
}

/** The ratio lives in `System.Account.data`, so polkadot-js tools show it as the account's balance. */
export async function ratioOf (api: ApiPromise, address: string): Promise<RatioBalance> {
  const hash = await api.rpc.chain.getFinalizedHead()
  const [{ data }, header] = await Promise.all([api.query.system.account.at(hash, address), api.rpc.chain.getHeader(hash)])
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt(), block: header.number.toNumber() }
}

/** Moves `amount` of `from`'s free ratio to `to`. */
export async function transferRatio (api: ApiPromise, from: KeyringPair, to: string, amount: bigint): Promise<Inclusion> {
  return await submit(api, from, api.tx.ratio.transferRatio(to, amount), `transfer ${amount} ratio to ${to}`)
}

/** Reserves `amount` of `supporter`'s ratio for plan `plan`'s priority; it returns when the plan ends. */
export async function supportPlan (api: ApiPromise, supporter: KeyringPair, plan: bigint, amount: bigint): Promise<Inclusion> {
  return await submit(api, supporter, api.tx.plans.support(plan, amount), `support plan ${plan} with ${amount} ratio`)
}

// The runtime's generated augmentation: typed api.events / api.query for datdot's pallets.
import '../chain/interfaces/augment-api.js'
import '../chain/interfaces/types-lookup.js'
import type { ApiPromise } from '@polkadot/api'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aToHex } from '@polkadot/util'
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto'

/** One change of an account's free ratio, as the chain's events tell it. */
export interface RatioChange {
  block: number
  kind: 'received' | 'sent' | 'earned' | 'paid' | 'rewarded' | 'supported' | 'support-returned' | 'fee'
  /** Change of the free ratio: positive in, negative out. */
  amount: bigint
  /** The other account, if any. */
  counterparty: string | null
  plan: bigint | null
  /** Why ratio was paid or rewarded: Hosting, Attesting, Encoding. */
  reason: string | null
}

export interface RatioHistory {
  /** First and last block scanned. */
  from: number
  to: number
  changes: RatioChange[]
}

/** Blocks read at once: enough to hide the round trips, few enough not to swamp the node. */
const CONCURRENCY = 16

/**
 * The changes of `address`'s ratio in the last `blocks` finalized blocks, oldest first, read from the
 * events of each block: Ratio.Transferred, Ratio.Paid, Ratio.Rewarded, Plans.PlanSupported,
 * TransactionPayment.TransactionFeePaid (fees and tips, free calls' zero fees left out), and the support
 * returned when a plan the account backed ended (Plans.PlanEnded; the amount is read from the plan's
 * support in the block before). The genesis balance is not an event and is not shown.
 */
export async function ratioHistory (api: ApiPromise, address: string, blocks: number): Promise<RatioHistory> {
  const head = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
  const from = Math.max(0, head - blocks + 1)
  const who = u8aToHex(decodeAddress(address))
  const changes: RatioChange[][] = []
  for (let start = from; start <= head; start += CONCURRENCY) {
    const numbers = Array.from({ length: Math.min(CONCURRENCY, head - start + 1) }, (_, i) => start + i)
    changes.push(...await Promise.all(numbers.map((n) => changesIn(api, n, who))))
  }
  return { from, to: head, changes: changes.flat() }
}

async function changesIn (api: ApiPromise, block: number, who: string): Promise<RatioChange[]> {
  const hash = await api.rpc.chain.getBlockHash(block)
  const records = await api.query.system.events.at(hash)
  const changes: RatioChange[] = []
  for (const record of records) {
    const change = ratioChange(api, record, who)
    if (change !== null) changes.push({ block, ...change })
    if (api.events.plans.PlanEnded.is(record.event)) {
      const plan = record.event.data.plan.toBigInt()
      const returned = await supportBefore(api, block, plan, who)
      if (returned > 0n) changes.push({ block, kind: 'support-returned', amount: returned, counterparty: null, plan, reason: null })
    }
  }
  return changes
}

function ratioChange (api: ApiPromise, { event }: FrameSystemEventRecord, who: string): Omit<RatioChange, 'block'> | null {
  const is = (account: { toHex (): string }): boolean => account.toHex() === who
  const address = (account: Uint8Array): string => encodeAddress(account, 42)
  if (api.events.ratio.Transferred.is(event)) {
    const { from, to, amount } = event.data
    if (is(to)) return { kind: 'received', amount: amount.toBigInt(), counterparty: address(from), plan: null, reason: null }
    if (is(from)) return { kind: 'sent', amount: -amount.toBigInt(), counterparty: address(to), plan: null, reason: null }
  } else if (api.events.ratio.Paid.is(event)) {
    const { payer, payee, amount, reason, plan } = event.data
    if (is(payee)) return { kind: 'earned', amount: amount.toBigInt(), counterparty: address(payer), plan: plan.toBigInt(), reason: reason.type }
    if (is(payer)) return { kind: 'paid', amount: -amount.toBigInt(), counterparty: address(payee), plan: plan.toBigInt(), reason: reason.type }
  } else if (api.events.ratio.Rewarded.is(event)) {
    const { who: rewarded, amount, reason } = event.data
    if (is(rewarded)) return { kind: 'rewarded', amount: amount.toBigInt(), counterparty: null, plan: null, reason: reason.type }
  } else if (api.events.transactionPayment.TransactionFeePaid.is(event)) {
    const { who: payer, actualFee } = event.data
    if (is(payer) && actualFee.toBigInt() > 0n) return { kind: 'fee', amount: -actualFee.toBigInt(), counterparty: null, plan: null, reason: null }
  } else if (api.events.plans.PlanSupported.is(event)) {
    const { plan, supporter, amount } = event.data
    if (is(supporter)) return { kind: 'supported', amount: -amount.toBigInt(), counterparty: null, plan: plan.toBigInt(), reason: null }
  }
  return null
}

/** What `who` had reserved for `plan` just before `block`. */
async function supportBefore (api: ApiPromise, block: number, plan: bigint, who: string): Promise<bigint> {
  if (block === 0) return 0n
  const support = await api.query.plans.support.at(await api.rpc.chain.getBlockHash(block - 1), plan, who)
  return support.isSome ? support.unwrap().toBigInt() : 0n
}

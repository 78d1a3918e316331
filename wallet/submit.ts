// The runtime's generated augmentation: typed api.tx / api.errors for datdot's pallets.
import '../chain/interfaces/augment-api.js'
import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import type { KeyringPair } from '@polkadot/keyring/types'
import { TxQueue } from '../service/tx-queue.js'
import { WalletError } from './errors.js'

/** Where a call was included. */
export interface Inclusion {
  blockHash: string
  block: number
}

/**
 * Signs `tx` with `signer`, submits it and waits until it is in a finalized block. A call that fails there
 * rejects with its error by name: INSUFFICIENT_RATIO (in dispatch, or for the fee at submission), or
 * EXTRINSIC_FAILED with the chain's `pallet.Error`.
 * `action` names the call in errors ("transfer 5 ratio to …").
 */
export async function submit (api: ApiPromise, signer: KeyringPair, tx: SubmittableExtrinsic<'promise'>, action: string): Promise<Inclusion> {
  // The service's queue: nonces from the node, retries of transient failures, the dispatch error by name.
  const queue = new TxQueue(api, signer, { maxAttempts: 3 })
  const result = await queue.submit(tx, action).catch(async (err: Error & { code?: string }) => {
    // The pool refuses what the account cannot pay the fee of (1010 Payment): the same want of ratio.
    if (err.code === 'TX_REFUSED' && /Invalid Transaction: Payment/.test(err.message)) {
      throw WalletError.INSUFFICIENT_RATIO(`${action} (its fee included)`, (await api.query.system.account(signer.address)).data.free.toBigInt())
    }
    throw err
  }).finally(() => queue.close())
  if (!result.ok) {
    const error = result.error ?? 'an unknown error'
    if (error.endsWith('.InsufficientRatio')) {
      throw WalletError.INSUFFICIENT_RATIO(action, (await api.query.system.account(signer.address)).data.free.toBigInt())
    }
    throw WalletError.EXTRINSIC_FAILED(action, error, result.errorDocs ?? '')
  }
  const header = await api.rpc.chain.getHeader(result.blockHash)
  return { blockHash: result.blockHash, block: header.number.toNumber() }
}

import type { TestContext } from 'node:test'
// The runtime's generated augmentation: typed api.query / api.tx / api.consts for datdot's pallets.
import '../../chain/interfaces/augment-api.js'
import '../../chain/interfaces/types-lookup.js'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import type { ISubmittableResult } from '@polkadot/types/types'
import { cryptoWaitReady } from '@polkadot/util-crypto'

/** An ApiPromise on the node at `url`, disconnected when the test ends. */
export async function connectApi (t: TestContext, url: string): Promise<ApiPromise> {
  await cryptoWaitReady()
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true })
  t.after(() => api.disconnect())
  return api
}

export function devAccount (uri: string, type: 'sr25519' | 'ed25519' = 'sr25519'): KeyringPair {
  return new Keyring({ type, ss58Format: 42 }).addFromUri(uri)
}

/** Calls a raw RPC method the api has no definition for (e.g. dev_newBlock). */
export function rawRpc<T> (api: ApiPromise, method: string, params: unknown[] = []): Promise<T> {
  return (api as unknown as { _rpcCore: { provider: { send (m: string, p: unknown[]): Promise<T> } } })._rpcCore.provider.send(method, params)
}

/** Signs and sends, resolving with every status seen once the extrinsic is finalized. */
export function sendAndFinalize (tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<{ statuses: string[], result: ISubmittableResult }> {
  const statuses: string[] = []
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, (result) => {
      statuses.push(result.status.type)
      if (result.status.isFinalized) resolve({ statuses, result })
      if (result.status.isInvalid || result.status.isDropped) reject(new Error(`extrinsic ${result.status.type}`))
    }).catch(reject)
  })
}

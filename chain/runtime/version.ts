import { blake2AsHex } from '@polkadot/util-crypto'
import type { RuntimeVersionJson } from '../node/types.js'

/**
 * Runtime APIs are named by the blake2_64 of their name. Only those state_call answers are listed: clients
 * then read nonces through the pool-aware system_accountNextIndex. Metadata v2 (metadata_versions,
 * metadata_at_version) is what polkadot-js asks for before it falls back, with a warning, to
 * state_getMetadata; TransactionPaymentApi v4 is what `tx.paymentInfo()` calls.
 */
const api = (name: string, version: number): [string, number] => [blake2AsHex(name, 64), version]

export const RUNTIME_VERSION: RuntimeVersionJson = {
  specName: 'datdot',
  implName: 'datdot-node',
  authoringVersion: 1,
  specVersion: 1,
  implVersion: 1,
  apis: [api('Core', 4), api('Metadata', 2), api('TransactionPaymentApi', 4)],
  transactionVersion: 1,
  stateVersion: 1
}

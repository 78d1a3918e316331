import type { ApiPromise } from '@polkadot/api'
import type { Logger } from 'pino'
import type { ServiceKeys } from './keys.js'
import type { Network } from './network.js'
import type { TxQueue } from './tx-queue.js'
import type { Metrics } from './metrics.js'
import type { ReceiptProtocol } from './receipt.js'

/** What every role is given by the service (components passed in, libp2p style). */
export interface RoleDeps {
  readonly api: ApiPromise
  readonly keys: ServiceKeys
  readonly network: Network
  readonly receipts: ReceiptProtocol
  readonly txq: TxQueue
  readonly metrics: Metrics
  readonly log: Logger
}

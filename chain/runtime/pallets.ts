import type { PalletSlot } from '../metadata/build.js'
import { System } from '../pallets/system.js'
import { Timestamp } from '../pallets/timestamp.js'
import { Randomness } from '../pallets/randomness.js'
import { Sudo } from '../pallets/sudo.js'
import { TransactionPayment } from '../pallets/transaction-payment.js'
import { Params } from '../pallets/params.js'
import { Ratio } from '../pallets/ratio.js'
import { Roles } from '../pallets/roles.js'
import { Feeds } from '../pallets/feeds.js'
import { Plans } from '../pallets/plans/pallet.js'
import { Challenges } from '../pallets/challenges/pallet.js'
import { Audits } from '../pallets/audits/pallet.js'

/** The pallets of the datdot runtime and their indexes (Substrate's construct_runtime!). */
export const PALLETS: readonly PalletSlot[] = [
  { index: 0, pallet: System },
  { index: 1, pallet: Timestamp },
  { index: 2, pallet: Randomness },
  { index: 3, pallet: Sudo },
  { index: 4, pallet: TransactionPayment },
  { index: 10, pallet: Params },
  { index: 11, pallet: Ratio },
  { index: 12, pallet: Roles },
  { index: 13, pallet: Feeds },
  { index: 14, pallet: Plans },
  { index: 15, pallet: Challenges },
  { index: 16, pallet: Audits }
]

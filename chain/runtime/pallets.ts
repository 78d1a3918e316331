import type { PalletSlot } from '../metadata/build.js'
import { System } from '../pallets/system.js'
import { Timestamp } from '../pallets/timestamp.js'
import { Randomness } from '../pallets/randomness.js'
import { Sudo } from '../pallets/sudo.js'

/** The pallets of the datdot runtime and their indexes (Substrate's construct_runtime!). */
export const PALLETS: readonly PalletSlot[] = [
  { index: 0, pallet: System },
  { index: 1, pallet: Timestamp },
  { index: 2, pallet: Randomness },
  { index: 3, pallet: Sudo }
]

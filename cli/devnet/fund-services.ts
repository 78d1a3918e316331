import { keysFromUri } from '../../service/keys.js'
import type { DevnetService } from './accounts.js'
import type { PublisherSide } from './publisher-side.js'

/** Ratio the sponsor gives each service account that the chain spec does not: fees for its registration and reports. */
export const SERVICE_FUNDS = 10_000n

/**
 * Transfers SERVICE_FUNDS from the sponsor to each service account that does not exist yet (those past the
 * spec's dev accounts), as a new provider gets started on a real network: someone who has ratio sends some.
 * Resolves with the addresses funded, once their transfers are in finalized blocks.
 */
export async function fundServices (side: PublisherSide, services: readonly DevnetService[]): Promise<string[]> {
  const { api, txq } = side
  const addresses = await Promise.all(services.map(async ({ uri }) => (await keysFromUri(uri)).account.address))
  const accounts = await api.query.system.account.multi(addresses)
  const missing = addresses.filter((_, i) => accounts[i].providers.toNumber() === 0 && accounts[i].data.free.toBigInt() === 0n)
  const results = await Promise.all(missing.map((address) => txq.submit(api.tx.ratio.transferRatio(address, SERVICE_FUNDS), `fund ${address}`)))
  const failed = results.findIndex((r) => !r.ok)
  if (failed >= 0) throw new Error(`the sponsor could not fund ${missing[failed]}: ${results[failed].error ?? 'unknown'}`)
  return missing
}

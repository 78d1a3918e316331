import type { ApiPromise } from '@polkadot/api'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'

/** The chain events the devnet shows, as plain values (addresses as SS58 strings). */
export type DevnetEvent =
  | { type: 'assigned', plan: bigint, positions: number[], hosters: string[] }
  | { type: 'ready' | 'started' | 'setupFailed' | 'freed', plan: bigint, position: number, hoster: string }
  | { type: 'proofAccepted', plan: bigint, position: number, hoster: string, paid: bigint }
  | { type: 'proofFailed', plan: bigint, position: number, hoster: string }
  | { type: 'reported', attester: string }
  | { type: 'performance', plan: bigint, hoster: string, verdict: string }

export function devnetEvents (api: ApiPromise, records: FrameSystemEventRecord[]): DevnetEvent[] {
  const { plans, challenges } = api.events
  const out: DevnetEvent[] = []
  for (const { event } of records) {
    if (plans.NewAmendment.is(event)) {
      const { plan, positions, hosters } = event.data
      out.push({ type: 'assigned', plan: plan.toBigInt(), positions: positions.map((p) => p.toNumber()), hosters: hosters.map((h) => h.toString()) })
    } else if (plans.HostingReady.is(event) || plans.HostingStarted.is(event) || plans.SetupFailed.is(event) || plans.PositionFreed.is(event)) {
      const type = plans.HostingReady.is(event) ? 'ready' : plans.HostingStarted.is(event) ? 'started' : plans.SetupFailed.is(event) ? 'setupFailed' : 'freed'
      const { plan, position, hoster } = event.data
      out.push({ type, plan: plan.toBigInt(), position: position.toNumber(), hoster: hoster.toString() })
    } else if (challenges.StorageProofAccepted.is(event)) {
      const { plan, position, hoster, paid } = event.data
      out.push({ type: 'proofAccepted', plan: plan.toBigInt(), position: position.toNumber(), hoster: hoster.toString(), paid: paid.toBigInt() })
    } else if (challenges.StorageProofFailed.is(event)) {
      const { plan, position, hoster } = event.data
      out.push({ type: 'proofFailed', plan: plan.toBigInt(), position: position.toNumber(), hoster: hoster.toString() })
    } else if (challenges.PerformanceReported.is(event)) {
      out.push({ type: 'reported', attester: event.data.attester.toString() })
    } else if (challenges.PerformanceResult.is(event)) {
      const { plan, hoster, verdict } = event.data
      out.push({ type: 'performance', plan: plan.toBigInt(), hoster: hoster.toString(), verdict: verdict.type })
    }
  }
  return out
}

import type { ApiPromise } from '@polkadot/api'
import type { Logger } from 'pino'
import { followFinalized } from '../../service/chain.js'
import { devnetEvents } from './chain-events.js'
import type { NetworkState, SetupStage } from './network-state.js'

/** Feeds every finalized block's events, and the ratios after it, into the state; returns how to stop. */
export async function followNetwork (api: ApiPromise, state: NetworkState, log: Logger): Promise<() => void> {
  return await followFinalized(api, async (records, block) => {
    for (const e of devnetEvents(api, records)) state.apply(e)
    const who = [state.sponsor.address, ...state.hosters.keys(), ...state.attesters.keys()]
    const accounts = await api.query.system.account.multi(who)
    state.ratios(block.number, new Map(who.map((address, i) => [address, accounts[i].data.free.toBigInt()])))
  }, log)
}

/** Loads the positions of a plan requested by an earlier run of the devnet, as the chain holds them now. */
export async function restorePlan (api: ApiPromise, state: NetworkState, plan: bigint, positions: number): Promise<void> {
  for (let i = 0; i < positions; i++) {
    const position = (await api.query.plans.positions(plan, i)).unwrapOr(null)
    const hoster = position?.hoster.unwrapOr(null)?.toString()
    if (position === null || hoster === undefined) continue
    const stage: SetupStage = position.state.isActive ? 'hosting' : position.ready.isTrue ? 'ready' : 'assigned'
    state.restore(i, hoster, stage)
  }
}

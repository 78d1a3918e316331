import { EventEmitter } from 'node:events'
import type { ApiPromise } from '@polkadot/api'
import type { AccountId32 } from '@polkadot/types/interfaces'
import type { u16, u64 } from '@polkadot/types'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import type { Logger } from 'pino'
import { followFinalized } from './chain.js'

/** Where a position's setup is: a hoster was assigned, it holds the data, the chain confirmed it, or it failed. */
export type SetupPhase = 'assigned' | 'ready' | 'started' | 'failed'

export interface PositionSetup {
  readonly position: number
  readonly hoster: string
  readonly phase: SetupPhase
}

/**
 * Follows finalized blocks for the setup of plans' positions. It records every plan's events from the moment it
 * starts, so that it can be started before the plan it waits for is even requested.
 */
export class PlanWatch extends EventEmitter<{ change: [plan: bigint, setup: PositionSetup] }> {
  readonly #plans = new Map<bigint, Map<number, PositionSetup>>()
  #unfollow: (() => void) | null = null

  constructor (private readonly api: ApiPromise, private readonly log: Logger) {
    super()
  }

  /** Starts following finalized blocks, once. */
  async start (): Promise<void> {
    this.#unfollow ??= await followFinalized(this.api, async (events) => this.#onEvents(this.api, events), this.log)
  }

  /** The plan's positions that were assigned so far, by position. */
  positions (plan: bigint): PositionSetup[] {
    return [...(this.#plans.get(plan)?.values() ?? [])].sort((a, b) => a.position - b.position)
  }

  /**
   * Resolves once all `count` positions of the plan reached `phase`: `ready` (every hoster holds the data,
   * so the publisher is no longer needed) or `started` (the chain confirmed every position).
   */
  until (plan: bigint, count: number, phase: 'ready' | 'started'): Promise<void> {
    const reached = (s: PositionSetup) => s.phase === 'started' || (phase === 'ready' && s.phase === 'ready')
    const done = () => this.positions(plan).filter(reached).length >= count
    if (done()) return Promise.resolve()
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return
        this.off('change', check)
        resolve()
      }
      this.on('change', check)
    })
  }

  stop (): void {
    this.#unfollow?.()
    this.#unfollow = null
  }

  #onEvents (api: ApiPromise, events: FrameSystemEventRecord[]): void {
    const { plans } = api.events
    const update = (d: { plan: u64, position: u16, hoster: AccountId32 }, phase: SetupPhase) =>
      this.#set(d.plan.toBigInt(), { position: d.position.toNumber(), hoster: d.hoster.toString(), phase })
    for (const { event } of events) {
      if (plans.NewAmendment.is(event)) {
        const { plan, positions, hosters } = event.data
        positions.forEach((position, i) => update({ plan, position, hoster: hosters[i] }, 'assigned'))
      } else if (plans.HostingReady.is(event)) update(event.data, 'ready')
      else if (plans.HostingStarted.is(event)) update(event.data, 'started')
      else if (plans.SetupFailed.is(event)) update(event.data, 'failed')
    }
  }

  #set (plan: bigint, setup: PositionSetup): void {
    const positions = this.#plans.get(plan) ?? new Map<number, PositionSetup>()
    this.#plans.set(plan, positions)
    positions.set(setup.position, setup)
    this.emit('change', plan, setup)
  }
}

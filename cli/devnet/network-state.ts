import { EventEmitter } from 'node:events'
import type { DevnetEvent } from './chain-events.js'
import { bytes as formatBytes } from '../table.js'

/** Where a hoster is with the devnet's feed. */
export type SetupStage = 'waiting' | 'assigned' | 'ready' | 'hosting' | 'failed'

export interface HosterRow {
  /** Its dev URI, or its address when the devnet did not start it. */
  readonly label: string
  readonly address: string
  stage: SetupStage
  /** Bytes of the feed the publisher has sent it, and the feed's size. */
  downloaded: number
  total: number
  /** Storage challenges, any plan. */
  accepted: number
  failed: number
  ratio: bigint | null
}

export interface AttesterRow {
  readonly label: string
  readonly address: string
  reports: number
  ratio: bigint | null
}

export interface Party { readonly label: string, readonly address: string }

interface StateEvents {
  /** Anything shown changed. */
  change: []
  /** A line worth printing; `detail` lines are printed only when stdout is not a terminal (the status view shows them). */
  note: [text: string, detail: boolean]
  /** Every position of the watched plan is hosted and each of its hosters has passed a storage challenge. */
  up: []
}

/**
 * What the devnet shows, built from chain events, the publisher's upload counts and ratio reads. It knows the
 * devnet's plan only once it was requested, so it keeps that plan's events from the start and replays them.
 */
export class NetworkState extends EventEmitter<StateEvents> {
  block = 0
  plan: bigint | null = null
  positions = 0
  readonly sponsor: Party & { ratio: bigint | null }
  readonly hosters = new Map<string, HosterRow>()
  readonly attesters = new Map<string, AttesterRow>()
  /** Hosters of the watched plan by position. */
  readonly #holders = new Map<number, string>()
  /** Hosters that passed a storage challenge of the watched plan. */
  readonly #passed = new Set<string>()
  /** Plan events seen before the plan is known. */
  readonly #early: DevnetEvent[] = []
  #up = false

  constructor (sponsor: Party, hosters: Party[], attesters: Party[]) {
    super()
    this.sponsor = { ...sponsor, ratio: null }
    for (const h of hosters) this.#hoster(h.address, h.label)
    for (const a of attesters) this.attesters.set(a.address, { ...a, reports: 0, ratio: null })
  }

  get up (): boolean { return this.#up }

  /** From now on, setup and readiness follow this plan; `positions` is how many it has. */
  watch (plan: bigint, positions: number): void {
    this.plan = plan
    this.positions = positions
    for (const e of this.#early.splice(0)) this.apply(e)
    this.#changed()
  }

  /** A position of the watched plan as the chain holds it (when the devnet resumes a plan it requested before). */
  restore (position: number, hoster: string, stage: SetupStage): void {
    this.#holders.set(position, hoster)
    this.#hoster(hoster).stage = stage
    this.#changed()
  }

  /** The publisher has sent `bytes` of the feed's `total` to the hoster. */
  downloaded (hoster: string, bytes: number, total: number): void {
    const row = this.#hoster(hoster)
    const step = (b: number) => Math.floor((b / total) * 4)
    if (step(bytes) > step(row.downloaded)) this.emit('note', `${row.label} downloaded ${formatBytes(bytes)} of ${formatBytes(total)}`, true)
    row.downloaded = bytes
    row.total = total
    this.#changed()
  }

  /** Ratios as read at `block`. */
  ratios (block: number, of: Map<string, bigint>): void {
    this.block = block
    this.sponsor.ratio = of.get(this.sponsor.address) ?? this.sponsor.ratio
    for (const row of [...this.hosters.values(), ...this.attesters.values()]) row.ratio = of.get(row.address) ?? row.ratio
    this.#changed()
  }

  apply (e: DevnetEvent): void {
    if ('plan' in e && this.plan === null) {
      this.#early.push(e)
      return
    }
    const ours = 'plan' in e && e.plan === this.plan
    switch (e.type) {
      case 'assigned':
        if (!ours) break
        e.positions.forEach((position, i) => {
          this.#holders.set(position, e.hosters[i])
          this.#hoster(e.hosters[i]).stage = 'assigned'
        })
        this.emit('note', `plan ${e.plan}: ${e.hosters.map((h) => this.#label(h)).join(', ')} assigned; downloading`, false)
        break
      case 'ready':
        if (!ours) break
        this.#hoster(e.hoster).stage = 'ready'
        this.emit('note', `${this.#label(e.hoster)} holds its data; an attester checks it`, true)
        break
      case 'started':
        if (!ours) break
        this.#holders.set(e.position, e.hoster)
        this.#hoster(e.hoster).stage = 'hosting'
        this.emit('note', `${this.#label(e.hoster)} hosting (plan ${e.plan}, position ${e.position})`, false)
        break
      case 'setupFailed':
        if (!ours) break
        this.#hoster(e.hoster).stage = 'failed'
        this.emit('note', `${this.#label(e.hoster)} failed to set up position ${e.position}; it goes to another hoster`, false)
        break
      case 'freed':
        if (!ours) break
        if (this.#holders.get(e.position) === e.hoster) this.#holders.delete(e.position)
        this.#passed.delete(e.hoster)
        this.#hoster(e.hoster).stage = 'waiting'
        this.emit('note', `${this.#label(e.hoster)} lost position ${e.position}`, false)
        break
      case 'proofAccepted':
        this.#hoster(e.hoster).accepted++
        if (ours) this.#passed.add(e.hoster)
        this.emit('note', `${this.#label(e.hoster)} passed a storage challenge (plan ${e.plan}, paid ${e.paid})`, true)
        break
      case 'proofFailed':
        this.#hoster(e.hoster).failed++
        this.emit('note', `${this.#label(e.hoster)} FAILED a storage challenge (plan ${e.plan}, position ${e.position})`, false)
        break
      case 'reported': {
        const row = this.attesters.get(e.attester)
        if (row !== undefined) row.reports++
        break
      }
      case 'performance':
        this.emit('note', `performance check of ${this.#label(e.hoster)}: ${e.verdict}`, true)
        break
    }
    this.#changed()
  }

  #changed (): void {
    this.emit('change')
    if (this.#up || this.plan === null || this.positions === 0) return
    const holders = [...this.#holders.values()]
    const hosting = holders.filter((h) => this.hosters.get(h)?.stage === 'hosting')
    if (hosting.length < this.positions || !hosting.every((h) => this.#passed.has(h))) return
    this.#up = true
    this.emit('up')
  }

  #hoster (address: string, label = shortAddress(address)): HosterRow {
    let row = this.hosters.get(address)
    if (row === undefined) {
      row = { label, address, stage: 'waiting', downloaded: 0, total: 0, accepted: 0, failed: 0, ratio: null }
      this.hosters.set(address, row)
    }
    return row
  }

  #label (address: string): string {
    return this.hosters.get(address)?.label ?? shortAddress(address)
  }
}

export function shortAddress (address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}

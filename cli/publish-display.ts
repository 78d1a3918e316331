import type { PositionSetup, SetupPhase } from '../service/plan-watch.js'
import { ProgressView } from './progress.js'
import { shortAddress } from './table.js'

const LABEL_WIDTH = 8
const STATUS: Record<SetupPhase, string> = { assigned: 'assigned', ready: 'holds the data', started: 'hosting', failed: 'setup failed' }

export interface HosterProgress {
  readonly position: number
  readonly hoster: string
  readonly phase: SetupPhase
  /** Bytes this publisher uploaded to the hoster (it may also fetch from other hosters). */
  readonly uploaded: number
}

/**
 * What `datdot publish` shows while it seeds: one progress bar per hoster of the plan, fed by the bytes the
 * publisher uploads and the setup events of the chain. Prints nothing with --json (`out` null).
 */
export class PublishDisplay {
  readonly #uploaded = new Map<string, number>()
  readonly #setups = new Map<string, PositionSetup>()
  readonly #view: ProgressView | null

  constructor (out: NodeJS.WriteStream | null, private readonly total: number) {
    this.#view = out === null ? null : new ProgressView(out)
  }

  /** `label  value` lines, aligned with every other note. */
  note (pairs: ReadonlyArray<readonly [string, string]>): void {
    this.#view?.note(pairs.map(([label, value]) => `${label.padEnd(LABEL_WIDTH)}  ${value}`).join('\n'))
  }

  uploaded (hoster: string, bytes: number): void {
    this.#uploaded.set(hoster, bytes)
    this.#draw(hoster)
  }

  setup (setup: PositionSetup): void {
    this.#setups.set(setup.hoster, setup)
    this.#draw(setup.hoster)
  }

  /** Every hoster shown so far, by position. */
  hosters (): HosterProgress[] {
    return [...this.#setups.values()]
      .map((s) => ({ ...s, uploaded: this.#uploaded.get(s.hoster) ?? 0 }))
      .sort((a, b) => a.position - b.position)
  }

  close (): void {
    this.#view?.close()
  }

  #draw (hoster: string): void {
    const setup = this.#setups.get(hoster)
    // Uploads are shown once the chain says which position the peer holds.
    if (setup === undefined) return
    const done = this.#uploaded.get(hoster) ?? 0
    const fromOthers = (setup.phase === 'ready' || setup.phase === 'started') && done < this.total ? ' (the rest from other hosters)' : ''
    const status = setup.phase === 'assigned' && done > 0 ? 'downloading' : `${STATUS[setup.phase]}${fromOthers}`
    this.#view?.set(hoster, { label: `#${setup.position} ${shortAddress(hoster)}`, done, total: this.total, status })
  }
}

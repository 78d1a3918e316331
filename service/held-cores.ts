import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { serviceErrors } from './errors.js'

/** A core on this hoster's disk: held for positions (releasedAt null), or let go at `releasedAt` (ms). */
export interface HeldCore {
  readonly key: string
  readonly releasedAt: number | null
}

/**
 * What a hoster keeps on disk, and since when it no longer needs each core, in a small JSON file of its
 * storage: drop timers live in memory, so without it data let go before a crash (or while the hoster was
 * down and missed the event) would stay on disk for good while the chain counts that capacity free.
 * Written whole to a temporary file and renamed over the old one, so a crash leaves one or the other.
 */
export class HeldCores {
  readonly #cores = new Map<string, number | null>()

  private constructor (private readonly file: string) {}

  /** Reads the file; a missing one is an empty disk, an unreadable one an error that names the file. */
  static open (file: string): HeldCores {
    const held = new HeldCores(file)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return held
      throw serviceErrors.heldCoresUnreadable(file, (err as Error).message)
    }
    let entries: unknown
    try {
      entries = JSON.parse(text)
    } catch (err) {
      throw serviceErrors.heldCoresUnreadable(file, `not JSON: ${(err as Error).message}`)
    }
    if (!Array.isArray(entries)) throw serviceErrors.heldCoresUnreadable(file, 'not a list')
    for (const e of entries as HeldCore[]) if (typeof e?.key === 'string') held.#cores.set(e.key, typeof e.releasedAt === 'number' ? e.releasedAt : null)
    return held
  }

  entries (): HeldCore[] {
    return [...this.#cores].map(([key, releasedAt]) => ({ key, releasedAt }))
  }

  held (key: string): void {
    if (this.#cores.get(key) === null) return
    this.#cores.set(key, null)
    this.#save()
  }

  /** The core is no longer needed since `at` (kept if it was let go earlier: the grace runs from then). */
  released (key: string, at: number): void {
    if (typeof this.#cores.get(key) === 'number') return
    this.#cores.set(key, at)
    this.#save()
  }

  /** The core's data was deleted. */
  forget (key: string): void {
    if (this.#cores.delete(key)) this.#save()
  }

  #save (): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(this.entries()))
    renameSync(tmp, this.file)
  }
}

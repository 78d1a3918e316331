import { bytes } from './table.js'

export interface ProgressRow {
  readonly label: string
  readonly done: number
  readonly total: number
  readonly status: string
}

const BAR_WIDTH = 24
/** Least time between two redraws on a terminal. */
const REDRAW_MS = 100
/** Without a terminal, a row is printed again when its status changes or its percentage passes a multiple of this. */
const LINE_STEP = 25

/**
 * Progress bars, one row per key. On a terminal the rows are redrawn in place (notes print above them);
 * otherwise (a pipe, a log file) a row is printed as a new line only when it changes notably.
 */
export class ProgressView {
  readonly #rows = new Map<string, ProgressRow>()
  /** Non-terminal: what was last printed per row (status and percentage step). */
  readonly #printed = new Map<string, string>()
  #drawn = 0
  #timer: NodeJS.Timeout | null = null

  constructor (private readonly out: NodeJS.WriteStream) {}

  get #tty (): boolean { return this.out.isTTY === true }

  set (key: string, row: ProgressRow): void {
    this.#rows.set(key, row)
    if (this.#tty) {
      this.#timer ??= setTimeout(() => { this.#timer = null; this.#redraw() }, REDRAW_MS)
      return
    }
    const mark = `${row.status}/${Math.floor(percent(row) / LINE_STEP)}`
    if (this.#printed.get(key) === mark) return
    this.#printed.set(key, mark)
    this.out.write(`${line(row)}\n`)
  }

  /** A line of text, kept above the bars. */
  note (text: string): void {
    if (!this.#tty) return void this.out.write(`${text}\n`)
    this.#erase()
    this.out.write(`${text}\n`)
    this.#draw()
  }

  /** Draws the final state and stops redrawing. */
  close (): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    if (this.#tty) this.#redraw()
  }

  #redraw (): void {
    this.#erase()
    this.#draw()
  }

  #erase (): void {
    // Up to the first drawn row, then clear everything below it.
    if (this.#drawn > 0) this.out.write(`\x1b[${this.#drawn}A\r\x1b[J`)
    this.#drawn = 0
  }

  #draw (): void {
    // A row wider than the terminal would wrap, and the redraw would then move up too few lines.
    const width = (this.out.columns ?? 80) - 1
    for (const row of this.#rows.values()) this.out.write(`${line(row).slice(0, width)}\n`)
    this.#drawn = this.#rows.size
  }
}

function percent (row: ProgressRow): number {
  return row.total === 0 ? 0 : Math.min(100, Math.floor((row.done / row.total) * 100))
}

function line (row: ProgressRow): string {
  const filled = Math.round((percent(row) / 100) * BAR_WIDTH)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`
  return `${row.label}  ${bar} ${String(percent(row)).padStart(3)}%  ${bytes(row.done)} / ${bytes(row.total)}  ${row.status}`
}

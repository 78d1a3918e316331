/** Least time between two redraws of the status view. */
const REDRAW_MS = 200

/**
 * Where the devnet writes. On a terminal: notes scroll, and the status view below them is redrawn in place.
 * Otherwise (a pipe, a log file, a test): only lines are appended, details included, and no status view.
 */
export class Display {
  readonly #tty: boolean
  #drawn = 0
  #timer: NodeJS.Timeout | null = null
  #closed = false

  constructor (private readonly out: NodeJS.WriteStream, private readonly status: () => string[]) {
    this.#tty = out.isTTY === true
  }

  /** A line everyone sees. */
  note (text: string): void {
    this.#line(`datdot devnet: ${text}`)
  }

  /** A line for logs: on a terminal the status view shows it instead. */
  detail (text: string): void {
    if (!this.#tty) this.#line(`datdot devnet: ${text}`)
  }

  /** The status changed: redraw it soon. */
  refresh (): void {
    if (!this.#tty || this.#closed) return
    this.#timer ??= setTimeout(() => {
      this.#timer = null
      this.#erase()
      this.#draw()
    }, REDRAW_MS)
  }

  /** Stops redrawing; the status view stays as last drawn. */
  close (): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    this.#closed = true
    // Later lines go below the last status view, which stays on screen.
    this.#drawn = 0
  }

  #line (text: string): void {
    if (!this.#tty) return void this.out.write(`${text}\n`)
    this.#erase()
    this.out.write(`${text}\n`)
    if (!this.#closed) this.#draw()
  }

  #draw (): void {
    // A line wider than the terminal wraps, and the next erase would miss part of it.
    const width = (this.out.columns > 0 ? this.out.columns : 80) - 1
    const lines = this.status().map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l))
    this.out.write(lines.map((l) => `${l}\n`).join(''))
    this.#drawn = lines.length
  }

  #erase (): void {
    if (this.#drawn > 0) this.out.write(`\x1b[${this.#drawn}F\x1b[J`)
    this.#drawn = 0
  }
}

import { spawn } from 'node:child_process'
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { CliError } from '../errors.js'
import { logTail } from './log-tail.js'
import { slug } from './devnet-dir.js'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))
/** How long a part may take to print its ready line: generous, it only keeps a stuck start from hanging. */
const READY_TIMEOUT_MS = 120_000
/** How long a part may take to stop on SIGTERM before its whole process group is killed. */
const KILL_AFTER_MS = 10_000

export interface PartSpec {
  /** What the user calls it: `chain`, `dht`, `hoster //Bob`. Also names its log file. */
  readonly name: string
  /** `datdot` arguments, e.g. `['chain', 'start', '--dev']`. */
  readonly args: readonly string[]
  /** The stdout line that says it is up; its match is returned by `start`. */
  readonly ready: RegExp
}

/** A running `datdot` child process. */
export interface Part {
  readonly name: string
  readonly pid: number
  readonly log: string
}

interface Running extends Part {
  readonly exited: Promise<void>
}

/**
 * The devnet's child processes: each a `datdot` command in its own process group (so that a Ctrl-C on the
 * terminal reaches only the devnet, which stops them in order), its stderr and stdout kept in
 * `<logs>/<name>.log`, its pid listed in `pidsFile`. A part that exits without being asked makes `failed`
 * reject. Whatever is still running when this process exits, however it exits, is killed.
 */
export class Parts {
  readonly #running = new Map<string, Running>()
  readonly #all: Part[] = []
  #stopping = false
  #culprit: Part | null = null
  #fail!: (err: CliError) => void
  /** Rejects with DEVNET_PART_FAILED when a part fails: it exits, prints an error, or is not ready in time. */
  readonly failed = new Promise<never>((_resolve, reject) => { this.#fail = reject })

  constructor (private readonly logs: string, private readonly pidsFile: string) {
    this.failed.catch(() => {})
    writeFileSync(pidsFile, '')
    process.once('exit', this.#killAll)
  }

  /**
   * Spawns the part and resolves with its ready line's match. Rejects if it exits, prints a CLI error line
   * (`error [CODE]: …`: it has failed, even if something still keeps it from exiting) or stays silent.
   */
  async start (spec: PartSpec): Promise<{ part: Part, ready: RegExpExecArray }> {
    if (this.#stopping) throw CliError.DEVNET_STOPPED()
    const log = join(this.logs, `${slug(spec.name)}.log`)
    const fd = openSync(log, 'a')
    const proc = spawn(process.execPath, [BIN, ...spec.args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    // Output may still arrive after 'exit'; 'close' comes after the last of it.
    let open = true
    proc.once('close', () => { open = false; closeSync(fd) })
    const exited = new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.once('error', () => resolve()) })
    const part: Running = { name: spec.name, pid: proc.pid ?? 0, log, exited }
    if (proc.pid === undefined) {
      await exited
      throw this.#failure(part, 'could not be started')
    }
    this.#running.set(spec.name, part)
    this.#all.push(part)
    writeFileSync(this.pidsFile, this.#all.map((p) => `${p.pid} ${p.name}\n`).join(''))

    return await new Promise((resolve, reject) => {
      let ready = false
      const fail = (why: string): void => {
        clearTimeout(timer)
        if (this.#stopping) return reject(CliError.DEVNET_STOPPED())
        const err = this.#failure(part, why)
        reject(err)
        this.#fail(err)
      }
      const timer = setTimeout(() => fail(`was not ready within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS)
      const keep = (line: string): void => { if (open) writeSync(fd, `${line}\n`) }
      createInterface({ input: proc.stdout! }).on('line', (line) => {
        keep(line)
        const m = ready ? null : spec.ready.exec(line)
        if (m === null) return
        ready = true
        clearTimeout(timer)
        resolve({ part, ready: m })
      })
      createInterface({ input: proc.stderr! }).on('line', (line) => {
        keep(line)
        if (/^error \[\w+\]/.test(line)) fail(`failed: ${line}`)
      })
      proc.once('exit', (code, signal) => {
        this.#running.delete(spec.name)
        fail(`exited (${signal ?? `code ${code}`})${ready ? '' : ' before it was ready'}`)
      })
    })
  }

  /** The last lines of a part's log, readable. */
  tail (part: Part, lines = 12): string[] {
    return logTail(part.log, lines)
  }

  /** Whether `stop` was called: parts that come up now are about to be stopped. */
  get stopping (): boolean {
    return this.#stopping
  }

  /** The first part that failed (to start, or by exiting), if any. */
  get culprit (): Part | null {
    return this.#culprit
  }

  /**
   * Stops the parts group by group (each group in parallel, then the parts in no group): SIGTERM, then SIGKILL
   * to the whole process group after KILL_AFTER_MS. Resolves with the names of the parts that had to be killed.
   */
  async stop (groups: ReadonlyArray<(name: string) => boolean>): Promise<string[]> {
    this.#stopping = true
    const killed: string[] = []
    for (const inGroup of [...groups, () => true]) {
      const group = [...this.#running.values()].filter((p) => inGroup(p.name))
      await Promise.all(group.map(async (p) => {
        if (!signal(p.pid, 'SIGTERM')) return
        const timer = setTimeout(() => { killed.push(p.name); signal(-p.pid, 'SIGKILL') }, KILL_AFTER_MS)
        await p.exited
        clearTimeout(timer)
      }))
    }
    process.off('exit', this.#killAll)
    return killed
  }

  /** The error that says the part failed; the first part to fail is the one whose log is shown. */
  #failure (part: Part, why: string): CliError {
    this.#culprit ??= part
    return CliError.DEVNET_PART_FAILED(part.name, why, part.log)
  }

  /** Last resort on exit (a second Ctrl-C, a crash): nothing may outlive the devnet. */
  readonly #killAll = (): void => {
    for (const p of this.#running.values()) signal(-p.pid, 'SIGKILL')
  }
}

/** Sends a signal (to a process group when `pid` is negative); false if there was nothing to signal. */
function signal (pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig)
    return true
  } catch {
    return false
  }
}

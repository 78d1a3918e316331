import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'

const PREFIX = 'datdot-chain-'
/** Holds `<host name> <pid>` of the node using the directory. */
const OWNER = 'owner.pid'
/** A directory without a readable owner file (made by an older version, or being made now) is left this long. */
const UNOWNED_GRACE_MS = 60 * 60 * 1000

export interface TempBase {
  readonly path: string
  remove (): void
}

/**
 * A `--tmp` node's base path. A node killed with SIGKILL never removes its own, so each start first removes
 * those whose node is gone.
 */
export function makeTempBase (parent = tmpdir()): TempBase {
  removeLeftovers(parent)
  const path = mkdtempSync(join(parent, PREFIX))
  // Written whole or not at all: a half-written owner must not read as a dead one.
  writeFileSync(join(path, `${OWNER}.new`), `${hostname()} ${process.pid}`)
  renameSync(join(path, `${OWNER}.new`), join(path, OWNER))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** Removes the temp base paths of nodes that are no longer running. */
function removeLeftovers (parent: string): void {
  let names: string[]
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(PREFIX))
  } catch {
    return
  }
  for (const name of names) {
    const path = join(parent, name)
    try {
      if (abandoned(path)) rmSync(path, { recursive: true, force: true })
    } catch {
      // Another user's directory, or one removed meanwhile: not ours to clean.
    }
  }
}

function abandoned (path: string): boolean {
  const owner = readOwner(path)
  if (owner === null) return Date.now() - statSync(path).mtimeMs > UNOWNED_GRACE_MS
  // Another machine's (or container's) node, sharing this temp dir: its pids say nothing here.
  if (owner.host !== hostname()) return false
  const { pid } = owner
  try {
    process.kill(pid, 0)
    return false
  } catch (err) {
    // EPERM: the process exists (another user's).
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

function readOwner (path: string): { host: string, pid: number } | null {
  let text: string
  try {
    text = readFileSync(join(path, OWNER), 'utf8')
  } catch {
    return null
  }
  const m = /^(\S+) (\d+)$/.exec(text)
  return m === null || Number(m[2]) <= 0 ? null : { host: m[1], pid: Number(m[2]) }
}

// Hypercores in temporary directories for the in-process benchmarks, and a feed of random blocks.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import Hypercore from 'hypercore'

export interface TempCores {
  /** A new core of its own key pair in a directory of its own. */
  open (): Promise<Hypercore>
  /** A new core holding `blocks` random blocks of `size` bytes. */
  feed (blocks: number, size: number): Promise<Hypercore>
  /** Closes every core opened and deletes their directories. */
  close (): Promise<void>
}

export function tempCores (prefix: string): TempCores {
  const opened: Array<{ core: Hypercore, dir: string }> = []
  const open = async () => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    const core = new Hypercore(dir)
    opened.push({ core, dir })
    await core.ready()
    return core
  }
  return {
    open,
    feed: async (blocks, size) => {
      const core = await open()
      for (let i = 0; i < blocks; i += 64) await core.append(Array.from({ length: Math.min(64, blocks - i) }, () => randomBytes(size)))
      return core
    },
    close: async () => {
      await Promise.all(opened.map(({ core }) => core.close()))
      for (const { dir } of opened) rmSync(dir, { recursive: true, force: true })
    }
  }
}

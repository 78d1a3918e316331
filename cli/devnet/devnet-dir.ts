import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CliError } from '../errors.js'

/** Everything a devnet keeps, under one directory. */
export class DevnetDir {
  private constructor (readonly root: string, readonly temporary: boolean) {
    mkdirSync(this.logs, { recursive: true })
  }

  /** `dir`, made if needed; a new temporary directory if none is given. */
  static open (dir: string | undefined): DevnetDir {
    if (dir === undefined) return new DevnetDir(mkdtempSync(join(tmpdir(), 'datdot-devnet-')), true)
    const root = resolve(dir)
    try {
      mkdirSync(root, { recursive: true })
      accessSync(root, constants.W_OK)
      return new DevnetDir(root, false)
    } catch (err) {
      throw CliError.DEVNET_DIR_UNUSABLE(root, (err as Error).message)
    }
  }

  get logs (): string { return join(this.root, 'logs') }
  /** `<pid> <part>` per line, for every process the devnet started. */
  get pids (): string { return join(this.root, 'pids') }
  get chain (): string { return join(this.root, 'chain') }
  get publisher (): string { return join(this.root, 'publisher') }
  service (slug: string): string { return join(this.root, 'services', slug) }

  /** Deletes the directory if it is a temporary one. */
  removeIfTemporary (): void {
    if (this.temporary) rmSync(this.root, { recursive: true, force: true })
  }
}

/** A part's name as a file name: `hoster //Alice//hoster/6` → `hoster-Alice-hoster-6`. */
export function slug (name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')
}

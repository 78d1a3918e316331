import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type Corestore from 'corestore'
import type Hypercore from 'hypercore'
import { CliError } from './errors.js'
import { parseHypercoreKey } from './hypercore-key.js'

/** What `datdot publish` publishes: a file or directory to turn into a new hypercore, or a hypercore of the store. */
export type PublishSource = { readonly path: string } | { readonly key: string }

/**
 * Tells a key from a path without touching the network: 64 hex characters are a key (`./NAME` is the file
 * of that name); anything else must exist on disk.
 */
export function publishSource (value: string): PublishSource {
  const key = parseHypercoreKey(value)
  if (key !== null) return { key }
  const path = resolve(value)
  if (existsSync(path)) return { path }
  if (/^(0x)?[0-9a-fA-F]{32,}$/.test(value)) throw CliError.BAD_KEY(value)
  throw CliError.PATH_NOT_FOUND(path)
}

/** The hypercore to publish: a new one in the store holding the path's data, or the store's core with that key. */
export async function openSource (store: Corestore, source: PublishSource, storage: string): Promise<Hypercore> {
  if ('key' in source) {
    const core = store.get({ key: Buffer.from(source.key, 'hex') })
    await core.ready()
    // A key the store does not hold opens as an empty core: it has nothing to seed.
    if (core.length === 0 || core.contiguousLength < core.length) {
      await core.close()
      throw CliError.CORE_NOT_HELD(source.key, storage)
    }
    return core
  }
  const { appendPath } = await import('../service/publisher.js')
  // A fresh name gives a fresh key pair: each published path is its own hypercore.
  const core = store.get({ name: `publish/${randomBytes(16).toString('hex')}` })
  await core.ready()
  await appendPath(core, source.path)
  if (core.length === 0) {
    await core.close()
    throw CliError.NOTHING_TO_PUBLISH(source.path)
  }
  return core
}

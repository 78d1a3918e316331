import type { TestContext } from 'node:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import DHT from 'hyperdht'
import type Hypercore from 'hypercore'

/**
 * What a third party can do to a slot with public values alone: open a core under the slot's key (the key is
 * the hash of the slot's manifest, which anyone can compute) and write other blocks straight into its
 * storage, past the session's write checks (with no signer in the manifest, the session refuses appends).
 * Writes `blocks` plus one, so that peers holding the genuine slot take it for an update.
 */
export async function forgeBlocks (core: Hypercore, blocks: Uint8Array[]): Promise<void> {
  const state = core.state as { append (values: Uint8Array[], opts: object): Promise<unknown> }
  await state.append([...blocks, new Uint8Array(8)], {})
}

/**
 * A third party on the swarm: a corestore holding a forged core under `key` (see forgeBlocks), announced on
 * the core's topic so that hosters, encoders and readers of the genuine one connect to it. Closed after the test.
 */
export async function startForger (t: TestContext, key: Uint8Array, manifest: object, blocks: Uint8Array[], bootstrap: string[]): Promise<Hypercore> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-forger-'))
  const store = new Corestore(dir)
  const dht = new DHT({ bootstrap, host: '127.0.0.1', firewalled: false })
  const swarm = new Hyperswarm({ dht })
  swarm.on('connection', (conn) => store.replicate(conn))
  t.after(async () => {
    await swarm.destroy()
    await dht.destroy()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const core = store.get({ key, manifest })
  await core.ready()
  await forgeBlocks(core, blocks)
  await swarm.join(core.discoveryKey, { client: true, server: true }).flushed()
  await swarm.flush()
  return core
}

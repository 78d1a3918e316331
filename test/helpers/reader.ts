import type { TestContext } from 'node:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Corestore from 'corestore'
import Hyperswarm from 'hyperswarm'
import DHT from 'hyperdht'
import type Hypercore from 'hypercore'

/**
 * An ordinary reader that knows nothing of datdot: a corestore and a hyperswarm that look the feed up by its
 * discovery key. `close()` also removes its storage.
 */
export async function openPlainReader (key: Uint8Array, bootstrap: string[]): Promise<{ core: Hypercore, close (): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-reader-'))
  const store = new Corestore(dir)
  const dht = new DHT({ bootstrap, host: '127.0.0.1', firewalled: false })
  const swarm = new Hyperswarm({ dht })
  swarm.on('connection', (conn) => store.replicate(conn))
  const core = store.get({ key })
  await core.ready()
  swarm.join(core.discoveryKey, { client: true, server: true })
  const done = core.findingPeers()
  await swarm.flush().then(done, done)
  await core.update({ wait: true })
  return {
    core,
    async close () {
      await swarm.destroy()
      await dht.destroy()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A plain reader closed when the test ends. */
export async function plainReader (t: TestContext, key: Uint8Array, bootstrap: string[]): Promise<Hypercore> {
  const reader = await openPlainReader(key, bootstrap)
  t.after(() => reader.close())
  return reader.core
}

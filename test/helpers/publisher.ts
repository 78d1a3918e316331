import type { TestContext } from 'node:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import type Hypercore from 'hypercore'
import { connectChain } from '../../service/chain.js'
import { keysFromUri } from '../../service/keys.js'
import { Network } from '../../service/network.js'
import { TxQueue } from '../../service/tx-queue.js'
import { Publisher } from '../../service/publisher.js'

export interface TestPublisher {
  readonly publisher: Publisher
  readonly network: Network
  /** The publisher's storage directory (kept across close(), for going online again). */
  readonly storage: string
  /** A writable core in the publisher's corestore. */
  core (name: string): Promise<Hypercore>
  /** Goes offline: closes the swarm and the store (the storage stays, for going online again). */
  close (): Promise<void>
}

/** The publisher side through datdot's library API, in this process; closed when the test ends. */
export async function startPublisher (t: TestContext, opts: { uri: string, chain: string, bootstrap: string[], storage?: string }): Promise<TestPublisher> {
  const storage = opts.storage ?? mkdtempSync(join(tmpdir(), 'datdot-publisher-'))
  if (opts.storage === undefined) t.after(() => rmSync(storage, { recursive: true, force: true }))
  const log = pino({ level: 'warn' })
  const keys = await keysFromUri(opts.uri)
  const api = await connectChain(opts.chain)
  const network = new Network({ storage, noise: keys.noise, bootstrap: opts.bootstrap, log })
  await network.ready()
  const txq = new TxQueue(api, keys.account, { logger: log })
  const publisher = new Publisher({ api, network, txq, log })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    publisher.close()
    txq.close()
    await network.close()
    await api.disconnect()
  }
  t.after(close)
  return {
    publisher,
    network,
    storage,
    async core (name) {
      const core = network.store.get({ name })
      await core.ready()
      return core
    },
    close
  }
}

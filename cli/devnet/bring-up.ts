import { fileURLToPath } from 'node:url'
import type { DevnetService, ServiceRole } from './accounts.js'
import { slug } from './devnet-dir.js'
import type { DevnetDir } from './devnet-dir.js'
import type { Display } from './display.js'
import type { Parts } from './parts.js'
import type { Endpoints } from './status-view.js'

/** Short challenge periods and windows, so that challenges come within seconds. */
const DEVNET_SPEC = fileURLToPath(new URL('../../chain-spec/devnet.json', import.meta.url))

/** Starts the chain and the DHT bootstrap node side by side; resolves with where they listen. */
export async function startChainAndDht (parts: Parts, dir: DevnetDir, blockTime: number, display: Display): Promise<Endpoints> {
  const [chain, dht] = await Promise.all([
    parts.start({
      name: 'chain',
      args: ['chain', 'start', '--dev', '--chain', DEVNET_SPEC, '--base-path', dir.chain, '--port', '0', '--block-time', String(blockTime)],
      ready: /^datdot chain: listening on (ws:\/\/\S+)$/
    }),
    parts.start({ name: 'dht', args: ['dht', '--port', '0'], ready: /^datdot dht: listening on (\S+:\d+)$/ })
  ])
  display.note(`chain listening on ${chain.ready[1]} (pid ${chain.part.pid})`)
  display.note(`DHT bootstrap node on ${dht.ready[1]} (pid ${dht.part.pid})`)
  return { chain: chain.ready[1], bootstrap: dht.ready[1] }
}

export interface StartedService {
  readonly role: ServiceRole
  /** Its dev URI. */
  readonly label: string
  readonly address: string
}

/** Starts the hoster, attester and encoder services side by side; each has registered its role once it is up. */
export async function startServices (parts: Parts, dir: DevnetDir, roster: readonly DevnetService[], endpoints: Endpoints, display: Display): Promise<StartedService[]> {
  return await Promise.all(roster.map(async ({ role, uri }) => {
    const name = `${role} ${uri}`
    const { part, ready } = await parts.start({
      name,
      args: ['service', 'start', '--dev', '--account', uri, '--roles', role, '--storage', dir.service(slug(name)), '--chain', endpoints.chain, '--bootstrap', endpoints.bootstrap],
      ready: /^datdot service: started as (\S+)/
    })
    if (!parts.stopping) display.note(`${name} started as ${ready[1]} (pid ${part.pid})`)
    return { role, label: uri, address: ready[1] }
  }))
}

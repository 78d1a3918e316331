import type { TestContext } from 'node:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { DatdotService } from '../../service/service.js'
import type { RoleName } from '../../service/service.js'
import { keysFromUri } from '../../service/keys.js'
import { devAccount } from './api.js'
import { fundAt } from './faucet.js'

export interface InProcessService {
  readonly service: DatdotService
  readonly storage: string
  /** Everything the service logged so far (pino JSON lines). */
  readonly logs: string[]
  /** The service's metrics in Prometheus text format, as /metrics serves them. */
  metrics (): Promise<string>
}

/**
 * The real datdot service (chain over RPC, its own corestore and hyperswarm) run in this process, so that a
 * test can reach into its disk; stopped and its storage removed when the test ends.
 */
export async function startServiceInProcess (t: TestContext, opts: { account: string, roles: RoleName[], chain: string, bootstrap: string[], graceMs?: number }): Promise<InProcessService> {
  await fundAt(t, opts.chain, [devAccount(opts.account).address])
  const storage = mkdtempSync(join(tmpdir(), 'datdot-service-'))
  const logs: string[] = []
  const log = pino({ level: 'info' }, { write: (line: string) => { logs.push(line) } })
  const service = await DatdotService.start({
    keys: await keysFromUri(opts.account), roles: opts.roles, capacity: 1n << 30n, storage, chain: opts.chain,
    bootstrap: opts.bootstrap, graceMs: opts.graceMs ?? 2000, log
  })
  t.after(async () => {
    await service.stop()
    rmSync(storage, { recursive: true, force: true })
  })
  return { service, storage, logs, metrics: () => service.metrics.registry.metrics() }
}

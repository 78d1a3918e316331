import { resolve } from 'node:path'
import { Option } from 'commander'
import type { Command } from 'commander'
import { stderrLogger } from '../logger.js'
import { CliError } from '../errors.js'
import { stopSignal } from '../stop-signal.js'
import { addAccountOptions, resolveKeys } from '../account.js'
import type { AccountFlags } from '../account.js'
import type { RoleName } from '../../service/service.js'
import { byteSize, integer } from '../parse.js'
import { bootstrapOption, chainOption, reachableOption } from '../connection-options.js'

interface ServiceFlags extends AccountFlags {
  roles: string
  storage: string
  chain: string
  bootstrap: string[]
  capacity: bigint
  metrics?: number
  grace: number
  reachable?: true
}

const ROLE_NAMES = ['hoster', 'encoder', 'attester']

/** Adds `start` to the `service` command. */
export function addServiceStartCommand (service: Command): void {
  const start = service.command('start')
    .description('run a datdot service: hoster, encoder and/or attester roles on one corestore and one hyperswarm, driven by the chain')
    .requiredOption('--roles <list>', `comma-separated roles (${ROLE_NAMES.join(', ')})`)
    .requiredOption('--storage <dir>', 'directory of the service\'s corestore')
    .addOption(chainOption())
    .addOption(bootstrapOption())
    .addOption(reachableOption())
    .addOption(new Option('--capacity <size>', 'bytes offered for hosting, e.g. 10GiB').argParser(byteSize).default(10n * 1024n ** 3n, '10GiB'))
    .addOption(new Option('--metrics <port>', 'serve Prometheus metrics on 127.0.0.1:<port>').argParser(integer('metrics port', 0, 65535)))
    .addOption(new Option('--grace <ms>', 'how long data stays once no longer needed: a lost position, an ended plan, a slot its hoster now serves').argParser(integer('grace', 0, 2 ** 31 - 1)).default(600_000, '10 minutes'))
    .addHelpText('after', `
Example:
  datdot service start --roles hoster,encoder,attester --account //Bob --dev --storage ./bob --bootstrap 127.0.0.1:49737`)
    .action(startServiceCommand)
  addAccountOptions(start)
}

async function startServiceCommand (flags: ServiceFlags): Promise<void> {
  const roles = flags.roles.split(',').map((r) => r.trim()).filter(Boolean)
  const unknown = roles.filter((r) => !ROLE_NAMES.includes(r))
  if (roles.length === 0 || unknown.length > 0) throw CliError.USAGE(`--roles takes ${ROLE_NAMES.join(', ')}; not: ${unknown.join(', ') || '(none)'}`)
  const keys = await resolveKeys(flags)
  const logger = await stderrLogger()
  const stop = stopSignal(logger)
  try {
    const { DatdotService } = await import('../../service/service.js')
    const service = await DatdotService.start({
      keys,
      roles: roles as RoleName[],
      capacity: flags.capacity,
      storage: resolve(flags.storage),
      chain: flags.chain,
      bootstrap: flags.bootstrap,
      reachable: flags.reachable,
      metricsPort: flags.metrics,
      graceMs: flags.grace,
      log: logger
    })
    process.stdout.write(`datdot service: started as ${service.address}${service.metricsPort === null ? '' : ` (metrics on 127.0.0.1:${service.metricsPort})`}\n`)
    await stop.received
    await service.stop()
  } finally {
    stop.dispose()
  }
}

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Option } from 'commander'
import type { Command } from 'commander'
import { fileLogger } from '../logger.js'
import type { Logger } from 'pino'
import { CliError } from '../errors.js'
import { integer } from '../parse.js'
import { erasureCode } from '../hosting-mode.js'
import type { HostingMode } from '../../service/publisher.js'
import { stopSignal } from '../stop-signal.js'
import { SPONSOR_URI, devnetServices } from '../devnet/accounts.js'
import { SERVICE_FUNDS, fundServices } from '../devnet/fund-services.js'
import { startChainAndDht, startServices } from '../devnet/bring-up.js'
import { DevnetDir } from '../devnet/devnet-dir.js'
import { Display } from '../devnet/display.js'
import { consoleToLog } from '../devnet/console-to-log.js'
import { Parts } from '../devnet/parts.js'
import type { Part } from '../devnet/parts.js'
import { bytes, count } from '../table.js'
import type { NetworkState } from '../devnet/network-state.js'
import { statusLines } from '../devnet/status-view.js'
import type { Endpoints } from '../devnet/status-view.js'
import type { PublisherSide } from '../devnet/publisher-side.js'

/** How long the in-process publisher may take to close before the devnet goes on without it. */
const CLOSE_TIMEOUT_MS = 10_000

interface DevnetFlags {
  hosters: number
  attesters: number
  encoders?: number
  erasure?: { erasure: { k: number, m: number } }
  blockTime: number
  feed?: string
  dir?: string
}

/** Adds `devnet`: a whole local network in one command. */
export function addDevnetCommand (program: Command): void {
  program.command('devnet')
    .description('run a local datdot network (a chain, a DHT bootstrap node, hoster and attester services), publish a feed to it and show hosting and challenges live, until Ctrl-C')
    .addOption(new Option('--hosters <n>', 'hoster services; the feed gets one replica on each (or a slot on k + m of them with --erasure)').argParser(integer('--hosters', 1, 32)).default(3))
    .addOption(new Option('--attesters <n>', 'attester services (they check hosting setups and performance)').argParser(integer('--attesters', 1, 32)).default(2))
    .addOption(new Option('--encoders <n>', 'encoder services: they code erasure plans into slots and rebuild lost ones (default: 0, or 2 with --erasure)').argParser(integer('--encoders', 0, 32)))
    .addOption(new Option('--erasure <k+m>', 'publish the feed as k+m Reed-Solomon slots (k + m ≤ --hosters) instead of a replica on each hoster').argParser(erasureCode))
    .addOption(new Option('--block-time <ms>', 'a block every <ms> milliseconds').argParser(integer('block time', 100, 60_000)).default(1000))
    .option('--feed <path>', 'publish this file or directory (default: 4 MiB of sample data)')
    .option('--dir <dir>', 'keep the chain, services, publisher and logs in <dir>, kept after exit; running again on it resumes the network (default: a temporary directory, deleted at exit)')
    .addHelpText('after', `
The chain runs chain-spec/devnet.json: storage challenges every 4 blocks on average, 10 blocks to answer.
Accounts: //Alice publishes and pays; services are //Bob, //Charlie, //Dave, //Eve, //Ferdie (hosters
first, then attesters, then encoders), then //Alice//hoster/N, //Alice//attester/N and //Alice//encoder/N,
to which //Alice first transfers ${SERVICE_FUNDS} ratio each for their fees.
Logs: <dir>/logs/*.log; pids: <dir>/pids.

Examples:
  datdot devnet                                  3 hosters, 2 attesters, sample data
  datdot devnet --hosters 5 --feed ./photos      publish a directory to 5 hosters
  datdot devnet --erasure 2+1                    the feed as 3 erasure slots, coded by 2 encoders
  datdot devnet --dir ./net                      keep the network; run again to resume it`)
    .action(runDevnet)
}

async function runDevnet (flags: DevnetFlags): Promise<void> {
  const mode: HostingMode = flags.erasure ?? { replicas: flags.hosters }
  const positions = 'replicas' in mode ? mode.replicas : mode.erasure.k + mode.erasure.m
  if (positions > flags.hosters) throw CliError.USAGE(`--erasure ${flags.erasure!.erasure.k}+${flags.erasure!.erasure.m} needs ${positions} hosters; --hosters is ${flags.hosters}`)
  // A new erasure plan needs two encoders whose slot roots agree.
  const encoders = flags.encoders ?? (flags.erasure === undefined ? 0 : 2)
  if (flags.erasure !== undefined && encoders < 2) throw CliError.USAGE('--erasure needs --encoders 2 or more: two encoders must agree on the slots')
  if (flags.feed !== undefined && !existsSync(flags.feed)) {
    const { serviceErrors } = await import('../../service/errors.js')
    throw serviceErrors.notFound(resolve(flags.feed))
  }
  // Loaded before anything starts: a Ctrl-C on the terminal may also end tsx's compiler process.
  const { startPublisher, hostFeed } = await import('../devnet/publisher-side.js')
  const { followNetwork, restorePlan } = await import('../devnet/follow.js')
  const { NetworkState } = await import('../devnet/network-state.js')

  const dir = DevnetDir.open(flags.dir)
  const log = await fileLogger(`${dir.logs}/devnet.log`)
  const stop = stopSignal(log)
  const restoreConsole = consoleToLog(log)
  const parts = new Parts(dir.logs, dir.pids)
  let state: NetworkState | null = null
  let endpoints: Endpoints | null = null
  const display = new Display(process.stdout, () => state === null || endpoints === null ? [] : statusLines(state, endpoints, feedLabel, startedAt))
  const startedAt = Date.now()
  let feedLabel = ''
  let publisher: Promise<PublisherSide> | null = null
  let unfollow = (): void => {}
  // Every wait also ends when a part fails or a stop is asked for.
  const stopped = stop.received.then(() => { throw CliError.DEVNET_STOPPED() })
  stopped.catch(() => {})
  const until = <T>(p: Promise<T>): Promise<T> => Promise.race([p, parts.failed, stopped])

  let failure: unknown = null
  try {
    display.note(`starting in ${dir.root}${dir.temporary ? ' (temporary)' : ''}`)
    endpoints = await until(startChainAndDht(parts, dir, flags.blockTime, display))
    publisher = startPublisher({ uri: SPONSOR_URI, chain: endpoints.chain, bootstrap: [endpoints.bootstrap], storage: dir.publisher, feedPath: flags.feed, log: log.child({ part: 'publisher' }) })
    const side = await until(publisher)
    const roster = devnetServices({ ...flags, encoders })
    const funded = await until(fundServices(side, roster))
    if (funded.length > 0) display.note(`${SPONSOR_URI} gave ${count(funded.length, 'service account')} ${SERVICE_FUNDS} ratio each for their fees`)
    const services = await until(startServices(parts, dir, roster, endpoints, display))
    const network = new NetworkState({ label: SPONSOR_URI, address: side.sponsor }, services.filter((s) => s.role === 'hoster'), services.filter((s) => s.role === 'attester'))
    state = network
    network.on('change', () => display.refresh())
    network.on('note', (text, detail) => detail ? display.detail(text) : display.note(text))
    const up = new Promise<void>((resolve) => network.once('up', resolve))
    unfollow = await until(followNetwork(side.api, network, log))

    feedLabel = `${side.feed.source}, ${bytes(side.feed.core.byteLength)}`
    side.publisher.on('progress', ({ hoster, bytes, total }) => network.downloaded(hoster, bytes, total))
    const asked = 'replicas' in mode ? count(mode.replicas, 'replica') : `${mode.erasure.k}+${mode.erasure.m} erasure slots`
    display.note(`feed ${Buffer.from(side.feed.core.key).toString('hex')}: ${feedLabel}; ${SPONSOR_URI} asks for ${asked}`)
    const hosted = await until(hostFeed(side, mode))
    network.watch(hosted.plan, hosted.positions)
    if (hosted.resumed) {
      display.note(`resuming plan ${hosted.plan}, requested by an earlier run on this directory`)
      await until(restorePlan(side.api, network, hosted.plan, hosted.positions))
    }

    await until(up)
    display.note(`all ${count(positions, 'hoster')} hosting; challenges passing (up in ${process.uptime().toFixed(1)} s)`)
    display.note(`use it from other terminals: export DATDOT_CHAIN=${endpoints.chain} DATDOT_BOOTSTRAP=${endpoints.bootstrap}`)
    await until(new Promise<never>(() => {}))
  } catch (err) {
    failure = err
  } finally {
    display.note('stopping')
    unfollow()
    await closePublisher(publisher, log)
    // Readers and encoders before what they use: an attester's check of a hoster that is gone keeps it waiting.
    const killed = await parts.stop([(name) => name.startsWith('attester') || name.startsWith('encoder'), (name) => name.startsWith('hoster')])
    display.close()
    stop.dispose()
    restoreConsole()
    if (killed.length > 0) display.note(`killed ${killed.join(', ')}: they did not stop within 10 s`)
    reportCulprit(parts.culprit, parts)
  }
  // A library that still holds a handle (a socket, a timer) must not keep the devnet alive once it is done.
  setTimeout(() => process.exit(), CLOSE_TIMEOUT_MS).unref()
  if (failure !== null && !(failure instanceof CliError && failure.code === 'DEVNET_STOPPED')) {
    if (dir.temporary) display.note(`kept ${dir.root} for its logs`)
    throw failure
  }
  dir.removeIfTemporary()
  display.note('stopped')
}

/** Closes the in-process publisher, also one still starting; gives up on it after CLOSE_TIMEOUT_MS. */
async function closePublisher (publisher: Promise<PublisherSide> | null, log: Logger): Promise<void> {
  if (publisher === null) return
  const closed = publisher.then((side) => side.close(), () => {})
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())
  await Promise.race([closed, timeout]).catch((err) => log.warn({ err }, 'while closing the publisher'))
}

/** The last lines of the log of the part that failed, on stderr before the error line. */
function reportCulprit (culprit: Part | null, parts: Parts): void {
  if (culprit === null) return
  process.stderr.write(`--- last lines of ${culprit.log} ---\n${parts.tail(culprit).join('\n')}\n---\n`)
}

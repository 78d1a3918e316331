import { dataHome } from '../config.js'
import { join, resolve } from 'node:path'
import { Option } from 'commander'
import type { Command } from 'commander'
import { stderrLogger } from '../logger.js'
import { addAccountOptions, resolveKeys } from '../account.js'
import type { AccountFlags } from '../account.js'
import { bootstrapOption, chainOption, reachableOption } from '../connection-options.js'
import { connectToChain, onChainLost } from '../chain-client.js'
import { CliError } from '../errors.js'
import { blockRanges, erasureCode } from '../hosting-mode.js'
import { integer } from '../parse.js'
import { PublishDisplay } from '../publish-display.js'
import { openSource, publishSource } from '../publish-source.js'
import { stopSignal } from '../stop-signal.js'
import { bytes } from '../table.js'
import { modeText } from '../status/render.js'

interface PublishFlags extends AccountFlags {
  replicas: number
  erasure?: ReturnType<typeof erasureCode>
  ranges?: Array<[number, number]>
  wait?: true
  storage: string
  chain: string
  bootstrap: string[]
  reachable?: true
  json?: true
}

/** Adds `publish`: records a hypercore on chain, asks for hosting and seeds it until its hosters have it. */
export function addPublishCommand (program: Command): void {
  const publish = program.command('publish')
    .description('publish a file, a directory or a hypercore: record it on chain, ask the network to host it, and seed it to the hosters it picks')
    .argument('<source>', 'a file or directory (it becomes a new hypercore in --storage), or the 64-hex key of a hypercore in --storage')
    .addOption(new Option('--replicas <n>', 'whole copies, each kept by its own hoster').argParser(integer('replicas', 1, 65535)).default(3).conflicts('erasure'))
    .addOption(new Option('--erasure <k+m>', 'Reed-Solomon coding instead: k data and m parity slots, each kept by its own hoster (any k rebuild the data)').argParser(erasureCode))
    .addOption(new Option('--ranges <a-b,…>', 'host only these block ranges of the feed (END excluded), e.g. 0-100,200-250; hosters fetch, keep and are paid for those blocks only (replicas: an erasure plan codes the whole feed, and its growth)').argParser(blockRanges).conflicts('erasure'))
    .option('--wait', 'stay until the chain confirms every position (HostingStarted), not only until every hoster holds the data')
    .addOption(new Option('--storage <dir>', 'the publisher\'s corestore, where published hypercores are kept').default(defaultStorage(), '$XDG_DATA_HOME/datdot/publisher'))
    .addOption(chainOption())
    .addOption(bootstrapOption())
    .addOption(reachableOption())
    .option('--json', 'print one JSON object at the end instead of progress and text')
    .addHelpText('after', `
The command seeds the data itself: it stays until every hoster holds the data (they report HostingReady),
then exits 0, as the publisher is no longer needed. With --wait it also waits for the attesters' checks
(HostingStarted on every position). A plan waits in the chain's queue while the network lacks providers;
Ctrl-C stops seeding (exit 1), and the plan stays requested until datdot unpublish ends it.
A 64-hex argument is a key; write ./NAME for a file whose name looks like one.

Examples:
  datdot publish ./photos --replicas 3 --account //Alice --dev --bootstrap 127.0.0.1:49737
  datdot publish 3f1c…(64 hex) --erasure 4+2 --wait --json`)
    .action(publishCommand)
  addAccountOptions(publish)
}

function defaultStorage (): string {
  return join(dataHome(), 'datdot', 'publisher')
}

async function publishCommand (value: string, flags: PublishFlags): Promise<void> {
  const source = publishSource(value)
  const mode = flags.erasure ?? { replicas: flags.replicas }
  const keys = await resolveKeys(flags)
  const storage = resolve(flags.storage)
  // stdout carries the progress and the result; logs (warnings only) go to stderr.
  const log = await stderrLogger('warn')
  const stop = stopSignal(log)
  const closers: Array<() => unknown> = []
  try {
    const api = await connectToChain(flags.chain)
    closers.push(() => api.disconnect())
    const lost = onChainLost(api, flags.chain)
    lost.catch(() => {}) // it also rejects when we disconnect at the end, with no step left to race it
    /** Runs a step unless Ctrl-C or the loss of the chain comes first. */
    const step = <T>(work: Promise<T>, interrupted: () => CliError): Promise<T> =>
      Promise.race([work, lost, stop.received.then(() => { throw interrupted() })])

    // Imported here, not at the top, so that --help and usage errors need neither polkadot-js nor hyperswarm.
    const [{ Network }, { TxQueue }, { Publisher }] = await Promise.all([
      import('../../service/network.js'), import('../../service/tx-queue.js'), import('../../service/publisher.js')
    ])
    const network = new Network({ storage, noise: keys.noise, bootstrap: flags.bootstrap, reachable: flags.reachable, log })
    closers.push(() => network.close())
    const txq = new TxQueue(api, keys.account, { logger: log })
    closers.push(() => txq.close())
    const publisher = new Publisher({ api, network, txq, log })
    closers.push(() => publisher.close())
    const { watch } = publisher

    const before = () => CliError.INTERRUPTED('before publishing', 'nothing was recorded on chain')
    const core = await step(network.ready().then(() => openSource(network.store, source, storage)), before)
    const key = Buffer.from(core.key).toString('hex')
    const display = new PublishDisplay(flags.json === true ? null : process.stdout, core.byteLength)
    closers.push(() => display.close())
    display.note([['feed key', key], ['size', `${core.length} blocks, ${bytes(core.byteLength)}`]])
    publisher.on('progress', ({ hoster, bytes }) => display.uploaded(hoster, bytes))

    const published = await step(publisher.publish(core, mode, { ranges: flags.ranges }), () =>
      CliError.INTERRUPTED('while publishing', `the feed and a plan may be on chain already: datdot status ${key}`))
    const plan = published.planId
    display.note([['feed id', String(published.feedId)], ['plan', `${plan} (${modeText(mode)})`]])
    for (const setup of watch.positions(plan)) display.setup(setup)
    watch.on('change', (id, setup) => { if (id === plan) display.setup(setup) })
    if (watch.positions(plan).length === 0) display.note([['queued', 'waiting for enough free hosters and attesters']])

    await step(watch.until(plan, published.positions, flags.wait === true ? 'started' : 'ready'), () =>
      CliError.INTERRUPTED(`before every hoster of plan ${plan} had the data`, `the plan stays requested but its hosters need a seed; end it with datdot unpublish ${plan}`))
    display.close()
    const result = { feedKey: key, feed: Number(published.feedId), plan: Number(plan), mode, length: core.length, byteLength: core.byteLength, storage, hosters: display.hosters() }
    process.stdout.write(flags.json === true ? `${JSON.stringify(result, null, 2)}\n` : done(plan, flags.wait === true))
  } finally {
    for (const close of closers.reverse()) await Promise.resolve().then(close).catch((err) => log.warn({ err }, 'while closing'))
    stop.dispose()
  }
}

function done (plan: bigint, waited: boolean): string {
  return waited
    ? `hosted: every position of plan ${plan} started (datdot status plan:${plan})\n`
    : `every hoster of plan ${plan} holds the data; attesters check them next (datdot status plan:${plan})\n`
}

import { createSocket } from 'node:dgram'
import type { Command } from 'commander'
import { stderrLogger } from '../logger.js'
import { stopSignal } from '../stop-signal.js'
import { integer } from '../parse.js'

/** Adds `dht`: a DHT bootstrap node for a local or private datdot network. */
export function addDhtCommand (program: Command): void {
  program.command('dht')
    .description('run a hyperswarm DHT bootstrap node; services and readers join the network through it (--bootstrap HOST:PORT)')
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'UDP port (0 picks a free port)', integer('port', 0, 65535), 49737)
    .action(async (flags: { host: string, port: number }) => {
      const logger = await stderrLogger()
      const stop = stopSignal(logger)
      try {
        const { default: DHT } = await import('hyperdht')
        // A bootstrapper is not firewalled: every node must be able to reach it.
        // hyperdht's bootstrapper announces the port it is given, so port 0 is resolved to a free one first.
        const port = flags.port === 0 ? await freeUdpPort(flags.host) : flags.port
        const node = DHT.bootstrapper(port, flags.host, { firewalled: false })
        await node.ready()
        process.stdout.write(`datdot dht: listening on ${flags.host}:${node.address().port}\n`)
        await stop.received
        await node.destroy()
      } finally {
        stop.dispose()
      }
    })
}

/** A UDP port free on `host` right now. */
function freeUdpPort (host: string): Promise<number> {
  const socket = createSocket('udp4')
  return new Promise((resolve, reject) => {
    socket.once('error', reject)
    socket.bind(0, host, () => {
      const { port } = socket.address()
      socket.close(() => resolve(port))
    })
  })
}

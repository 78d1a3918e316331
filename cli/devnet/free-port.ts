import { createSocket } from 'node:dgram'

/**
 * A UDP port that is free on 127.0.0.1 right now. `datdot dht --port 0` cannot pick one itself (hyperdht's
 * bootstrapper requires a port), so the devnet picks it and passes it on; another process could take it in
 * between, which the DHT part's start would then report.
 */
export async function freeUdpPort (): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.bind(0, '127.0.0.1', resolve)
  })
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(resolve))
  return port
}

// A plain hypercore reader in its own process (no datdot code), for the hosting-setup benchmark's reference:
// prints "ready", waits for a line on stdin, downloads the whole feed, prints "done", and exits.
import { createInterface } from 'node:readline'
import { openPlainReader } from '../test/helpers/reader.js'

const [keyHex, ...bootstrap] = process.argv.slice(2)
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()
process.stdout.write('ready\n')
await lines.next()
const reader = await openPlainReader(Buffer.from(keyHex, 'hex'), bootstrap)
await reader.core.download({ start: 0, end: reader.core.length }).done()
process.stdout.write(`done ${reader.core.contiguousLength}\n`)
await reader.close()
process.exit(0)

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import DHT from 'hyperdht'

const BIN = fileURLToPath(new URL('../../bin/datdot.js', import.meta.url))

test('datdot dht --port 0 picks a free port, serves as a bootstrap node, and stops cleanly', async (t) => {
  const proc = spawn(process.execPath, [BIN, 'dht', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = once(proc, 'exit')
  t.after(() => { if (proc.exitCode === null) proc.kill('SIGKILL') })
  const [line] = await once(createInterface({ input: proc.stdout }), 'line') as [string]
  const m = /^datdot dht: listening on (127\.0\.0\.1):(\d+)$/.exec(line)
  assert.ok(m !== null && Number(m[2]) > 0, line)

  // A node that bootstraps from it finds it: the announced address is the real one.
  const node = new DHT({ bootstrap: [`${m[1]}:${m[2]}`], host: '127.0.0.1', firewalled: false })
  t.after(() => node.destroy())
  await node.fullyBootstrapped()
  assert.ok(node.toArray().some((peer) => peer.port === Number(m[2])), 'the bootstrap node is in the routing table')

  proc.kill('SIGTERM')
  const [code] = await exited
  assert.equal(code, 0)
})

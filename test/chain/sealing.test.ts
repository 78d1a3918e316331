import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { connectApi, devAccount, rawRpc } from '../helpers/api.js'
import { startChainProcess } from '../helpers/chain.js'
import { exchange, httpUrl, openSocket, post, request } from '../helpers/raw-rpc.js'
import { waitFor } from '../helpers/wait.js'

const call = (method: string, params: unknown[] = []): string => JSON.stringify(request(method, params))

async function bestNumber (url: string): Promise<number> {
  const reply = await post(httpUrl(url), call('chain_getHeader'))
  return parseInt(JSON.parse(reply.text).result.number, 16)
}

test('--instant with a transaction waiting for an earlier nonce seals no empty blocks; the missing one seals it', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const submit = async (nonce: number): Promise<void> => {
    const tx = await api.tx.system.remark(`0x0${nonce}`).signAsync(alice, { nonce })
    await rawRpc(api, 'author_submitExtrinsic', [tx.toHex()])
  }
  const pending = async (): Promise<number> => (await rawRpc<string[]>(api, 'author_pendingExtrinsics')).length
  const settled = (count: number): Promise<void> => waitFor(async () => await pending() === count, 10_000, `${count} pending`)
  await submit(2)
  await submit(0)
  // Nonce 0 is sealed; nonce 2 waits for nonce 1.
  await settled(1)
  const start = await bestNumber(chain.url)
  // Before: an empty block on every turn of the event loop, over a thousand a second.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  assert.equal(await bestNumber(chain.url), start, 'no block was sealed for the waiting transaction')

  await submit(1)
  await settled(0)
  const end = await bestNumber(chain.url)
  await new Promise((resolve) => setTimeout(resolve, 500))
  assert.equal(await bestNumber(chain.url), end, 'and sealing stopped once the pool was empty')
})

test('dev_newBlock { count: 1000 } answers other requests meanwhile, and SIGTERM stops it', async (t) => {
  const chain = await startChainProcess(t)
  const ws = await openSocket(chain.url)
  if (typeof ws === 'number') throw new Error(`refused: ${ws}`)
  t.after(() => ws.terminate())
  const start = await bestNumber(chain.url)
  let answered = false
  const blocks = exchange(ws, JSON.stringify(request('dev_newBlock', [{ count: 1000 }]))).then(() => { answered = true })
  // Another client is served while the blocks are being made.
  await waitFor(async () => await bestNumber(chain.url) >= start + 3, 30_000, 'three new blocks')
  assert.equal(answered, false, 'read while dev_newBlock still runs')

  await chain.kill('SIGTERM')
  assert.equal(chain.proc.exitCode, 0, `the node stopped cleanly (signal ${chain.proc.signalCode})`)
  await blocks
  await chain.restart()
  const made = await bestNumber(chain.url) - start
  assert.ok(made < 1000, `SIGTERM stopped the loop (${made} blocks were made)`)
  ws.terminate()
})

test('the --tmp directory of a node killed with SIGKILL is removed when the next --tmp node starts; a running node\'s is kept', async (t) => {
  const temp = mkdtempSync(join(tmpdir(), 'datdot-test-tmp-'))
  t.after(() => rmSync(temp, { recursive: true, force: true }))
  const env = { ...process.env, TMPDIR: temp }
  const chainDirs = (): string[] => readdirSync(temp).filter((n) => n.startsWith('datdot-chain-')).sort()
  const owner = (dir: string): string => readFileSync(join(temp, dir, 'owner.pid'), 'utf8')

  const killed = await startChainProcess(t, { tmp: true, env })
  const [leftover] = chainDirs()
  assert.equal(owner(leftover), `${hostname()} ${killed.proc.pid}`)
  const running = await startChainProcess(t, { tmp: true, env })
  const kept = chainDirs().find((d) => d !== leftover)!
  await killed.kill('SIGKILL')
  assert.ok(existsSync(join(temp, leftover)), 'SIGKILL leaves the directory behind')

  const next = await startChainProcess(t, { tmp: true, env })
  assert.ok(!existsSync(join(temp, leftover)), 'the next start removed it')
  assert.ok(existsSync(join(temp, kept)), 'the running node\'s directory is kept')
  assert.equal(chainDirs().length, 2, 'the two running nodes\' directories are left')
  assert.match(JSON.parse((await post(httpUrl(running.url), call('system_name'))).text).result, /datdot/, 'and that node still serves')
  await next.kill('SIGTERM')
  await running.kill('SIGTERM')
  assert.deepEqual(chainDirs(), [], 'a node stopped cleanly removes its own')
})

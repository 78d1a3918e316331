import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { test } from 'node:test'
import type WebSocket from 'ws'
import { startChainProcess } from '../helpers/chain.js'
import { errorCodes, exchange, httpUrl, openSocket, post, request, rssBytes } from '../helpers/raw-rpc.js'
import { waitFor } from '../helpers/wait.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { compactAddLength, compactFromU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util'

// Hostile input against a real node process, as a client that wants it down would send it. Each case says
// what the node must answer; after them all the node still serves, its chain and pool are as before, and its
// memory is within 1.5× of before.

const JSON_TYPE = { 'content-type': 'application/json' }
const json = (v: unknown): string => JSON.stringify(v)
const nested = (depth: number, open: string, close: string, inner = '0'): string => open.repeat(depth) + inner + close.repeat(depth)
const call = (method: string, params: unknown): string => `{"jsonrpc":"2.0","id":1,"method":"${method}","params":${typeof params === 'string' ? params : json(params)}}`
const MiB = 1024 * 1024

interface Expect {
  /** HTTP status (default 200). */
  status?: number
  /** JSON-RPC error code of the reply, or of each reply of a batch. */
  code?: number | Array<number | undefined>
  /** Checks of the reply's text. */
  check?: (text: string, headers: Headers) => void
}

type Case = [name: string, body: string, expect: Expect, headers?: Record<string, string>, method?: string, path?: string]

const CASES: Case[] = [
  // The envelope.
  ['not JSON', '{', { code: -32700 }],
  ['a truncated batch', '[{"jsonrpc":"2.0"', { code: -32700 }],
  ['a number', '42', { code: -32600 }],
  ['a string', '"system_name"', { code: -32600 }],
  ['null', 'null', { code: -32600 }],
  ['an empty batch', '[]', { code: -32600 }],
  ['no "jsonrpc"', json({ id: 1, method: 'system_name' }), { code: -32600 }],
  ['"jsonrpc": "1.0"', json({ jsonrpc: '1.0', id: 1, method: 'system_name' }), { code: -32600 }],
  ['an object as id', json({ jsonrpc: '2.0', id: {}, method: 'system_name' }), { code: -32600 }],
  ['an array as id', json({ jsonrpc: '2.0', id: [1], method: 'system_name' }), { code: -32600 }],
  ['a number as method', json({ jsonrpc: '2.0', id: 1, method: 7 }), { code: -32600 }],
  ['no method', json({ jsonrpc: '2.0', id: 1 }), { code: -32600 }],
  ['params an object', call('system_name', { a: 1 }), { code: -32602 }],
  ['params a string', call('system_name', '"x"'), { code: -32602 }],
  ['an unknown method', call('nope_nothing', []), { code: -32601 }],
  ['a method name of 1 MiB', call('x'.repeat(MiB), []), { code: -32601, check: (text) => assert.ok(text.length < 500, `the error echoes ${text.length} characters`) }],
  ['params nested 200,000 deep', call('state_getStorage', nested(200_000, '[', ']')), { code: -32602 }],
  ['an object param nested 200,000 deep', call('state_getStorage', `[${nested(200_000, '{"a":', '}')}]`), { code: -32602 }],
  ['a batch nested 200,000 deep', nested(200_000, '[', ']', json(request('system_name'))), { code: [-32600] }],
  ['a batch of non-requests', '[1,"x",null]', { code: [-32600, -32600, -32600] }],
  ['a batch of notifications only', json([{ jsonrpc: '2.0', method: 'system_name' }]), { status: 204 }],
  ['a notification', json({ jsonrpc: '2.0', method: 'system_name' }), { status: 204 }],
  ['a NUL in a param', call('state_getStorage', ['0x\u0000']), { code: -32602 }],
  // Params.
  ['a storage key not hex', call('state_getStorage', ['0xzz']), { code: -32602 }],
  ['a storage key of odd length', call('state_getStorage', ['0xabc']), { code: -32602 }],
  ['a storage key without 0x', call('state_getStorage', ['abcd']), { code: -32602 }],
  ['a storage key that is a number', call('state_getStorage', [12]), { code: -32602 }],
  ['a block hash too short', call('state_getStorage', ['0x00', '0x1234']), { code: -32602 }],
  ['an unknown block hash', call('state_getStorage', ['0x00', `0x${'11'.repeat(32)}`]), { code: 4003 }],
  ['a negative block number', call('chain_getBlockHash', [-1]), { code: -32602 }],
  ['block number 2^32', call('chain_getBlockHash', [2 ** 32]), { code: -32602 }],
  ['block number 1.5', call('chain_getBlockHash', [1.5]), { code: -32602 }],
  ['block number 1e400', call('chain_getBlockHash', '[1e400]'), { code: -32602 }],
  ['a hex block number of 9 digits', call('chain_getBlockHash', ['0x1ffffffff']), { code: -32602 }],
  ['a key page of -1 keys', call('state_getKeysPaged', ['0x', -1]), { code: -32602 }],
  ['a key page of 1,001 keys', call('state_getKeysPaged', ['0x', 1001]), { code: 4002 }],
  ['1,001 block numbers', call('chain_getBlockHash', [Array(1001).fill(0)]), { code: -32602 }],
  ['1,001 storage keys', call('state_queryStorageAt', [Array(1001).fill('0x00')]), { code: -32602 }],
  ['an empty extrinsic', call('author_submitExtrinsic', ['0x']), { code: 1010 }],
  ['random bytes as an extrinsic', call('author_submitExtrinsic', ['0xdeadbeef00112233']), { code: 1010 }],
  ['an extrinsic of 64 KiB of zeros', call('author_submitExtrinsic', [`0x${'00'.repeat(65536)}`]), { code: 1010 }],
  ['an extrinsic of 4 MiB (refused before it is decoded)', call('author_submitExtrinsic', [`0x${'00'.repeat(4 * MiB)}`]), { code: 1010, check: (text) => assert.match(JSON.parse(text).error.data, /^ExhaustsResources: /) }],
  ['an account that is no address', call('system_accountNextIndex', ['not an address']), { code: -32602 }],
  ['an account that is a number', call('system_accountNextIndex', [5]), { code: -32602 }],
  ['a subscription over HTTP', call('chain_subscribeNewHeads', []), { code: -32601 }],
  ['an unknown subscription id', call('chain_unsubscribeNewHeads', ['nothing']), { check: (text) => assert.equal(JSON.parse(text).result, false) }],
  ['dev_newBlock count 0', call('dev_newBlock', [{ count: 0 }]), { code: -32602 }],
  ['dev_newBlock count 1,001', call('dev_newBlock', [{ count: 1001 }]), { code: -32602 }],
  ['dev_newBlock count 100,000', call('dev_newBlock', [{ count: 100_000 }]), { code: -32602 }],
  ['dev_newBlock count "1"', call('dev_newBlock', [{ count: '1' }]), { code: -32602 }],
  ['dev_newBlock options an array', call('dev_newBlock', [[1]]), { code: -32602 }],
  // HTTP.
  ['a text/plain POST (a cross-site page needs no preflight for it)', call('dev_newBlock', []), { status: 415 }, { 'content-type': 'text/plain' }],
  ['a form POST', call('dev_newBlock', []), { status: 415 }, { 'content-type': 'application/x-www-form-urlencoded' }],
  ['a POST without content type', call('system_name', []), { status: 415 }, {}],
  ['GET /', '', { status: 405 }, {}, 'GET'],
  ['PUT', call('system_name', []), { status: 405 }, JSON_TYPE, 'PUT'],
  ['GET /health', '', { check: (text) => assert.deepEqual(JSON.parse(text), { isSyncing: false, peers: 0, shouldHavePeers: false }) }, {}, 'GET', '/health'],
  ['a body over 15 MiB', call('system_name', [`0x${'0'.repeat(15 * MiB)}`]), { status: 413, code: -32007 }],
  ['a preflight', '', { status: 204, check: (_text, headers) => assert.equal(headers.get('access-control-allow-methods'), 'POST') }, { origin: 'https://page.example', 'access-control-request-method': 'POST' }, 'OPTIONS'],
  ['a cross-site JSON POST to a --dev node (which allows all origins)', call('system_name', []), { check: (_text, headers) => assert.equal(headers.get('access-control-allow-origin'), 'https://page.example') }, { ...JSON_TYPE, origin: 'https://page.example' }],
  // Amplification: the reply is measured as it is built.
  ['500 × state_getMetadata (about 19 MiB of reply)', json(Array.from({ length: 500 }, (_, i) => request('state_getMetadata', [], i))), { code: -32011 }],
  ['14,000 × system_name in 1 MiB', json(Array.from({ length: 14_000 }, (_, i) => request('system_name', [], i))), { check: (text) => assert.equal(JSON.parse(text).length, 14_000) }]
]

test('hostile RPC input to a --dev node: every case has its answer; the chain, the pool and the memory stay as they were', async (t) => {
  const chain = await startChainProcess(t)
  const url = httpUrl(chain.url)
  const best = async (): Promise<string> => JSON.parse((await post(url, call('chain_getHeader', []))).text).result.parentHash
  const pending = async (): Promise<unknown[]> => JSON.parse((await post(url, call('author_pendingExtrinsics', []))).text).result
  // Warm the node up first, so that what it loads on its first requests is not counted as growth.
  await post(url, call('state_getMetadata', []))
  const before = { best: await best(), pending: await pending(), rss: await rssBytes(chain.proc.pid!) }

  for (const [name, body, expect, headers = JSON_TYPE, method = 'POST', path = ''] of CASES) {
    await t.test(name, async () => {
      const answer = await post(`${url}${path}`, body, headers, method)
      assert.equal(answer.status, expect.status ?? 200, answer.text.slice(0, 300))
      if (expect.code !== undefined) assert.deepEqual(errorCodes(answer.text), expect.code, answer.text.slice(0, 300))
      expect.check?.(answer.text, answer.headers)
    })
  }

  await t.test('signed extrinsics that must not enter: unfunded, an unpayable or overflowing tip, a failing free call', async (st) => {
    // Closed when this case ends: the connection limit is tested below.
    const api = await connectApi(st, chain.url)
    const alice = devAccount('//Alice')
    const signed = async (tx: ReturnType<typeof api.tx.system.remark>, who = alice, options: object = {}): Promise<string> =>
      (await tx.signAsync(who, { nonce: 0, ...options })).toHex()
    const refusal = async (hex: string): Promise<string> => {
      const { error } = JSON.parse((await post(url, call('author_submitExtrinsic', [hex]))).text)
      return `${error?.code} ${String(error?.data).split(':')[0]}`
    }
    assert.equal(await refusal(await signed(api.tx.system.remark('0x01'), devAccount('//Nobody'))), '1010 Payment', 'an unfunded account')
    assert.equal(await refusal(await signed(api.tx.system.remark('0x02'), alice, { tip: (1n << 128n) - 1n })), '1010 Payment', 'a tip of u128::MAX')
    // A signed v4 extrinsic: 0x84, the address (33 bytes), the signature (65), the era (immortal: 1), the nonce
    // (compact 0: 1), then the tip. Made 2^128 (a compact of 17 bytes), past u128: it no longer decodes.
    const zeroTip = hexToU8a(await signed(api.tx.system.remark('0x03'), alice, { era: api.createType('ExtrinsicEra', '0x00'), blockHash: api.genesisHash }))
    const [offset] = compactFromU8a(zeroTip)
    const body = zeroTip.subarray(offset)
    assert.deepEqual([body[0], body[99], body[100], body[101]], [0x84, 0, 0, 0])
    const past = u8aConcat(body.subarray(0, 101), [0x37], new Uint8Array(16), [1], body.subarray(102))
    assert.equal(await refusal(u8aToHex(compactAddLength(past))), '1010 BadFormat', 'a tip of 2^128')
    assert.equal(await refusal(await signed(api.tx.plans.hostingReady(7, 0))), '1010 Call', 'a free call that would fail')
    assert.equal(await refusal(await signed(api.tx.system.remark(`0x${'ab'.repeat(4 * MiB)}`))), '1010 ExhaustsResources', 'a remark past 3.75 MiB')
  })

  await t.test('120,000 × state_getMetadata in one WebSocket message: one -32011, and the connection goes on', async () => {
    const ws = await socket(t, chain.url)
    const batch = json(Array.from({ length: 120_000 }, (_, i) => request('state_getMetadata', [], i)))
    const reply = await exchange(ws, batch)
    assert.equal(typeof reply, 'string')
    assert.equal(errorCodes(reply as string), -32011)
    assert.equal(JSON.parse(await exchange(ws, call('system_name', [])) as string).result.length > 0, true)
  })

  await t.test('a WebSocket message over 15 MiB closes that connection (1009)', async () => {
    const ws = await socket(t, chain.url)
    assert.deepEqual(await exchange(ws, call('system_name', [`0x${'0'.repeat(15 * MiB)}`])), { closed: 1009 })
  })

  await t.test('params nested 200,000 deep over WebSocket: -32602', async () => {
    const ws = await socket(t, chain.url)
    assert.equal(errorCodes(await exchange(ws, call('state_getStorage', nested(200_000, '[', ']'))) as string), -32602)
  })

  await t.test('500 connections at once: at most 100 are served, the rest are answered 429; then a new one is served', async () => {
    const opened = await Promise.all(Array.from({ length: 500 }, async () => await openSocket(chain.url).catch(() => 0)))
    const sockets = opened.filter((o): o is WebSocket => typeof o !== 'number')
    const accepted = sockets.length
    const refused = opened.filter((o) => o === 429).length
    // Fill the slots that closed meanwhile; then a refused connection's request never runs: the final check
    // finds the chain without this block.
    for (let more = await openSocket(chain.url); typeof more !== 'number'; more = await openSocket(chain.url)) sockets.push(more)
    assert.match(await rawHttp(chain.url, call('dev_newBlock', [])), /^HTTP\/1\.1 429 /)
    for (const ws of sockets) ws.terminate()
    assert.ok(sockets.length <= 100, `${sockets.length} connections were open at once`)
    assert.ok(accepted >= 90, `only ${accepted} of the 500 connections were accepted`)
    assert.equal(refused, 500 - accepted, 'every refused connection is answered 429')
    // The node sees the terminated sockets close a moment later.
    await waitFor(async () => typeof await openSocket(chain.url).then(keep(t)).catch(() => 0) !== 'number', 10_000, 'a new connection to be served')
  })

  await t.test('20,000 subscriptions on one connection, then dropped abruptly: 1,024 are opened, the rest are -32006', async () => {
    const ws = await socket(t, chain.url)
    const batch = json(Array.from({ length: 20_000 }, (_, i) => request('chain_subscribeNewHeads', [], i)))
    const codes = errorCodes(await exchange(ws, batch) as string) as Array<number | undefined>
    assert.equal(codes.filter((c) => c === undefined).length, 1024)
    assert.equal(codes.filter((c) => c === -32006).length, 20_000 - 1024)
    ws.terminate()
  })

  await t.test('afterwards the node serves; its chain and pool are unchanged; its memory is within 1.5× of before', async () => {
    assert.equal(await best(), before.best)
    assert.deepEqual(await pending(), before.pending)
    // V8 keeps the pages of freed garbage a few seconds before its memory reducer returns them (measured: 264 MiB
    // right after the run, 157 MiB 22 s later): wait for that, but a leak never comes back down.
    let rss = await rssBytes(chain.proc.pid!)
    for (const end = Date.now() + 60_000; rss > 1.5 * before.rss && Date.now() < end;) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      rss = await rssBytes(chain.proc.pid!)
    }
    assert.ok(rss <= 1.5 * before.rss, `RSS went from ${mb(before.rss)} to ${mb(rss)}`)
  })
})

test('a node without --dev: pages of other sites are refused, over HTTP and WebSocket; dev_* does not exist', async (t) => {
  const chain = await startChainProcess(t, { dev: false, args: ['--block-time', '600000'] })
  const url = httpUrl(chain.url)
  const evil = { origin: 'https://evil.example' }
  assert.equal((await post(url, call('system_name', []), { ...JSON_TYPE, ...evil })).status, 403)
  assert.equal((await post(url, '', { ...evil, 'access-control-request-method': 'POST' }, 'OPTIONS')).status, 403)
  assert.equal(await openSocket(chain.url, evil), 403)
  const local = await post(url, call('system_name', []), { ...JSON_TYPE, origin: 'http://localhost:3000' })
  assert.equal(local.status, 200)
  assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:3000')
  const page = await openSocket(chain.url, { origin: 'http://127.0.0.1:8080' })
  assert.notEqual(typeof page, 'number', 'a page of this machine may open a WebSocket')
  keep(t)(page)
  assert.equal(errorCodes((await post(url, call('dev_newBlock', []))).text), -32601)
})

test('--host 0.0.0.0 serves safe methods only and says so; --rpc-methods unsafe serves dev_* with a warning', async (t) => {
  const safe = await startChainProcess(t, { args: ['--host', '0.0.0.0'] })
  const safeUrl = `http://127.0.0.1:${new URL(safe.url).port}`
  const refusal = JSON.parse((await post(safeUrl, call('dev_newBlock', []))).text).error
  assert.deepEqual(refusal, { code: -32601, message: 'RPC call is unsafe to be called externally' })
  assert.equal(errorCodes((await post(safeUrl, call('state_getPairs', ['0x']))).text), -32601)
  assert.equal(JSON.parse((await post(safeUrl, call('system_name', []))).text).result, 'datdot-node')
  assert.match(safe.stderr(), /serves safe methods only/)

  const unsafe = await startChainProcess(t, { args: ['--host', '0.0.0.0', '--rpc-methods', 'unsafe'] })
  const unsafeUrl = `http://127.0.0.1:${new URL(unsafe.url).port}`
  assert.match(JSON.parse((await post(unsafeUrl, call('dev_newBlock', []))).text).result, /^0x[0-9a-f]{64}$/)
  assert.match(unsafe.stderr(), /serves unsafe methods/)
})

/** One POST on a new TCP connection; resolves with all the node wrote back. */
function rawHttp (wsUrl: string, body: string): Promise<string> {
  const { hostname, port } = new URL(wsUrl)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const conn = connect(Number(port), hostname, () => {
      conn.write(`POST / HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    })
    conn.on('data', (chunk) => chunks.push(chunk))
    conn.on('close', () => resolve(Buffer.concat(chunks).toString()))
    conn.on('error', reject)
  })
}

async function socket (t: { after (fn: () => void): void }, url: string): Promise<WebSocket> {
  const ws = await openSocket(url)
  if (typeof ws === 'number') throw new Error(`the WebSocket was refused with ${ws}`)
  t.after(() => ws.terminate())
  return ws
}

/** Closes a socket that was opened after the test ends. */
const keep = (t: { after (fn: () => void): void }) => (ws: WebSocket | number): WebSocket | number => {
  if (typeof ws !== 'number') t.after(() => ws.terminate())
  return ws
}

const mb = (n: number): string => `${(n / MiB).toFixed(0)} MiB`

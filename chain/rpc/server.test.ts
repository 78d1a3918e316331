import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { after, before, describe, test } from 'node:test'
import { TypeRegistry } from '@polkadot/types'
import type { DigestItem, RuntimeVersion } from '@polkadot/types/interfaces'
import type { u32 } from '@polkadot/types-codec'
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api'
import substrateMetadata from '@polkadot/types-support/metadata/static-substrate'
import { blake2AsU8a, cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto'
import WebSocket, { WebSocketServer } from 'ws'
import type { ChainNode, StoredBlock, TxStatus } from '../node/types.js'
import { type RpcServer, startRpcServer } from './server.js'
import { keepAlive } from './websocket.js'

// A fake node: blocks with real SCALE headers, a storage snapshot per block, a pool, and the node events.
class FakeNode extends EventEmitter {
  readonly registry = new TypeRegistry()
  readonly spec = {
    name: 'datdot test', id: 'datdot_test', chainType: 'Development' as const,
    properties: { ss58Format: 42, tokenSymbol: 'RATIO', tokenDecimals: 0 },
    blockTime: 6000, authoritySeed: '//Alice',
    genesis: { sudo: '', accounts: {}, randomnessSeed: '', pallets: {} }
  }

  /** By default "meta" + version 14 + a few bytes: enough for state_getMetadata and the Metadata_* calls. */
  constructor (readonly metadataHex = '0x6d6574610e0102') {
    super()
    this.#seal(new Map([['0xaa01', Uint8Array.of(1)], ['0xaa02', Uint8Array.of(2)], ['0xbb01', Uint8Array.of(3)]]), [])
  }

  readonly runtimeVersion = {
    specName: 'datdot', implName: 'datdot-node', authoringVersion: 1, specVersion: 1, implVersion: 1,
    apis: [['0xdf6acb689907609b', 4]] as Array<[string, number]>, transactionVersion: 1, stateVersion: 1
  }

  readonly dev = true
  readonly blocks: StoredBlock[] = []
  readonly states: Array<Map<string, Uint8Array>> = []
  pool: Uint8Array[] = []

  get genesisHash (): Uint8Array { return this.blocks[0].hash }
  best (): StoredBlock { return this.blocks[this.blocks.length - 1] }
  finalized (): StoredBlock { return this.best() }
  blockByNumber (n: number): StoredBlock | null { return this.blocks[n] ?? null }
  blockByHash (hash: Uint8Array): StoredBlock | null {
    return this.blocks.find((b) => u8aToHex(b.hash) === u8aToHex(hash)) ?? null
  }

  #stateAt (at?: Uint8Array): Map<string, Uint8Array> {
    return this.states[at === undefined ? this.blocks.length - 1 : (this.blockByHash(at) as StoredBlock).number]
  }

  oldestState (): number { return 0 }
  storage (key: string, at?: Uint8Array): Uint8Array | null { return this.#stateAt(at).get(key) ?? null }
  keysPaged (prefix: string, count: number, startKey?: string, at?: Uint8Array): string[] {
    return [...this.#stateAt(at).keys()].filter((k) => k.startsWith(prefix) && (startKey === undefined || k > startKey))
      .sort().slice(0, count)
  }

  accountNextIndex (who: Uint8Array): number {
    if (who[0] === 0xff) throw new Error('boom: a bug inside the node')
    return 7
  }

  /** While set, submit() waits for it: a node busy verifying. */
  gate: Promise<void> | undefined
  submitting = 0

  async submit (extrinsic: Uint8Array): Promise<Uint8Array> {
    this.submitting++
    await this.gate
    this.submitting--
    if (extrinsic[0] === 0xde) {
      throw Object.assign(new Error('BadProof: bad signature'), { rpcCode: 1010, code: 'BadProof' })
    }
    this.pool.push(extrinsic)
    return blake2AsU8a(extrinsic)
  }

  pending (): Uint8Array[] { return this.pool }

  async newBlocks (count: number): Promise<Uint8Array> {
    for (let i = 0; i < count; i++) this.produce({})
    return this.best().hash
  }

  /** A block writing `changes`; its extrinsics are the pool, reported InBlock and Finalized back to back. */
  produce (changes: Record<string, string | null>): StoredBlock {
    const state = new Map(this.states[this.states.length - 1])
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) state.delete(k)
      else state.set(k, hexToU8a(v))
    }
    const included = this.pool
    this.pool = []
    const block = this.#seal(state, included)
    this.emit('block', block, new Set(Object.keys(changes)))
    for (const x of included) {
      const hash = u8aToHex(block.hash)
      this.emit('tx', blake2AsU8a(x), { inBlock: hash } satisfies TxStatus)
      this.emit('tx', blake2AsU8a(x), { finalized: hash } satisfies TxStatus)
    }
    return block
  }

  #seal (state: Map<string, Uint8Array>, extrinsics: Uint8Array[]): StoredBlock {
    const number = this.blocks.length
    const header = this.registry.createType('Header', {
      parentHash: number === 0 ? new Uint8Array(32) : this.best().hash,
      number,
      stateRoot: blake2AsU8a(Uint8Array.of(number, 1)),
      extrinsicsRoot: blake2AsU8a(Uint8Array.of(number, 2)),
      digest: { logs: [{ PreRuntime: ['0x61757261', '0x0102'] }] }
    }).toU8a()
    const block = { number, hash: blake2AsU8a(header), header, extrinsics }
    this.blocks.push(block)
    this.states.push(state)
    return block
  }

  async close (): Promise<void> {}
}

const silent = { info () {}, warn () {}, error () {} }

interface Reply { id?: unknown, result?: any, error?: { code: number, message: string, data?: unknown }, method?: string, params?: any }

/** A WebSocket client that keeps every message it receives, in order. */
class Client {
  readonly messages: Reply[] = []
  #nextId = 1
  #wake: () => void = () => {}

  private constructor (readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()))
      this.#wake()
    })
  }

  static async open (url: string): Promise<Client> {
    const ws = new WebSocket(url)
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject) })
    return new Client(ws)
  }

  /** Waits for the first message (from index `from`) matching `match`. */
  async waitFor (match: (m: Reply) => boolean, from = 0, ms = 2000): Promise<Reply> {
    const deadline = Date.now() + ms
    for (;;) {
      const found = this.messages.slice(from).find(match)
      if (found !== undefined) return found
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(this.messages)}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50)
        this.#wake = () => { clearTimeout(timer); resolve() }
      })
    }
  }

  async call (method: string, params: unknown[] = []): Promise<Reply> {
    const id = this.#nextId++
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }))
    return await this.waitFor((m) => m.id === id)
  }

  notifications (method: string, subscription: string): any[] {
    return this.messages.filter((m) => m.method === method && m.params.subscription === subscription).map((m) => m.params.result)
  }

  close (): void { this.ws.close() }
}

async function post (server: RpcServer, body: string): Promise<{ status: number, json: any }> {
  const res = await fetch(`http://127.0.0.1:${server.port}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const text = await res.text()
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) }
}

const rpc = (method: string, params: unknown[] = [], id: number | string = 1) => JSON.stringify({ jsonrpc: '2.0', id, method, params })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('RPC server', () => {
  let node: FakeNode
  let server: RpcServer
  let client: Client

  before(async () => {
    node = new FakeNode()
    server = await startRpcServer(node as unknown as ChainNode, { port: 0, limits: { maxRequestBytes: 4096, maxSubscriptionsPerConnection: 3 }, logger: silent })
    client = await Client.open(server.url)
  })

  after(async () => {
    client.close()
    await server.close()
  })

  /** Every bad input must leave the server answering. */
  async function stillServing (): Promise<void> {
    assert.equal((await post(server, rpc('system_name'))).json.result, 'datdot-node')
    assert.equal((await client.call('system_name')).result, 'datdot-node')
  }

  test('answers over HTTP POST in Substrate formats', async () => {
    const genesis = u8aToHex(node.blocks[0].hash)
    assert.equal((await post(server, rpc('chain_getBlockHash', [0]))).json.result, genesis)
    assert.equal((await post(server, rpc('chain_getBlockHash', [99]))).json.result, null)
    assert.deepEqual((await post(server, rpc('chain_getBlockHash', [[0, '0x0']]))).json.result, [genesis, genesis])

    const header = (await post(server, rpc('chain_getHeader', [genesis]))).json.result
    assert.equal(header.number, '0x0')
    assert.equal(header.parentHash, u8aToHex(new Uint8Array(32)))
    assert.match(header.stateRoot, /^0x[0-9a-f]{64}$/)
    assert.equal(header.digest.logs.length, 1)
    assert.equal(node.registry.createType<DigestItem>('DigestItem', header.digest.logs[0]).isPreRuntime, true)

    const block = (await post(server, rpc('chain_getBlock'))).json.result
    assert.deepEqual(block, { block: { header: (await post(server, rpc('chain_getHeader'))).json.result, extrinsics: [] }, justifications: null })
    assert.equal((await post(server, rpc('system_chain'))).json.result, 'datdot test')
    assert.equal((await post(server, rpc('system_chainType'))).json.result, 'Development')
    assert.equal((await post(server, rpc('chain_getFinalisedHead'))).json.result, u8aToHex(node.best().hash))
    assert.equal((await post(server, rpc('system_accountNextIndex', [encodeAddress(new Uint8Array(32).fill(1))]))).json.result, 7)
    assert.match((await post(server, rpc('system_localPeerId'))).json.result, /^12D3KooW/)
  })

  test('answers over WebSocket: storage reads and rpc_methods', async () => {
    assert.equal((await client.call('state_getStorage', ['0xAA01'])).result, '0x01')
    assert.equal((await client.call('state_getStorage', ['0xcc'])).result, null)
    assert.equal((await client.call('state_getStorageSize', ['0xaa02'])).result, 1)
    assert.deepEqual((await client.call('state_getKeysPaged', ['0xaa', 10, '0xaa01'])).result, ['0xaa02'])
    assert.deepEqual((await client.call('state_queryStorageAt', [['0xaa01', '0xcc']])).result,
      [{ block: u8aToHex(node.best().hash), changes: [['0xaa01', '0x01'], ['0xcc', null]] }])
    assert.deepEqual((await client.call('state_getPairs', ['0xbb'])).result, [['0xbb01', '0x03']])

    const { methods } = (await client.call('rpc_methods')).result
    for (const name of ['chain_subscribeNewHead', 'chain_subscribeNewHeads', 'chain_getFinalisedHead', 'state_getStorageAt', 'dev_newBlock']) {
      assert.ok(methods.includes(name), name)
    }

    const version = (await client.call('state_call', ['Core_version', '0x'])).result
    assert.equal(node.registry.createType<RuntimeVersion>('RuntimeVersion', version).specName.toString(), 'datdot')
    const metadata = (await client.call('state_call', ['Metadata_metadata', '0x'])).result
    assert.equal(metadata, '0x1c6d6574610e0102')
    const unsupported = (await client.call('state_call', ['AccountNonceApi_account_nonce', '0x'])).error
    assert.equal(unsupported?.code, 4003)
    assert.match(unsupported?.message ?? '', /does not execute runtime API AccountNonceApi_account_nonce/)
  })

  test('batches over HTTP and WebSocket; notifications get no reply', async () => {
    const batch = `[${rpc('system_name', [], 1)}, {"jsonrpc":"2.0","method":"system_health"}, ${rpc('nope', [], 3)}, 42]`
    const { json } = await post(server, batch)
    assert.equal(json.length, 3)
    assert.deepEqual(json[0], { jsonrpc: '2.0', id: 1, result: 'datdot-node' })
    assert.equal(json[1].error.code, -32601)
    assert.deepEqual(json[2].error.code, -32600)

    assert.equal((await post(server, '{"jsonrpc":"2.0","method":"system_health"}')).status, 204)
    assert.equal((await post(server, '[]')).json.error.code, -32600)

    client.ws.send(`[${rpc('system_name', [], 'b1')}, ${rpc('system_chain', [], 'b2')}]`)
    const reply = await client.waitFor((m) => Array.isArray(m)) as unknown as Reply[]
    assert.deepEqual(reply.map((r) => r.result), ['datdot-node', 'datdot test'])
  })

  test('malformed JSON, invalid requests and unknown methods get their error codes', async () => {
    assert.equal((await post(server, '{"jsonrpc":"2.0",')).json.error.code, -32700)
    client.ws.send('{oops')
    assert.equal((await client.waitFor((m) => m.error?.code === -32700)).id, null)
    assert.equal((await post(server, '{"jsonrpc":"1.0","id":5,"method":"system_name"}')).json.error.code, -32600)
    assert.equal((await post(server, '{"jsonrpc":"2.0","id":5,"method":"system_name","params":{}}')).json.error.code, -32602)
    const unknown = (await client.call('system_nope')).error
    assert.equal(unknown?.code, -32601)
    assert.equal((await post(server, rpc('dev_newBlock', [])).then((r) => r.json.result)).length, 66)
    await stillServing()
  })

  test('bad params get -32602 with a message naming the param', async () => {
    for (const [method, params] of [
      ['chain_getBlockHash', ['abc']],
      ['chain_getBlockHash', [-1]],
      ['chain_getHeader', ['0x1234']],
      ['state_getStorage', ['xyz']],
      ['state_getStorage', ['0x123']],
      ['state_getKeysPaged', ['0xaa', 'ten']],
      ['state_queryStorageAt', ['0xaa01']],
      ['system_accountNextIndex', ['not an address']],
      ['dev_newBlock', [{ count: 0 }]]
    ] as const) {
      const { error } = await client.call(method, [...params])
      assert.equal(error?.code, -32602, `${method} ${JSON.stringify(params)}`)
      assert.ok(error.message.length > 10)
    }
    assert.equal((await client.call('state_getKeysPaged', ['0xaa', 5000])).error?.code, 4002)
    assert.equal((await client.call('state_getStorage', ['0xaa01', u8aToHex(new Uint8Array(32))])).error?.code, 4003)
    await stillServing()
  })

  test('a handler that throws is answered -32603 and the server keeps serving', async () => {
    const { error } = await client.call('system_accountNextIndex', [u8aToHex(new Uint8Array(32).fill(0xff))])
    assert.equal(error?.code, -32603)
    assert.match(String(error?.data), /boom/)
    await stillServing()
  })

  test('oversize messages are refused', async () => {
    const big = rpc('state_getStorage', [`0x${'00'.repeat(4096)}`])
    const http = await post(server, big)
    assert.equal(http.status, 413)
    assert.equal(http.json.error.code, -32007)

    const other = await Client.open(server.url)
    const code = await new Promise((resolve) => { other.ws.once('close', resolve); other.ws.send(big) })
    assert.equal(code, 1009)
    await stillServing()
  })

  test('subscriptions: limit per connection, not over HTTP, cleaned up on disconnect', async () => {
    const over = (await post(server, rpc('chain_subscribeNewHeads'))).json.error
    assert.equal(over.code, -32601)
    assert.match(over.message, /WebSocket/)

    const other = await Client.open(server.url)
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await other.call('chain_subscribeFinalizedHeads')).result)
    const refused = (await other.call('chain_subscribeNewHeads')).error
    assert.equal(refused?.code, -32006)
    assert.equal(node.listenerCount('block'), 3)

    assert.equal((await other.call('chain_unsubscribeNewHeads', [ids[0]])).result, false, 'wrong kind')
    assert.equal((await other.call('chain_unsubscribeFinalisedHeads', [ids[0]])).result, true)
    assert.equal(node.listenerCount('block'), 2)
    assert.equal(typeof (await other.call('chain_subscribeNewHead')).result, 'string')

    other.close()
    await new Promise((resolve) => other.ws.once('close', resolve))
    await sleep(50)
    assert.equal(node.listenerCount('block'), 0)
    await stillServing()
  })

  test('new heads: the current head after the reply, then each block', async () => {
    const from = client.messages.length
    const reply = await client.call('chain_subscribeNewHead')
    const id = reply.result
    await client.waitFor((m) => m.params?.subscription === id, from)
    const first = client.messages.findIndex((m) => m.params?.subscription === id)
    assert.ok(client.messages.indexOf(reply) < first, 'the subscription id comes before its first notification')

    const block = node.produce({})
    await client.waitFor((m) => m.params?.subscription === id && m.params.result.number === `0x${block.number.toString(16)}`)
    assert.deepEqual(client.notifications('chain_newHead', id).map((h) => h.number), [`0x${(block.number - 1).toString(16)}`, `0x${block.number.toString(16)}`])
    assert.equal((await client.call('chain_unsubscribeNewHead', [id])).result, true)
  })

  test('storage subscription: current values, then the changes of each block', async () => {
    const id = (await client.call('state_subscribeStorage', [['0xaa01', '0xcc']])).result
    const first = await client.waitFor((m) => m.method === 'state_storage' && m.params.subscription === id)
    assert.deepEqual(first.params.result, { block: u8aToHex(node.best().hash), changes: [['0xaa01', '0x01'], ['0xcc', null]] })

    const all = (await client.call('state_subscribeStorage', [])).result
    node.produce({ '0xbb01': '0x09' })
    const changed = node.produce({ '0xcc': '0x0c', '0xaa02': null })
    const update = await client.waitFor((m) => m.method === 'state_storage' && m.params.subscription === id && m.params.result.block === u8aToHex(changed.hash))
    assert.deepEqual(update.params.result.changes, [['0xcc', '0x0c']])
    assert.equal(client.notifications('state_storage', id).length, 2, 'the block that did not touch the keys sent nothing')

    await client.waitFor((m) => m.params?.subscription === all && m.params.result.block === u8aToHex(changed.hash))
    assert.deepEqual(client.notifications('state_storage', all).map((r) => r.changes), [[['0xbb01', '0x09']], [['0xaa02', null], ['0xcc', '0x0c']]])
    assert.equal((await client.call('state_unsubscribeStorage', [id])).result, true)
    assert.equal((await client.call('state_unsubscribeStorage', [all])).result, true)
  })

  test('runtime version subscription sends the version once', async () => {
    const id = (await client.call('chain_subscribeRuntimeVersion')).result
    const note = await client.waitFor((m) => m.params?.subscription === id)
    assert.equal(note.method, 'state_runtimeVersion')
    assert.equal(note.params.result.specName, 'datdot')
    assert.equal((await client.call('state_unsubscribeRuntimeVersion', [id])).result, true)
  })

  test('submitAndWatch: ready, inBlock, finalized as separate notifications, then the subscription ends', async () => {
    const tx = '0x0102030405'
    const id = (await client.call('author_submitAndWatchExtrinsic', [tx])).result
    assert.equal(typeof id, 'string')
    await client.waitFor((m) => m.params?.subscription === id)
    assert.deepEqual((await client.call('author_pendingExtrinsics')).result, [tx])

    // The node reports InBlock and Finalized back to back; a client that does not fetch the block gets
    // Finalized after a pause.
    const block = u8aToHex((await node.newBlocks(1)))
    const inBlockAt = Date.now()
    await client.waitFor((m) => m.params?.subscription === id && m.params.result.finalized !== undefined)
    assert.ok(Date.now() - inBlockAt >= 450, 'Finalized waits after InBlock')
    assert.deepEqual(client.notifications('author_extrinsicUpdate', id), ['ready', { inBlock: block }, { finalized: block }])
    assert.equal((await client.call('author_unwatchExtrinsic', [id])).result, false, 'already ended')
    assert.equal(node.listenerCount('tx'), 0)
  })

  test('submitAndWatch: a client fetching the InBlock block gets Finalized only after reading its events', async () => {
    const id = (await client.call('author_submitAndWatchExtrinsic', ['0x0607'])).result
    const block = u8aToHex((await node.newBlocks(1)))
    await client.waitFor((m) => m.params?.subscription === id && m.params.result.inBlock === block)
    // What polkadot-js does on InBlock, slowly: the block, then (much later) the events at that block.
    await client.call('chain_getBlock', [block])
    await sleep(800)
    assert.equal(client.notifications('author_extrinsicUpdate', id).length, 2, 'no Finalized while the client is fetching')
    const read = await client.call('state_getStorage', ['0xaa01', block])
    const finalized = await client.waitFor((m) => m.params?.subscription === id && m.params.result.finalized === block)
    assert.ok(client.messages.indexOf(read) < client.messages.indexOf(finalized))
  })

  test('a refused extrinsic is error 1010 "Invalid Transaction" and leaves no subscription', async () => {
    for (const method of ['author_submitExtrinsic', 'author_submitAndWatchExtrinsic']) {
      const { error } = await client.call(method, ['0xdead'])
      assert.deepEqual(error, { code: 1010, message: 'Invalid Transaction', data: 'BadProof: bad signature' })
    }
    assert.equal(node.listenerCount('tx'), 0)
    assert.equal((await client.call('author_submitExtrinsic', ['0x0a0b'])).result, u8aToHex(blake2AsU8a(hexToU8a('0x0a0b'))))
    await stillServing()
  })

  test('close() ends every subscription and connection', async () => {
    const extra = await startRpcServer(node as unknown as ChainNode, { port: 0, logger: silent })
    const other = await Client.open(extra.url)
    await other.call('chain_subscribeAllHeads')
    await other.call('state_subscribeStorage', [['0xaa01']])
    assert.equal(node.listenerCount('block'), 2)
    const closed = new Promise((resolve) => other.ws.once('close', resolve))
    await extra.close()
    assert.equal(node.listenerCount('block'), 0)
    await closed
  })
})

test('keepAlive terminates a client that stops answering pings and keeps one that answers', async () => {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise((resolve) => wss.once('listening', resolve))
  const stop = keepAlive(wss, 200)
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`
  const open = async (autoPong: boolean) => {
    const ws = new WebSocket(url, { autoPong })
    await new Promise((resolve) => ws.once('open', resolve))
    return ws
  }
  const [deaf, live] = await Promise.all([open(false), open(true)])
  const code = await new Promise((resolve) => deaf.once('close', resolve))
  assert.equal(code, 1006)
  assert.equal(live.readyState, WebSocket.OPEN)
  stop()
  live.close()
  await new Promise((resolve) => wss.close(resolve))
})

test('polkadot-js ApiPromise connects, queries, subscribes and sees Ready, InBlock, Finalized', async () => {
  await cryptoWaitReady()
  const node = new FakeNode(substrateMetadata)
  const server = await startRpcServer(node as unknown as ChainNode, { port: 0, logger: silent })
  const api = await ApiPromise.create({ provider: new WsProvider(server.url), noInitWarn: true })
  try {
    assert.equal((await api.rpc.system.chain()).toString(), 'datdot test')
    const numbers: number[] = []
    // No api-augment here (the project generates its own): type the untyped query by hand.
    const unsub = await api.query.system.number((n: u32) => numbers.push(n.toNumber())) as unknown as () => void
    node.produce({ [api.query.system.number.key()]: '0x05000000' })
    const statuses: string[] = []
    await new Promise<void>((resolve, reject) => {
      api.tx.system.remark('0x00').signAndSend(new Keyring({ type: 'sr25519' }).addFromUri('//Alice'), (result) => {
        statuses.push(result.status.type)
        if (result.status.isReady) setImmediate(() => node.produce({}))
        if (result.status.isFinalized) resolve()
      }).catch(reject)
    })
    unsub()
    assert.deepEqual(numbers, [0, 5])
    assert.deepEqual(statuses, ['Ready', 'InBlock', 'Finalized'])
  } finally {
    await api.disconnect()
    await server.close()
  }
  assert.equal(node.listenerCount('block') + node.listenerCount('tx'), 0)
})

test('response and batch limits: -32008 for one reply past the limit, -32011 for a batch, -32010 for a long batch', async () => {
  // Metadata of 300 bytes: a reply of about 640 characters, two of them past the limit of 1000.
  const server = await startRpcServer(new FakeNode(`0x${'ab'.repeat(300)}`) as unknown as ChainNode, { port: 0, limits: { maxResponseBytes: 1000, maxBatchLength: 4 }, logger: silent })
  const big = await startRpcServer(new FakeNode(`0x${'ab'.repeat(600)}`) as unknown as ChainNode, { port: 0, limits: { maxResponseBytes: 1000 }, logger: silent })
  const batch = (n: number, method = 'system_name'): string => `[${Array.from({ length: n }, (_, i) => rpc(method, [], i)).join(',')}]`
  try {
    assert.equal((await post(server, rpc('state_getMetadata'))).json.result.length, 602, 'a reply under the limit')
    assert.deepEqual((await post(big, rpc('state_getMetadata', [], 7))).json,
      { jsonrpc: '2.0', id: 7, error: { code: -32008, message: 'Response is too big', data: 'Exceeded max limit of 1000' } })
    assert.deepEqual((await post(server, batch(2, 'state_getMetadata'))).json,
      { jsonrpc: '2.0', id: null, error: { code: -32011, message: 'The batch response was too large', data: 'Exceeded max limit of 1000' } })
    assert.equal((await post(server, batch(4))).json.length, 4)
    // A change set is measured as it is read, not once built.
    assert.equal((await post(server, rpc('state_queryStorageAt', [Array(200).fill('0xaa01')]))).json.error.code, -32008)
    assert.deepEqual((await post(server, batch(5))).json,
      { jsonrpc: '2.0', id: null, error: { code: -32010, message: 'The batch request was too large', data: 'Exceeded max limit of 4' } })
  } finally {
    await server.close()
    await big.close()
  }
})

test('a WebSocket connection has at most 64 messages in hand; the rest wait unread, and all are answered', async () => {
  const node = new FakeNode()
  const server = await startRpcServer(node as unknown as ChainNode, { port: 0, logger: silent })
  const client = await Client.open(server.url)
  try {
    let open: () => void = () => {}
    node.gate = new Promise((resolve) => { open = resolve })
    const replies = Array.from({ length: 300 }, (_, i) => client.call('author_submitExtrinsic', [`0x01${i.toString(16).padStart(4, '0')}`]))
    while (node.submitting < 64) await sleep(10)
    await sleep(200)
    assert.equal(node.submitting, 64, 'no more than 64 are handled at once')
    open()
    node.gate = undefined
    const answered = await Promise.all(replies)
    assert.equal(answered.filter((r) => typeof r.result === 'string').length, 300)
  } finally {
    client.close()
    await server.close()
  }
})

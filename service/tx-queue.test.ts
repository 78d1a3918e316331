import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ApiPromise } from '@polkadot/api'
import type { KeyringPair } from '@polkadot/keyring/types'
import { startChainProcess } from '../test/helpers/chain.js'
import { connectApi, devAccount, rawRpc, sendAndFinalize } from '../test/helpers/api.js'
import { TxQueue, TxQueueError } from './tx-queue.js'
import type { TxQueueLogger, TxResult } from './tx-queue.js'

/** A logger that keeps what it is told, to see whether the queue retried. */
function recorder (): TxQueueLogger & { lines: Array<{ level: string, msg: string, obj: object }> } {
  const lines: Array<{ level: string, msg: string, obj: object }> = []
  const at = (level: string) => (obj: object, msg: string): void => { lines.push({ level, msg, obj }) }
  return { lines, info: at('info'), warn: at('warn'), error: at('error') }
}

const nonceOf = async (api: ApiPromise, who: KeyringPair): Promise<number> =>
  (await api.query.system.account(who.address)).nonce.toNumber()

/** The nonce the extrinsic found in the result's block was signed with. */
async function signedNonce (api: ApiPromise, result: TxResult, hash: string): Promise<number> {
  const { block } = await api.rpc.chain.getBlock(result.blockHash)
  const ext = block.extrinsics.find((x) => x.hash.toHex() === hash)
  assert.ok(ext, `block ${result.blockHash} holds ${hash}`)
  return ext.nonce.toNumber()
}

test('TxQueue against an instant-sealing node', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const aliceLog = recorder()
  const aliceQueue = new TxQueue(api, alice, { logger: aliceLog, backoffMs: 100 })
  t.after(() => aliceQueue.close())

  await t.test('20 extrinsics submitted at once all finalize, in nonce order', async () => {
    const txs = Array.from({ length: 20 }, (_, i) => api.tx.system.remarkWithEvent(`0x${i.toString(16).padStart(2, '0')}`))
    const results = await Promise.all(txs.map((tx, i) => aliceQueue.submit(tx, `remark ${i}`)))
    let lastBlock = 0
    for (const [i, result] of results.entries()) {
      assert.equal(result.ok, true, `remark ${i}: ${result.error}`)
      assert.equal(result.error, undefined)
      assert.equal(result.events.filter(({ event }) => api.events.system.Remarked.is(event)).length, 1, 'its own Remarked event only')
      assert.ok(result.events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)))
      assert.equal(await signedNonce(api, result, txs[i].hash.toHex()), i)
      const number = (await api.rpc.chain.getHeader(result.blockHash)).number.toNumber()
      assert.ok(number >= lastBlock, 'included in submission order')
      lastBlock = number
    }
    assert.equal(await nonceOf(api, alice), 20)
    assert.deepEqual(aliceLog.lines, [], 'no retries')
  })

  await t.test('a dispatch error resolves with ok: false and the error name, without retry', async () => {
    const bob = devAccount('//Bob')
    const log = recorder()
    const queue = new TxQueue(api, bob, { logger: log, backoffMs: 100 })
    t.after(() => queue.close())
    const result = await queue.submit(api.tx.sudo.sudo(api.tx.system.remark('0x')), 'sudo from bob')
    assert.equal(result.ok, false)
    assert.equal(result.error, 'sudo.RequireSudo')
    assert.ok(result.events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)))
    assert.equal(await nonceOf(api, bob), 1, 'sent once')
    assert.deepEqual(log.lines, [])
  })

  await t.test('a nonce made stale outside the queue is re-read and the extrinsics re-signed', async () => {
    aliceLog.lines.length = 0
    // The queue counts 20 next; this takes 20 behind its back.
    await sendAndFinalize(api.tx.system.remark('0xff'), alice)
    assert.equal(await nonceOf(api, alice), 21)
    const txs = [0, 1, 2].map((i) => api.tx.system.remarkWithEvent(`0xa${i}`))
    const results = await Promise.all(txs.map((tx, i) => aliceQueue.submit(tx, `after stale ${i}`)))
    for (const [i, result] of results.entries()) {
      assert.equal(result.ok, true)
      assert.equal(await signedNonce(api, result, txs[i].hash.toHex()), 21 + i)
    }
    assert.equal(await nonceOf(api, alice), 24)
    const retries = aliceLog.lines.filter((l) => l.level === 'warn')
    assert.equal(retries.length, 1, 'one retry, of the first one')
    assert.match(String((retries[0].obj as { err: string }).err), /Stale/)
  })

  await t.test('a refusal that signing again cannot cure rejects with TX_REFUSED, and uses no nonce', async () => {
    // Charlie's address, Dave's signature while `forge` is set: the node finds a bad proof.
    const charlie = devAccount('//Charlie')
    const dave = devAccount('//Dave')
    let forge = true
    const signer: KeyringPair = Object.assign(Object.create(charlie) as KeyringPair, {
      sign: (message: Uint8Array, options?: { withType?: boolean }) => (forge ? dave : charlie).sign(message, options)
    })
    const log = recorder()
    const queue = new TxQueue(api, signer, { logger: log, backoffMs: 100 })
    t.after(() => queue.close())
    await assert.rejects(queue.submit(api.tx.system.remark('0x01'), 'forged'), (err: TxQueueError) => {
      assert.ok(err instanceof TxQueueError)
      assert.equal(err.code, 'TX_REFUSED')
      assert.match(err.message, /^forged: refused by the node: 1010: .*BadProof/)
      return true
    })
    assert.equal(log.lines.filter((l) => l.level === 'warn').length, 0, 'not retried')
    forge = false
    const result = await queue.submit(api.tx.system.remark('0x02'), 'genuine')
    assert.equal(result.ok, true)
    assert.equal(await nonceOf(api, charlie), 1, 'the refused one used no nonce')
  })

  await t.test('close() rejects what is not yet sent; what is sent still finalizes', async () => {
    const eve = devAccount('//Eve')
    const queue = new TxQueue(api, eve)
    const sent = queue.submit(api.tx.system.remark('0x01'), 'first')
    const queued = [queue.submit(api.tx.system.remark('0x02'), 'second'), queue.submit(api.tx.system.remark('0x03'), 'third')]
    queue.close()
    for (const p of queued) await assert.rejects(p, { code: 'TX_QUEUE_CLOSED' })
    await assert.rejects(queue.submit(api.tx.system.remark('0x04'), 'late'), { code: 'TX_QUEUE_CLOSED' })
    assert.equal((await sent).ok, true)
    assert.equal(await nonceOf(api, eve), 1)
  })
})

test('TxQueue finds an extrinsic it lost sight of when the connection dropped, without sending it twice', async (t) => {
  const chain = await startChainProcess(t, { args: ['--manual-seal'] })
  const api = await connectApi(t, chain.url)
  const ferdie = devAccount('//Ferdie')
  const log = recorder()
  const queue = new TxQueue(api, ferdie, { logger: log, backoffMs: 100, maxAttempts: 10 })
  t.after(() => queue.close())

  const tx = api.tx.system.remarkWithEvent('0x0102')
  const result = queue.submit(tx, 'watched through a disconnection')
  for (let i = 0; (await api.rpc.author.pendingExtrinsics()).length === 0; i++) {
    assert.ok(i < 200, 'the extrinsic reaches the pool')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  // The watch goes silent with the socket; the block comes while the queue cannot see it.
  const closed = new Promise((resolve) => api.once('disconnected', resolve))
  await api.disconnect()
  await closed
  const opened = new Promise((resolve) => api.once('connected', resolve))
  await api.connect()
  await opened
  await rawRpc(api, 'dev_newBlock', [{ count: 1 }])

  const { ok, blockHash, events } = await result
  assert.equal(ok, true)
  assert.equal(await signedNonce(api, { ok, blockHash, events }, tx.hash.toHex()), 0)
  assert.equal(events.filter(({ event }) => api.events.system.Remarked.is(event)).length, 1)
  assert.equal(await nonceOf(api, ferdie), 1, 'applied once')
  assert.ok(log.lines.some((l) => l.level === 'warn' && /disconnected/.test((l.obj as { err: string }).err)))
})

test('TxQueue keeps trying past maxAttempts while retryWhile says so, and only then', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const queue = new TxQueue(api, devAccount('//Dave'), { backoffMs: 50, maxAttempts: 2 })
  t.after(() => queue.close())
  const closed = new Promise((resolve) => api.once('disconnected', resolve))
  await api.disconnect()
  await closed
  // While the node is out of reach every try fails: one gives up after two, the other goes on while asked to.
  const given = queue.submit(api.tx.system.remarkWithEvent('0x01'), 'given up')
  const over = queue.submit(api.tx.system.remarkWithEvent('0x02'), 'no longer wanted', { retryWhile: async () => false })
  let asked = 0
  const kept = queue.submit(api.tx.system.remarkWithEvent('0x03'), 'kept', { retryWhile: async () => ++asked < 1000 })
  await assert.rejects(given, (err: TxQueueError) => err.code === 'TX_FAILED')
  await assert.rejects(over, (err: TxQueueError) => err.code === 'TX_FAILED')
  while (asked < 3) await new Promise((resolve) => setTimeout(resolve, 20))
  const opened = new Promise((resolve) => api.once('connected', resolve))
  await api.connect()
  await opened
  const result = await kept
  assert.equal(result.ok, true, 'it lands once the node is back')
  assert.ok(asked >= 3, `retryWhile was asked after each failure past the second (${asked})`)
})

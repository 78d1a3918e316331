// --state-pruning and --blocks-pruning on a node process over its RPC: states older than the window answer
// Substrate's 4003 "State already discarded", pruned bodies are no block (null) while their headers stay, and
// the node restarts on its pruned database.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount, rawRpc } from '../helpers/api.js'

const STATE_WINDOW = 8
const BODY_WINDOW = 4

test('a pruned node serves the last states and bodies, refuses older states with 4003 and older bodies with null', async (t) => {
  const chain = await startChainProcess(t, { args: ['--state-pruning', String(STATE_WINDOW), '--blocks-pruning', String(BODY_WINDOW)] })
  let api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  await api.tx.system.remark('0x01').signAndSend(alice)
  const first = await rawRpc<string>(api, 'dev_newBlock', [{ count: 1 }])
  const head = await rawRpc<string>(api, 'dev_newBlock', [{ count: 20 }])
  const number = (await api.rpc.chain.getHeader(head)).number.toNumber()
  const hashOf = async (n: number) => (await api.rpc.chain.getBlockHash(n)).toHex()
  const key = api.query.system.account.key(alice.address)
  const storageAt = (hash: string) => rawRpc<string | null>(api, 'state_getStorage', [key, hash])

  assert.deepEqual((await rawRpc<{ block: { extrinsics: string[] } }>(api, 'chain_getBlock', [head])).block.extrinsics, [], 'the head\'s body (no extrinsic)')
  assert.equal(await rawRpc(api, 'chain_getBlock', [first]), null, 'a body older than the window is gone')
  assert.equal((await api.rpc.chain.getHeader(first)).number.toNumber(), 1, 'its header is kept')
  assert.notEqual(await rawRpc(api, 'chain_getBlock', [await hashOf(number - BODY_WINDOW + 1)]), null, `the last ${BODY_WINDOW} bodies are kept`)
  assert.equal(await rawRpc(api, 'chain_getBlock', [await hashOf(number - BODY_WINDOW)]), null)

  assert.notEqual(await storageAt(await hashOf(number - STATE_WINDOW + 1)), null, `the last ${STATE_WINDOW} states are read`)
  const old = await hashOf(number - STATE_WINDOW)
  await assert.rejects(storageAt(old), (err: Error) => err.message.startsWith('4003: Client error: UnknownBlock: State already discarded for ' + old))
  await assert.rejects(rawRpc(api, 'state_getKeysPaged', ['0x', 10, null, first]), /4003: Client error: UnknownBlock: State already discarded/)
  await assert.rejects(rawRpc(api, 'state_call', ['Core_version', '0x', first]), /4003: Client error: UnknownBlock: State already discarded/)

  await chain.restart()
  api = await connectApi(t, chain.url)
  await assert.rejects(storageAt(old), /State already discarded/)
  const next = await rawRpc<string>(api, 'dev_newBlock', [{ count: 1 }])
  assert.notEqual(await storageAt(next), null, 'blocks go on after the restart')
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { connectApi, devAccount, rawRpc } from '../helpers/api.js'
import { startChainProcess } from '../helpers/chain.js'

const MiB = 1024 * 1024

test('block and pool limits in bytes: a 4 MiB extrinsic is refused, a block holds 3.75 MiB of normal ones (of 5 MiB), the pool 20 MiB', async (t) => {
  const chain = await startChainProcess(t)
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const remark = async (bytes: number, nonce: number): Promise<string> =>
    (await api.tx.system.remark(`0x${'ab'.repeat(bytes)}`).signAsync(alice, { nonce })).toHex()
  const submit = (hex: string): Promise<string> => rawRpc(api, 'author_submitExtrinsic', [hex])
  const pending = async (): Promise<number> => (await rawRpc<string[]>(api, 'author_pendingExtrinsics')).length
  const included = async (): Promise<number> => {
    const hash = await rawRpc<string>(api, 'dev_newBlock', [{ count: 1 }])
    return (await api.rpc.chain.getBlock(hash)).block.extrinsics.length
  }

  await assert.rejects(submit(await remark(4 * MiB, 0)), (err: Error) => {
    assert.match(err.message, /^1010: Invalid Transaction: ExhaustsResources: the extrinsic is \d+ bytes; a block holds at most 3932160 bytes of one extrinsic/)
    return true
  })

  for (let nonce = 0; nonce < 6; nonce++) await submit(await remark(MiB, nonce))
  assert.equal(await included(), 3, 'four of 1 MiB and their envelopes pass the normal share, 3/4 of 5 MiB')
  assert.equal(await pending(), 3)
  assert.equal(await included(), 3)

  for (let nonce = 6; nonce < 11; nonce++) await submit(await remark(3.5 * MiB, nonce))
  await assert.rejects(submit(await remark(3.5 * MiB, 11)), (err: Error) => {
    assert.match(err.message, /^1016: Immediately Dropped: ImmediatelyDropped: the pool would hold more than 20971520 bytes/)
    return true
  })
  // Five of 3.5 MiB wait (author_pendingExtrinsics would be past the 15 MiB response limit): one a block.
  for (let i = 0; i < 5; i++) assert.equal(await included(), 1)
  assert.equal(await pending(), 0)
})

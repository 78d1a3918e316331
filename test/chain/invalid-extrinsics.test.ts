import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { u8aToHex } from '@polkadot/util'
import type { SignerOptions } from '@polkadot/api/types'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount, rawRpc, sendAndFinalize } from '../helpers/api.js'

test('invalid extrinsics are refused with 1010 and a specific reason; the node keeps serving', async (t) => {
  const chain = await startChainProcess(t, { args: ['--manual-seal'] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')

  // Sent raw: polkadot-js would refuse to encode some of these bytes itself.
  async function refused (hex: string, reason: RegExp): Promise<void> {
    await assert.rejects(rawRpc(api, 'author_submitExtrinsic', [hex]), (err: Error) => {
      assert.match(err.message, /^1010: Invalid Transaction: /)
      assert.match(err.message, reason)
      return true
    })
    assert.equal((await api.rpc.system.chain()).toString(), 'datdot development', 'still serving')
  }

  await t.test('bad signature', async () => {
    const tx = await api.tx.system.remark('0x01').signAsync(alice, { nonce: 0 })
    const signature = tx.signature.toHex().slice(2)
    const forged = signature.slice(0, 20) + (signature[20] === '0' ? '1' : '0') + signature.slice(21)
    await refused(tx.toHex().replace(signature, forged), /BadProof: bad signature/)
  })

  await t.test('random bytes', async () => {
    await refused(u8aToHex(randomBytes(40)), /BadFormat: could not decode the extrinsic/)
  })

  await t.test('wrong genesis hash', async () => {
    const wrong = u8aToHex(randomBytes(32))
    const options: Partial<SignerOptions> = { nonce: 0, era: api.createType('ExtrinsicEra', '0x00'), genesisHash: api.createType('Hash', wrong), blockHash: wrong }
    const tx = await api.tx.system.remark('0x02').signAsync(alice, options)
    await refused(tx.toHex(), /BadProof: .*genesis hash/)
  })

  await t.test('reused nonce', async () => {
    const tx = api.tx.system.remark('0x03')
    const included = sendAndFinalize(tx, alice)
    await waitForPending(api)
    await rawRpc(api, 'dev_newBlock', [{ count: 1 }])
    await included
    const again = await api.tx.system.remark('0x04').signAsync(alice, { nonce: 0 })
    await refused(again.toHex(), /Stale: nonce 0 was already used: the account's next nonce is 1/)
  })

  await t.test('expired mortal era', async () => {
    const head = await api.rpc.chain.getHeader()
    const era = api.createType('ExtrinsicEra', { current: head.number.toNumber(), period: 4 })
    const tx = await api.tx.system.remark('0x05').signAsync(alice, { era, blockHash: head.hash, nonce: 1 })
    await rawRpc(api, 'dev_newBlock', [{ count: 8 }])
    await refused(tx.toHex(), /Stale: the transaction's mortal era has expired/)
  })

  await t.test('unsigned: 1011, Substrate\'s unknown validity', async () => {
    await assert.rejects(rawRpc(api, 'author_submitExtrinsic', [api.tx.system.remark('0x06').toHex()]),
      /^RpcError: 1011: Unknown Transaction Validity: NoUnsignedValidator: /)
  })

  await t.test('the same extrinsic twice: 1013; another of the same nonce: 1014', async () => {
    const first = await api.tx.system.remark('0x07').signAsync(alice, { nonce: 1 })
    await rawRpc(api, 'author_submitExtrinsic', [first.toHex()])
    await assert.rejects(rawRpc(api, 'author_submitExtrinsic', [first.toHex()]), /^RpcError: 1013: Transaction Already Imported: AlreadyImported: /)
    const rival = await api.tx.system.remark('0x08').signAsync(alice, { nonce: 1 })
    await assert.rejects(rawRpc(api, 'author_submitExtrinsic', [rival.toHex()]), /^RpcError: 1014: Priority is too low: TooLowPriority: nonce 1 is already taken/)
  })
})

async function waitForPending (api: Awaited<ReturnType<typeof connectApi>>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await api.rpc.author.pendingExtrinsics()).length > 0) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the extrinsic never reached the pool')
}

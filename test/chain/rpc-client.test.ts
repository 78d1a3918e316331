import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount, rawRpc, sendAndFinalize } from '../helpers/api.js'
import { waitFor } from '../helpers/wait.js'

test('polkadot-js connects, queries and subscribes', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')

  assert.equal((await api.rpc.system.chain()).toString(), 'datdot development')
  assert.equal(api.consts.system.blockHashCount.toNumber(), 2400)
  assert.equal(api.consts.system.ss58Prefix.toNumber(), 42)
  const account = await api.query.system.account(alice.address)
  assert.equal(account.data.free.toBigInt(), 1_000_000n)
  assert.equal(account.nonce.toNumber(), 0)
  assert.ok(Array.isArray(await api.query.system.events()))

  const seen: number[] = []
  const unsub = await api.query.system.number((n) => { seen.push(n.toNumber()) })
  await rawRpc(api, 'dev_newBlock', [{ count: 2 }])
  await waitFor(() => seen.includes(2))
  unsub()
  assert.deepEqual(seen.slice(0, 1), [0])
})

test('signed remarks from sr25519 and ed25519 accounts are included and finalized', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const eve = devAccount('//Eve', 'ed25519')
  // Not a genesis account (the sr25519 //Eve is): it exists once ratio is transferred to it.
  await sendAndFinalize(api.tx.ratio.transferRatio(eve.address, 1000), devAccount('//Alice'))
  for (const signer of [devAccount('//Alice'), eve]) {
    const { statuses, result } = await sendAndFinalize(api.tx.system.remarkWithEvent('hello datdot'), signer)
    assert.deepEqual(statuses.filter((s) => s !== 'Ready'), ['InBlock', 'Finalized'], `statuses for ${signer.type}`)
    const names = result.events.map(({ event }) => `${event.section}.${event.method}`)
    assert.ok(names.includes('system.ExtrinsicSuccess'), names.join())
    assert.ok(names.includes('system.Remarked'), names.join())
    assert.ok(names.includes('transactionPayment.TransactionFeePaid'), names.join())
  }
})

test('a dispatch error decodes by pallet and name', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const { result } = await sendAndFinalize(api.tx.sudo.sudo(api.tx.system.remark('0x00')), devAccount('//Bob'))
  assert.ok(result.dispatchError?.isModule, 'a module error')
  const meta = api.registry.findMetaError(result.dispatchError.asModule)
  assert.equal(meta.section, 'sudo')
  assert.equal(meta.name, 'RequireSudo')
  assert.match(meta.docs.join(' '), /sudo key/)
})

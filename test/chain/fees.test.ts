import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ApiPromise } from '@polkadot/api'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { ISubmittableResult } from '@polkadot/types/types'
import type { FeeDetails } from '@polkadot/types/interfaces'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount, rawRpc, sendAndFinalize } from '../helpers/api.js'

const U128_MAX = (1n << 128n) - 1n

const free = async (api: ApiPromise, who: KeyringPair): Promise<bigint> => (await api.query.system.account(who.address)).data.free.toBigInt()
const feePaid = (result: ISubmittableResult): { actualFee: bigint, tip: bigint } => {
  const { event } = result.events.find(({ event }) => event.section === 'transactionPayment')!
  const [, actualFee, tip] = event.data as unknown as Array<{ toBigInt (): bigint }>
  return { actualFee: actualFee.toBigInt(), tip: tip.toBigInt() }
}

async function refused (promise: Promise<unknown>, code: number, reason: RegExp): Promise<void> {
  await assert.rejects(promise, (err: Error) => {
    assert.match(err.message, new RegExp(`^${code}: `))
    assert.match(err.message, reason)
    return true
  })
}

test('fees in ratio: charged by length, weight and tip before dispatch, as paymentInfo says; unpaid senders are refused', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const stranger = devAccount('//Stranger')
  const submit = async (tx: ReturnType<typeof api.tx.system.remark>, who: KeyringPair, options: object = {}): Promise<string> =>
    await rawRpc(api, 'author_submitExtrinsic', [(await tx.signAsync(who, options)).toHex()])

  await t.test('an account that never held ratio is refused at submission, and no account is made', async () => {
    await refused(submit(api.tx.system.remark('0x01'), stranger, { nonce: 0 }), 1010, /Payment: the account does not exist/)
    const account = await rawRpc<string | null>(api, 'state_getStorage', [api.query.system.account.key(stranger.address)])
    assert.equal(account, null, 'no account was created')
    assert.equal((await rawRpc<string[]>(api, 'author_pendingExtrinsics')).length, 0)
  })

  await t.test('the fee a wallet is shown is the fee charged; a longer extrinsic costs more', async () => {
    const small = api.tx.system.remark('0x00')
    const large = api.tx.system.remark(`0x${'ab'.repeat(64 * 1024)}`)
    const [smallInfo, largeInfo] = [await small.paymentInfo(alice), await large.paymentInfo(alice)]
    assert.ok(smallInfo.partialFee.toBigInt() > 0n)
    assert.ok(largeInfo.partialFee.toBigInt() > smallInfo.partialFee.toBigInt() + 60n, 'at least a ratio per KiB more')
    assert.ok(largeInfo.weight.refTime.toBigInt() > smallInfo.weight.refTime.toBigInt(), 'a longer remark weighs more')
    assert.equal(smallInfo.class.toString(), 'Normal')
    for (const [tx, info] of [[small, smallInfo], [large, largeInfo]] as const) {
      const before = await free(api, alice)
      const { result } = await sendAndFinalize(tx, alice)
      assert.deepEqual(feePaid(result), { actualFee: info.partialFee.toBigInt(), tip: 0n })
      assert.equal(await free(api, alice), before - info.partialFee.toBigInt(), 'charged exactly the fee')
    }
  })

  await t.test('a tip is charged on top of the fee; a tip the sender cannot pay is refused', async () => {
    const tx = api.tx.system.remark('0x02')
    const fee = (await tx.paymentInfo(alice)).partialFee.toBigInt()
    const before = await free(api, alice)
    const { result } = await new Promise<{ result: ISubmittableResult }>((resolve, reject) => {
      tx.signAndSend(alice, { tip: 1234 }, (r) => { if (r.status.isFinalized) resolve({ result: r }) }).catch(reject)
    })
    assert.deepEqual(feePaid(result), { actualFee: fee + 1234n, tip: 1234n })
    assert.equal(await free(api, alice), before - fee - 1234n)
    await refused(submit(api.tx.system.remark('0x03'), alice, { tip: U128_MAX }), 1010, /Payment: the account holds \d+ ratio; this transaction costs \d+/)
    assert.equal(await free(api, alice), before - fee - 1234n, 'nothing charged for the refused one')
  })

  await t.test('a sender is refused what it could not pay with its transactions already waiting', async () => {
    const poor = devAccount('//Poor')
    await sendAndFinalize(api.tx.ratio.transferRatio(poor.address, 12), alice)
    const tx = api.tx.system.remark('0x04')
    const fee = (await tx.paymentInfo(poor)).partialFee.toBigInt()
    const affordable = Number(12n / fee)
    assert.ok(affordable >= 1)
    // Future nonces wait in the pool, unpaid yet, so that each counts against the balance.
    for (let n = 1; n <= affordable; n++) await submit(api.tx.system.remark(`0x0${n}`), poor, { nonce: n })
    await refused(submit(api.tx.system.remark('0x09'), poor, { nonce: affordable + 1 }), 1010, /Payment: .*waiting in the pool/)
  })
})

test('new accounts need the existential deposit; a transfer that gives it makes the account', async (t) => {
  const chain = await startChainProcess(t, { args: ['--instant'] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const fresh = devAccount('//Fresh')
  const ed = api.consts.ratio.existentialDeposit.toBigInt()
  assert.ok(ed > 1n)
  const { result: dust } = await sendAndFinalize(api.tx.ratio.transferRatio(fresh.address, ed - 1n), alice)
  assert.equal(api.registry.findMetaError(dust.dispatchError!.asModule).name, 'ExistentialDeposit')
  assert.equal(await rawRpc(api, 'state_getStorage', [api.query.system.account.key(fresh.address)]), null)
  const { result } = await sendAndFinalize(api.tx.ratio.transferRatio(fresh.address, ed), alice)
  const names = result.events.map(({ event }) => `${event.section}.${event.method}`)
  assert.ok(names.includes('system.NewAccount'), names.join())
  assert.equal(await free(api, fresh), ed)
  const { result: onward } = await sendAndFinalize(api.tx.ratio.transferRatio(alice.address, 1n), fresh)
  assert.equal(onward.dispatchError, undefined, 'an account that exists takes any amount, and pays its fee from what it holds')
  assert.ok(await free(api, fresh) < ed - 1n)
})

test('the pool: higher tips per byte go first, a higher tip replaces a waiting transaction, free calls are checked before they enter', async (t) => {
  const chain = await startChainProcess(t, { args: ['--manual-seal'] })
  const api = await connectApi(t, chain.url)
  const [alice, bob] = [devAccount('//Alice'), devAccount('//Bob')]

  const low = await api.tx.system.remark('0x10').signAsync(alice, { nonce: 0 })
  const high = await api.tx.system.remark('0x11').signAsync(bob, { nonce: 0, tip: 50 })
  const statuses: string[] = []
  const unsubscribe = await api.rpc.author.submitAndWatchExtrinsic(await api.tx.system.remark('0x12').signAsync(alice, { nonce: 1 }), (s) => { statuses.push(s.type) })
  t.after(() => unsubscribe())
  await rawRpc(api, 'author_submitExtrinsic', [low.toHex()])
  await rawRpc(api, 'author_submitExtrinsic', [high.toHex()])
  await refused(rawRpc(api, 'author_submitExtrinsic', [(await api.tx.system.remark('0x13').signAsync(alice, { nonce: 1 })).toHex()]), 1014, /TooLowPriority/)
  const better = await api.tx.system.remark('0x13').signAsync(alice, { nonce: 1, tip: 5 })
  await rawRpc(api, 'author_submitExtrinsic', [better.toHex()])
  const hash = await rawRpc<string>(api, 'dev_newBlock', [{ count: 1 }])
  const body = (await api.rpc.chain.getBlock(hash)).block.extrinsics.map((e) => e.hash.toHex())
  assert.deepEqual(body, [high.hash.toHex(), low.hash.toHex(), better.hash.toHex()], 'bob\'s tip first, then alice\'s in nonce order')
  assert.ok(statuses.includes('Usurped'), statuses.join())

  await refused(rawRpc(api, 'author_submitExtrinsic', [(await api.tx.plans.hostingReady(7, 0).signAsync(alice)).toHex()]), 1010, /Call: Plans\.AmendmentNotFound/)
  assert.equal((await rawRpc<string[]>(api, 'author_pendingExtrinsics')).length, 0, 'the failing free call never entered the pool')
  const info = await api.tx.plans.hostingReady(7, 0).paymentInfo(alice)
  assert.equal(info.partialFee.toBigInt(), 0n, 'hostingReady is paid work')
  assert.equal(info.class.toString(), 'Operational')
  const details = await api.call.transactionPaymentApi.queryFeeDetails(api.tx.system.remark('0x00').toU8a(), 0) as unknown as FeeDetails
  assert.ok(details.inclusionFee.isSome && details.inclusionFee.unwrap().baseFee.toBigInt() > 0n)
})

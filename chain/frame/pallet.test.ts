import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expandMetadata } from '@polkadot/types'
import { compactStripLength, u8aToHex } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { constant, definePallet, rootCall, signedCall } from './pallet.js'
import { doubleMap, map, value } from './storage.js'
import { AccountId32, H256, bytes, enumOf, named, option, seq, struct, u32, u64, u128 } from '../types/ty.js'
import { Runtime } from '../runtime/runtime.js'
import { EMPTY_ACCOUNT, System } from '../pallets/system.js'
import { TransactionPayment } from '../pallets/transaction-payment.js'
import { Overlay } from '../state/overlay.js'
import type { StateReader } from '../state/overlay.js'

const Plan = struct('pallet_example::Plan', {
  owner: AccountId32,
  mode: enumOf('pallet_example::Mode', { Replicate: named({ replicas: u32 }), Erasure: named({ k: u32, m: u32 }), Off: null }),
  ranges: seq(struct('pallet_example::Range', { start: u64, end: u64 })),
  note: option(bytes)
})

const storage = {
  Counter: value({ type: u32, default: 7 }),
  Maybe: value({ type: H256 }),
  Plans: map({ hasher: 'Twox64Concat', key: u64, value: Plan }),
  Balances: map({ hasher: 'Blake2_128Concat', key: AccountId32, value: u128, default: 0n }),
  Hashed: map({ hasher: 'Blake2_256', key: u32, value: u32 }),
  Pairs: doubleMap({ hashers: ['Blake2_128Concat', 'Identity'], keys: [AccountId32, u32], value: bytes })
}

const Example = definePallet({
  name: 'Example',
  storage,
  events: { Stored: named({ who: AccountId32, value: u32 }) },
  errors: { TooBig: 'The value is larger than the pallet allows.' },
  constants: { Limit: constant(u32, 1000, 'The largest value.') },
  calls: {
    store: signedCall({ value: u32 }, (ctx, who, args) => {
      if (args.value > 1000) throw Example.errors.TooBig()
      storage.Counter.set(ctx, args.value)
      Example.emit(ctx, { type: 'Stored', value: { who, value: args.value } })
    }),
    reset: rootCall({}, (ctx) => storage.Counter.kill(ctx))
  }
})

/** polkadot-js prefixes decorated keys with their compact length. */
const keyHex = (key: Uint8Array): string => u8aToHex(compactStripLength(key)[1])

const empty: StateReader = { get: () => null, keysWithPrefix: () => [] }
const alice = new Uint8Array(32).fill(1)
const bob = new Uint8Array(32).fill(2)

test('storage keys and values are those polkadot-js derives from the generated metadata', async () => {
  await cryptoWaitReady()
  const runtime = new Runtime([{ index: 0, pallet: System }, { index: 9, pallet: Example }])
  const { registry, metadata, codec } = runtime.meta
  const query = expandMetadata(registry, metadata).query.example
  const ctx = { state: new Overlay(empty), codec }

  assert.equal(storage.Counter.key(), keyHex(query.counter()))
  assert.equal(storage.Plans.key(ctx, 42n), keyHex(query.plans(42)))
  assert.equal(storage.Balances.key(ctx, alice), keyHex(query.balances(alice)))
  assert.equal(storage.Hashed.key(ctx, 5), keyHex(query.hashed(5)))
  assert.equal(storage.Pairs.key(ctx, alice, 3), keyHex(query.pairs(alice, 3)))

  const plan = { owner: alice, mode: { type: 'Erasure' as const, value: { k: 4, m: 2 } }, ranges: [{ start: 0n, end: 10n }], note: new Uint8Array([1, 2]) }
  storage.Plans.set(ctx, 42n, plan)
  const decoded = registry.createType(registry.createLookupType(query.plans.meta.type.asMap.value), ctx.state.get(storage.Plans.key(ctx, 42n))!) as any
  assert.deepEqual(decoded.owner.toU8a(), alice)
  assert.ok(decoded.mode.isErasure)
  assert.equal(decoded.mode.asErasure.m.toNumber(), 2)
  assert.equal(decoded.ranges[0].end.toNumber(), 10)
  assert.equal(decoded.note.unwrap().toHex(), '0x0102')
  assert.deepEqual(storage.Plans.get(ctx, 42n), plan)
  assert.equal(storage.Counter.get(ctx), 7, 'a Default item reads its default when absent')
  assert.equal(storage.Maybe.get(ctx), null, 'an Optional item reads null when absent')
  assert.equal(u8aToHex(query.counter.meta.fallback), '0x07000000', 'the metadata carries the default')
  assert.equal(registry.createType('u32', expandMetadata(registry, metadata).consts.example.limit).toNumber(), 1000)
})

test('map entries read their keys back, double maps by their first key', async () => {
  await cryptoWaitReady()
  const runtime = new Runtime([{ index: 0, pallet: System }, { index: 9, pallet: Example }])
  const ctx = { state: new Overlay(empty), codec: runtime.meta.codec }
  for (const id of [3n, 1n, 2n]) storage.Plans.set(ctx, id, { owner: bob, mode: { type: 'Off' }, ranges: [], note: null })
  assert.deepEqual(storage.Plans.entries(ctx).map(([k]) => k).sort(), [1n, 2n, 3n])
  storage.Pairs.set(ctx, alice, 1, new Uint8Array([1]))
  storage.Pairs.set(ctx, alice, 2, new Uint8Array([2]))
  storage.Pairs.set(ctx, bob, 1, new Uint8Array([3]))
  assert.deepEqual(storage.Pairs.entriesOf(ctx, alice).map(([k, v]) => [k, [...v]]), [[1, [1]], [2, [2]]])
  storage.Pairs.remove(ctx, alice, 1)
  assert.deepEqual(storage.Pairs.entriesOf(ctx, alice).map(([k]) => k), [2])
})

test('a failed call is rolled back with its events but pays its fee; errors and origins decode as in Substrate', async () => {
  await cryptoWaitReady()
  const runtime = new Runtime([{ index: 0, pallet: System }, { index: 4, pallet: TransactionPayment }, { index: 9, pallet: Example }])
  const { registry, codec } = runtime.meta
  const state = new Overlay(empty)
  const ctx = { state, codec }
  System.storage.Account.set(ctx, alice, { ...EMPTY_ACCOUNT, providers: 1, data: { ...EMPTY_ACCOUNT.data, free: 1000n } })
  const ext = (method: string, args: object, nonce: number) => ({
    ext: {
      bytes: new Uint8Array(), hash: new Uint8Array(32), hashHex: `0x${nonce}`, signer: alice, nonce, tip: 0n,
      call: registry.createType('Call', { callIndex: [9, method === 'store' ? 0 : 1], args }),
      era: null
    },
    death: Infinity
  })
  const outcome = runtime.executeBlock(state, { number: 1, parentHash: new Uint8Array(32), digest: [] }, [
    ext('store', { value: 5 }, 0),
    ext('store', { value: 5000 }, 1),
    ext('reset', {}, 2)
  ] as never)
  assert.equal(outcome.included.length, 3)
  assert.equal(storage.Counter.get(ctx), 5, 'the failed store and the badly originated reset changed nothing')
  assert.equal(System.storage.Account.get(ctx, alice).nonce, 3, 'every included extrinsic used its nonce')

  const records = registry.createType('Vec<FrameSystemEventRecord>', state.get(System.storage.Events.key())!) as any
  const names = records.map((r: any) => `${r.phase.isApplyExtrinsic ? r.phase.asApplyExtrinsic.toNumber() : '-'}:${r.event.section}.${r.event.method}`)
  assert.deepEqual(names, [
    '0:example.Stored', '0:transactionPayment.TransactionFeePaid', '0:system.ExtrinsicSuccess',
    '1:transactionPayment.TransactionFeePaid', '1:system.ExtrinsicFailed',
    '2:transactionPayment.TransactionFeePaid', '2:system.ExtrinsicFailed'
  ])
  const tooBig = records[4].event.data[0]
  assert.equal(registry.findMetaError(tooBig.asModule).name, 'TooBig')
  assert.ok(records[6].event.data[0].isBadOrigin)
  const fees = [1, 3, 5].map((i) => records[i].event.data.actualFee.toBigInt() as bigint)
  assert.ok(fees.every((fee) => fee > 0n), 'failed calls pay too')
  assert.equal(System.storage.Account.get(ctx, alice).data.free, 1000n - fees.reduce((a, b) => a + b), 'the fees were taken from alice')
})

test('a failing hook loses only its own changes, unless it is critical', async () => {
  await cryptoWaitReady()
  const marks = { Mark: value({ type: u32, default: 0 }) }
  const Flaky = definePallet({
    name: 'Flaky',
    storage: marks,
    hooks: {
      onInitialize (ctx) {
        marks.Mark.set(ctx, 1)
        throw new Error('a bug in a hook')
      },
      onFinalize (ctx) { marks.Mark.set(ctx, marks.Mark.get(ctx) + 10) }
    }
  })
  const logged: string[] = []
  const runtime = new Runtime([{ index: 0, pallet: System }, { index: 1, pallet: Flaky }], (msg) => logged.push(msg))
  const state = new Overlay(empty)
  runtime.executeBlock(state, { number: 1, parentHash: new Uint8Array(32), digest: [] }, [])
  assert.equal(marks.Mark.get({ state, codec: runtime.meta.codec }), 10, 'onInitialize\'s write was dropped, onFinalize ran')
  assert.deepEqual(logged, ['Flaky.onInitialize failed; its changes were dropped'])

  const critical = { Mark: value({ type: u32, default: 0 }) }
  const Consensus = definePallet({ name: 'Consensus', storage: critical, hooks: { critical: true, onInitialize () { throw new Error('no timestamp') } } })
  const strict = new Runtime([{ index: 0, pallet: System }, { index: 1, pallet: Consensus }])
  assert.throws(() => strict.executeBlock(new Overlay(empty), { number: 1, parentHash: new Uint8Array(32), digest: [] }, []), /no timestamp/)
})

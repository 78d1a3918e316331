import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto'
import { constant, definePallet, signedCall } from '../frame/pallet.js'
import { map, value } from '../frame/storage.js'
import { AccountId32, H256, bytes, indexedEnum, fixed, named, seq, struct, u16, u32 } from '../types/ty.js'
import type { JsOf } from '../types/ty.js'
import { AccountInfo, DispatchError, DispatchInfo, EventRecord } from '../metadata/substrate-types.js'
import type { AccountInfoValue } from '../metadata/substrate-types.js'
import { dbWeight } from '../frame/weight.js'

const DigestItem = indexedEnum('sp_runtime::generic::digest::DigestItem', [
  { name: 'Other', index: 0, def: bytes },
  { name: 'Consensus', index: 4, def: named({ engine: fixed(4), data: bytes }) },
  { name: 'Seal', index: 5, def: named({ engine: fixed(4), data: bytes }) },
  { name: 'PreRuntime', index: 6, def: named({ engine: fixed(4), data: bytes }) },
  { name: 'RuntimeEnvironmentUpdated', index: 8, def: null }
])
const Digest = struct('sp_runtime::generic::digest::Digest', { logs: seq(DigestItem) })

const ZERO_HASH = new Uint8Array(32)

export const EMPTY_ACCOUNT: AccountInfoValue = {
  nonce: 0,
  consumers: 0,
  providers: 0,
  sufficients: 0,
  data: { free: 0n, reserved: 0n, frozen: 0n, flags: 0n }
}

const storage = {
  Account: map({ hasher: 'Blake2_128Concat', key: AccountId32, value: AccountInfo, default: EMPTY_ACCOUNT, docs: 'Nonce and ratio of every account.' }),
  Number: value({ type: u32, default: 0, docs: 'The number of the block being built or last built.' }),
  ParentHash: value({ type: H256, default: ZERO_HASH }),
  BlockHash: map({ hasher: 'Twox64Concat', key: u32, value: H256, default: ZERO_HASH, docs: 'Hashes of the recent blocks, by number (the last `BlockHashCount`).' }),
  Digest: value({ type: Digest, default: { logs: [] } }),
  Events: value({ type: seq(EventRecord), default: [], docs: 'The events of the last block.' }),
  EventCount: value({ type: u32, default: 0 }),
  ExtrinsicCount: value({ type: u32 })
}

export type DigestValue = JsOf<typeof Digest>

/** How many recent block hashes are kept: mortal transactions may be born at most this far back. */
export const BLOCK_HASH_COUNT = 2400

export const System = definePallet({
  name: 'System',
  crate: 'frame_system',
  storage,
  events: {
    ExtrinsicSuccess: named({ dispatchInfo: DispatchInfo }),
    ExtrinsicFailed: named({ dispatchError: DispatchError, dispatchInfo: DispatchInfo }),
    NewAccount: named({ account: AccountId32 }),
    Remarked: named({ sender: AccountId32, hash: H256 })
  },
  errors: {
    CallFiltered: 'The origin filter prevents this call.'
  },
  constants: {
    BlockHashCount: constant(u32, BLOCK_HASH_COUNT, 'How many recent block hashes are kept.'),
    SS58Prefix: constant(u16, 42, 'The SS58 address format of this chain.')
  },
  calls: {
    remark: signedCall({ remark: bytes }, () => {}, 'Makes a remark; it changes nothing but the nonce.', { weight: ({ remark }) => dbWeight(0, 0, 1 + Math.ceil(remark.length / 1024)) }),
    remarkWithEvent: signedCall({ remark: bytes }, (ctx, who, { remark }) => {
      System.emit(ctx, { type: 'Remarked', value: { sender: who, hash: blake2AsU8a(remark, 256) } })
    }, 'Makes a remark and emits `Remarked` with its hash.', { weight: ({ remark }) => dbWeight(0, 0, 2 + Math.ceil(remark.length / 256)) })
  },
  genesis (ctx, spec) {
    for (const [address, ratio] of Object.entries(spec.genesis.accounts)) {
      storage.Account.set(ctx, decodeAddress(address), { ...EMPTY_ACCOUNT, providers: 1, data: { ...EMPTY_ACCOUNT.data, free: BigInt(ratio) } })
    }
  }
})

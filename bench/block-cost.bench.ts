// The cost of a block that opens about 130 storage challenges, on a chain with 1,000 feeds and on one with
// 100,000 (both with 10,000 hosters): a block's work must follow the challenges opened, not the state's size.
// Each block draws its challenges (memoryless): each of 1,600 active positions is challenged with probability
// 1/10 a block unless its challenge is still open (nobody answers here), so the 5 timed blocks open
// 1600·(1 − 0.9^5) ≈ 655 in all (sd ≈ 24): at least 500 with near certainty.
import { performance } from 'node:perf_hooks'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bnToU8a } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto'
import { DevNode, writeGenesis } from '../chain/node/node.js'
import { ChainStore } from '../chain/db/store.js'
import { Runtime } from '../chain/runtime/runtime.js'
import { PALLETS } from '../chain/runtime/pallets.js'
import { loadChainSpec } from '../chain/spec/load.js'
import { Overlay } from '../chain/state/overlay.js'
import { Roles } from '../chain/pallets/roles.js'
import { Feeds } from '../chain/pallets/feeds.js'
import { plansStorage } from '../chain/pallets/plans/storage.js'
import { challengesStorage } from '../chain/pallets/challenges/storage.js'
import { addActive } from '../chain/pallets/challenges/active.js'
import { DEFAULT_PARAMS, Params } from '../chain/pallets/params.js'
import { authorityKey } from '../chain/node/authority-key.js'
import { result } from './result.js'

const HOSTERS = 10_000
/** Challenges the timed blocks must open at least, in all. */
const DUE = 500
const ACTIVE = 1_600
const CHALLENGE_PERIOD = 10
const BLOCKS = 5
const SMALL = 1_000
const LARGE = 100_000

const id = (n: number, domain: number) => blake2AsU8a(bnToU8a(n * 16 + domain, { bitLength: 64 }), 256)

export default async function blockCost () {
  await cryptoWaitReady()
  const small = await medianBlockMs(SMALL)
  const large = await medianBlockMs(LARGE)
  return result({
    name: 'block-cost-vs-state',
    ours: large,
    reference: small,
    goal: 1.5,
    goalIs: 'max',
    unit: 'ms/block',
    what: `a block opening ~130 storage challenges (drawn from ${ACTIVE.toLocaleString('en')} active positions): ${LARGE.toLocaleString('en')} feeds in state (ours) vs ${SMALL.toLocaleString('en')} (reference), ${HOSTERS.toLocaleString('en')} hosters, median of ${BLOCKS} blocks (execute, state root, commit)`
  })
}

async function medianBlockMs (feeds: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-bench-state-'))
  const spec = loadChainSpec(new URL('../chain-spec/dev.json', import.meta.url).pathname)
  const runtime = new Runtime(PALLETS)
  const store = ChainStore.open(dir)
  const author = authorityKey({ spec, dev: true, basePath: dir })
  await writeGenesis(runtime, store, spec, author.publicKey, (state) => seed(state, runtime, feeds))
  store.close()
  const node = await DevNode.open({ spec, basePath: dir, sealing: { mode: 'manual' }, dev: true })
  try {
    const times: number[] = []
    for (let b = 0; b < BLOCKS; b++) {
      const t0 = performance.now()
      await node.newBlocks(1)
      times.push(performance.now() - t0)
    }
    // The blocks timed must have done the work this benchmark names: at least DUE storage challenges opened.
    const head = { state: new Overlay({ get: (key) => node.storage(key), keysWithPrefix: () => [] }), codec: runtime.meta.codec }
    const opened = challengesStorage.NextId.get(head)
    if (opened < BigInt(DUE)) throw new Error(`only ${opened} storage challenges opened in ${BLOCKS} blocks; at least ${DUE} were expected`)
    return times.sort((a, b) => a - b)[BLOCKS >> 1]
  } finally {
    await node.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Hosters, feeds, and ACTIVE single-position plans in the dense index of active positions. */
function seed (state: Overlay, runtime: Runtime, feeds: number): void {
  const ctx = { state, codec: runtime.meta.codec }
  const publisher = id(0, 9)
  for (let i = 0; i < HOSTERS; i++) {
    const who = id(i, 1)
    Roles.storage.Providers.set(ctx, who, { noiseKey: id(i, 2), hoster: true, encoder: false, attester: false, capacity: 1n << 40n, committed: 0n, pausedUntil: 0, strikes: 0, reputation: 100, suspendedAt: 0, passed: 0 })
    Roles.storage.Members.set(ctx, { type: 'Hoster' }, i, who)
    Roles.storage.MemberIndex.set(ctx, { type: 'Hoster' }, who, i)
  }
  Roles.storage.MemberCount.set(ctx, { type: 'Hoster' }, HOSTERS)
  for (let f = 0; f < feeds; f++) {
    const root = { length: 1000n, byteLength: 65_536_000n, treeHash: id(f, 3) }
    Feeds.storage.Feeds.set(ctx, BigInt(f), { key: id(f, 4), manifest: new Uint8Array(), publisher, root, signature: new Uint8Array(68), updatedAt: 0, history: [] })
    Feeds.storage.FeedByKey.set(ctx, id(f, 4), BigInt(f))
  }
  Feeds.storage.NextFeedId.set(ctx, BigInt(feeds))
  Params.storage.Current.set(ctx, { ...DEFAULT_PARAMS, challengePeriod: CHALLENGE_PERIOD, performancePeriod: 1_000_000 })
  for (let p = 0; p < ACTIVE; p++) {
    const plan = BigInt(p)
    const hoster = id(p % HOSTERS, 1)
    plansStorage.Plans.set(ctx, plan, { feed: BigInt(p % feeds), sponsor: publisher, mode: { type: 'Replicate', value: { replicas: 1 } }, ranges: null, status: { type: 'Active' }, backing: 0n, positions: 1, createdAt: 0 })
    plansStorage.Positions.set(ctx, plan, 0, { hoster, state: { type: 'Active' }, ready: false, bytes: 65_536_000n, strikes: 0, paidUntil: 0 })
    addActive(ctx, plan, 0)
  }
  plansStorage.NextPlanId.set(ctx, BigInt(ACTIVE))
}

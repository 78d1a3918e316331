// The cost of a block that closes about 500 storage challenges and opens about 500, on a chain with 1,000
// active positions and on one with 100,000: a block's work must follow the checks due, not the network's size.
// Each block draws its challenges (memoryless): each active position with probability 500/N. Nobody answers
// and the response window is one block, so each block expires the challenges the block before opened (a
// strike each; strikes never add up to a position's loss here) and opens as many again. The first block only
// opens; the next BLOCKS are timed.
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

/** Storage challenges drawn per block, in expectation; each expires in the block after. */
const DUE = 500
const BLOCKS = 5
const SMALL = 1_000
const LARGE = 100_000
/** Active positions per hoster; each position is a one-replica plan of a feed of its own. */
const POSITIONS_PER_HOSTER = 10

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
    what: `a block closing ~${DUE} storage challenges and opening ~${DUE}: ${LARGE.toLocaleString('en')} active positions (ours) vs ${SMALL.toLocaleString('en')} (reference), a feed each and ${POSITIONS_PER_HOSTER} per hoster, median of ${BLOCKS} blocks (execute, state root, commit)`
  })
}

async function medianBlockMs (active: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-bench-state-'))
  const spec = loadChainSpec(new URL('../chain-spec/dev.json', import.meta.url).pathname)
  const runtime = new Runtime(PALLETS)
  const store = ChainStore.open(dir)
  const author = authorityKey({ spec, dev: true, basePath: dir })
  await writeGenesis(runtime, store, spec, author.publicKey, (state) => seed(state, runtime, active))
  store.close()
  const node = await DevNode.open({ spec, basePath: dir, sealing: { mode: 'manual' }, dev: true })
  try {
    const head = () => ({ state: new Overlay({ get: (key) => node.storage(key), keysWithPrefix: () => [] }), codec: runtime.meta.codec })
    await node.newBlocks(1)
    const warm = challengesStorage.NextId.get(head())
    const times: number[] = []
    for (let b = 0; b < BLOCKS; b++) {
      const t0 = performance.now()
      await node.newBlocks(1)
      times.push(performance.now() - t0)
    }
    // The blocks timed must have done the work this benchmark names: about DUE challenges opened a block
    // (Binomial, sd ≤ 22), each closed unanswered in the next.
    const opened = Number(challengesStorage.NextId.get(head()) - warm)
    if (Math.abs(opened / BLOCKS - DUE) > DUE / 10) throw new Error(`${opened} storage challenges opened in ${BLOCKS} blocks; about ${DUE * BLOCKS} were expected`)
    return times.sort((a, b) => a - b)[BLOCKS >> 1]
  } finally {
    await node.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Hosters, `active` feeds, and a one-position plan of each in the dense index of active positions. */
function seed (state: Overlay, runtime: Runtime, active: number): void {
  const ctx = { state, codec: runtime.meta.codec }
  const publisher = id(0, 9)
  const hosters = active / POSITIONS_PER_HOSTER
  for (let i = 0; i < hosters; i++) {
    const who = id(i, 1)
    Roles.storage.Providers.set(ctx, who, { noiseKey: id(i, 2), hoster: true, encoder: false, attester: false, capacity: 1n << 40n, committed: 0n, pausedUntil: 0, strikes: 0, reputation: 100, suspendedAt: 0, passed: 0 })
    Roles.storage.Members.set(ctx, { type: 'Hoster' }, i, who)
    Roles.storage.MemberIndex.set(ctx, { type: 'Hoster' }, who, i)
  }
  Roles.storage.MemberCount.set(ctx, { type: 'Hoster' }, hosters)
  for (let f = 0; f < active; f++) {
    const root = { length: 1000n, byteLength: 65_536_000n, treeHash: id(f, 3) }
    Feeds.storage.Feeds.set(ctx, BigInt(f), { key: id(f, 4), manifest: new Uint8Array(), publisher, root, signature: new Uint8Array(68), updatedAt: 0, history: [] })
    Feeds.storage.FeedByKey.set(ctx, id(f, 4), BigInt(f))
  }
  Feeds.storage.NextFeedId.set(ctx, BigInt(active))
  Params.storage.Current.set(ctx, { ...DEFAULT_PARAMS, challengePeriod: active / DUE, responseWindow: 1, maxStrikes: 2 ** 32 - 1, performancePeriod: 2 ** 32 - 1 })
  for (let p = 0; p < active; p++) {
    const plan = BigInt(p)
    plansStorage.Plans.set(ctx, plan, { feed: plan, sponsor: publisher, mode: { type: 'Replicate', value: { replicas: 1 } }, ranges: null, status: { type: 'Active' }, backing: 0n, positions: 1, createdAt: 0 })
    plansStorage.Positions.set(ctx, plan, 0, { hoster: id(p % hosters, 1), state: { type: 'Active' }, ready: false, bytes: 65_536_000n, strikes: 0, paidUntil: 0 })
    addActive(ctx, plan, 0)
  }
  plansStorage.NextPlanId.set(ctx, BigInt(active))
}

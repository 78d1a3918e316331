// An in-memory chain for pallet tests that go through many blocks and seeds: calls queue up and go into the
// next block, and positions can be taken through their setup with real proofs and receipts.
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import type Hypercore from 'hypercore'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import type { Call } from '@polkadot/types/interfaces'
import type { DispatchCtx } from '../../chain/frame/pallet.js'
import { RuntimeHarness } from './runtime.js'
import { makeFeed, proofsFor, publishArgs } from './hypercore.js'
import { testProvider } from './providers.js'
import type { TestProvider } from './providers.js'
import { receiptFor } from './receipt.js'
import { loadChainSpec } from '../../chain/spec/load.js'
import type { ChainSpec } from '../../chain/spec/types.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { challengesStorage } from '../../chain/pallets/challenges/storage.js'

export type Head = Awaited<ReturnType<typeof publishArgs>>

export const sponsor = testProvider('Alice')
export const named = (prefix: string, n: number): TestProvider[] => Array.from({ length: n }, (_, i) => testProvider(`${prefix}${i}`))
export const id = (who: Uint8Array): string => u8aToHex(who)

/** One in-memory chain: calls queue up and go into the next block. */
export class Net {
  readonly chain: RuntimeHarness
  readonly #errors: unknown[] = []
  #pending: Array<[Call, Uint8Array]> = []

  constructor (spec: ChainSpec, seed: string, params: Record<string, number | string>) {
    const runtime = RuntimeHarness.runtime((msg, err) => this.#errors.push([msg, err]))
    this.chain = new RuntimeHarness(runtime, { ...spec, genesis: { ...spec.genesis, randomnessSeed: seed, pallets: { params } } })
  }

  get tx (): RuntimeHarness['tx'] { return this.chain.tx }

  call (call: Call, who: TestProvider | Uint8Array): this {
    this.#pending.push([call, who instanceof Uint8Array ? who : who.account.publicKey])
    return this
  }

  hosters (ps: TestProvider[]): this {
    for (const p of ps) this.call(this.tx.roles.registerHoster(u8aToHex(p.noise.publicKey), 1n << 30n), p)
    return this
  }

  attesters (ps: TestProvider[]): this {
    for (const p of ps) this.call(this.tx.roles.registerAttester(u8aToHex(p.noise.publicKey)), p)
    return this
  }

  publish (heads: Head[]): this {
    for (const h of heads) this.call(this.tx.feeds.publishFeed(h.key, h.manifest, h.head), sponsor)
    return this
  }

  request (feed: number, replicas: number, by = sponsor): this {
    return this.call(this.tx.plans.requestHosting(feed, { Replicate: { replicas } }, null), by)
  }

  /** Seals blocks; the queued calls go into the first. */
  blocks (count = 1): this {
    for (let i = 0; i < count; i++) {
      this.chain.block(this.#pending)
      this.#pending = []
      assert.deepEqual(this.#errors, [], 'no dispatch or hook failed unexpectedly')
    }
    return this
  }

  /**
   * Runs pallet code on the state directly, as another pallet would, at the last block's number; the events it
   * deposits are dropped (a test sets its scene with it, then watches the blocks that follow).
   */
  write (fn: (ctx: DispatchCtx) => void): void {
    const ctx = this.chain.ctx()
    fn({ ...ctx, block: { number: this.chain.number, parentHash: new Uint8Array(32), digest: [] }, deposit: () => {}, dispatch: () => { throw new Error('no nested dispatch in Net.write') } })
    this.chain.state.apply(ctx.state.changes)
  }

  /** The accounts holding the plan's positions (vacant ones left out). */
  holders (plan: bigint): string[] {
    const ctx = this.chain.ctx()
    return plansStorage.Positions.entriesOf(ctx, plan).map(([, p]) => p.hoster).filter((h): h is Uint8Array => h !== null).map(id)
  }

  /**
   * Takes every position in setup through it: its hoster reports ready, answers its setup storage challenge,
   * and the attesters of its setup check report with the hoster's receipts (`cores` by feed id).
   */
  async activateAll (cores: Hypercore[], providers: TestProvider[]): Promise<void> {
    const open = plansStorage.Amendments.entries(this.chain.ctx())
    const setup = open.flatMap(([aid, a]) => a.positions.map((position) => ({ aid, a, position, p: plansStorage.Positions.get(this.chain.ctx(), a.plan, position)! })))
      .filter(({ aid, p }) => p.state.type === 'Setup' && p.state.value === aid && p.hoster !== null)
    for (const { aid, position, p } of setup) this.call(this.tx.plans.hostingReady(aid, position), p.hoster!)
    this.blocks()
    const ctx = this.chain.ctx()
    const coreOf = (plan: bigint) => cores[Number(plansStorage.Plans.get(ctx, plan)!.feed)]
    for (const [cid, c] of challengesStorage.StorageChallenges.entries(ctx)) {
      this.call(this.tx.challenges.submitStorageProof(cid, await proofsFor(coreOf(c.plan), c.indexes.map(Number), Number(c.length))), c.hoster)
    }
    this.blocks()
    for (const [cid, c] of challengesStorage.PerformanceChecks.entries(this.chain.ctx())) {
      if (c.setup === null) continue
      const noise = providers.find((x) => u8aEq(x.account.publicKey, c.hoster))!.noise
      for (const a of c.attesters) {
        const receipt = await receiptFor(coreOf(c.plan), noise, cid, a, c.indexes, Number(c.length))
        this.call(this.tx.challenges.submitPerformanceReport(cid, true, 20, 1000, 0, receipt), a)
      }
    }
    this.blocks()
  }
}

export async function setup (t: TestContext, feeds: number): Promise<{ spec: ChainSpec, cores: Hypercore[], heads: Head[] }> {
  await cryptoWaitReady()
  const spec = loadChainSpec(new URL('../../chain-spec/dev.json', import.meta.url).pathname)
  const cores = await Promise.all(Array.from({ length: feeds }, (_, i) => makeFeed(t, 16, 1024, i + 1)))
  return { spec, cores, heads: await Promise.all(cores.map(publishArgs)) }
}

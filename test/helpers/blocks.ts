import type { TestContext } from 'node:test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { rawRpc } from './api.js'

export interface Outcome {
  /**
   * 'ok', or the failed dispatch's error as `pallet.Name` (or the DispatchError variant); a free call the pool
   * refused because it would fail (so it never enters a block) gets its error so too, with `refused`.
   */
  readonly result: string
  readonly refused?: true
  readonly events: FrameSystemEventRecord[]
}

/**
 * Submits the extrinsics (each signed by its account with the next free nonce), seals one block with
 * dev_newBlock and returns each extrinsic's outcome, read from that block's events.
 */
export async function inBlock (api: ApiPromise, txs: Array<[SubmittableExtrinsic<'promise'>, KeyringPair]>): Promise<Outcome[]> {
  const hashes: Array<string | Outcome> = []
  for (const [tx, signer] of txs) {
    await tx.signAsync(signer, { nonce: -1 })
    hashes.push(await api.rpc.author.submitExtrinsic(tx).then((h) => h.toHex(), refusedCall))
  }
  const blockHash = await rawRpc<`0x${string}`>(api, 'dev_newBlock', [{ count: 1 }])
  const block = await api.rpc.chain.getBlock(blockHash)
  const events = await (await api.at(blockHash)).query.system.events()
  const indexOf: string[] = block.block.extrinsics.map((e) => e.hash.toHex())
  return hashes.map((h) => {
    if (typeof h !== 'string') return h
    const i = indexOf.indexOf(h)
    if (i < 0) return { result: 'not included', events: [] }
    const mine = events.filter((e) => e.phase.isApplyExtrinsic && e.phase.asApplyExtrinsic.toNumber() === i)
    const failed = mine.find((e) => api.events.system.ExtrinsicFailed.is(e.event))
    if (!failed) return { result: 'ok', events: mine }
    const [error] = failed.event.data as unknown as [import('@polkadot/types/lookup').SpRuntimeDispatchError]
    if (!error.isModule) return { result: error.type, events: mine }
    const meta = api.registry.findMetaError(error.asModule)
    return { result: `${meta.section}.${meta.name}`, events: mine }
  })
}

/** A free call refused with the pallet error its dispatch would have failed with: `1010: … Call: Pallet.Name: …`. */
function refusedCall (err: Error): Outcome {
  const m = /Call: (\w)(\w*)\.(\w+):/.exec(err.message)
  if (m === null) throw err
  return { result: `${m[1].toLowerCase()}${m[2]}.${m[3]}`, refused: true, events: [] }
}

/** The events of the best block, all phases. */
export async function headEvents (api: ApiPromise): Promise<FrameSystemEventRecord[]> {
  return [...await (await api.at((await api.rpc.chain.getHeader()).hash)).query.system.events()]
}

/** Seals `count` empty blocks; returns the events of each. */
export async function newBlocks (api: ApiPromise, count = 1): Promise<FrameSystemEventRecord[][]> {
  const out: FrameSystemEventRecord[][] = []
  for (let i = 0; i < count; i++) {
    const hash = await rawRpc<`0x${string}`>(api, 'dev_newBlock', [{ count: 1 }])
    out.push([...await (await api.at(hash)).query.system.events()])
  }
  return out
}

/** The data of the events of `section.method` among `records`. */
export function eventsOf<T = unknown> (records: FrameSystemEventRecord[], section: string, method: string): T[] {
  return records.filter((r) => r.event.section === section && r.event.method === method).map((r) => r.event.data as unknown as T)
}

/** Writes a copy of chain-spec/dev.json with changes, removed when the test ends; returns its path. */
export function devSpecWith (t: TestContext, change: (spec: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-spec-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const spec = JSON.parse(readFileSync(new URL('../../chain-spec/dev.json', import.meta.url), 'utf8'))
  change(spec)
  const path = join(dir, 'spec.json')
  writeFileSync(path, JSON.stringify(spec, null, 2))
  return path
}

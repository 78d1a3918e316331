import { u8aToHex } from '@polkadot/util'
import type { Header } from '@polkadot/types/interfaces'
import type { ChainNode, WholeBlock, StoredBlock } from '../node/types.js'
import { unknownBlock } from './errors.js'

export interface HeaderJson {
  parentHash: string
  /** Substrate sends header numbers as hex strings. */
  number: string
  stateRoot: string
  extrinsicsRoot: string
  digest: { logs: string[] }
}

export interface SignedBlockJson {
  block: { header: HeaderJson, extrinsics: string[] }
  justifications: null
}

export function headerJson (node: ChainNode, block: StoredBlock): HeaderJson {
  const header = node.registry.createType<Header>('Header', block.header)
  return {
    parentHash: header.parentHash.toHex(),
    number: `0x${header.number.toBn().toString(16)}`,
    stateRoot: header.stateRoot.toHex(),
    extrinsicsRoot: header.extrinsicsRoot.toHex(),
    digest: { logs: header.digest.logs.map((item) => item.toHex()) }
  }
}

export function signedBlockJson (node: ChainNode, block: WholeBlock): SignedBlockJson {
  return {
    block: { header: headerJson(node, block), extrinsics: block.extrinsics.map((x) => u8aToHex(x)) },
    justifications: null
  }
}

/** The block a state query runs at: the best block without `at`, an RPC error if `at` is unknown. */
export function blockAt (node: ChainNode, at: Uint8Array | undefined): StoredBlock {
  if (at === undefined) return node.best()
  const block = node.blockByHash(at)
  if (block === null) throw unknownBlock(u8aToHex(at))
  return block
}

import { readFileSync } from 'node:fs'
import { u8aConcat } from '@polkadot/util'
import { base58Encode, decodeAddress } from '@polkadot/util-crypto'
import { invalidParams } from '../errors.js'
import type { Handler } from '../types.js'

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }

export const system_name: Handler = () => 'datdot-node'
export const system_version: Handler = () => packageJson.version
export const system_chain: Handler = ({ node }) => node.spec.name
/** Substrate serialises ChainType's unit variants as plain strings ("Development"). */
export const system_chainType: Handler = ({ node }) => node.spec.chainType
export const system_properties: Handler = ({ node }) => node.spec.properties

// A single node with no network: no peers, never syncing.
export const system_health: Handler = () => ({ peers: 0, isSyncing: false, shouldHavePeers: false })
export const system_peers: Handler = () => []
export const system_localListenAddresses: Handler = () => []
export const system_nodeRoles: Handler = () => ['Authority']
export const system_syncState: Handler = ({ node }) => {
  const best = node.best().number
  return { startingBlock: 0, currentBlock: best, highestBlock: best }
}

/**
 * The node has no libp2p identity; tools only display this, so give a well-formed, stable one: the
 * genesis hash as an ed25519 key, protobuf-wrapped in an identity multihash, base58 ("12D3KooW…").
 */
export const system_localPeerId: Handler = ({ node }) =>
  base58Encode(u8aConcat([0x00, 0x24, 0x08, 0x01, 0x12, 0x20], node.genesisHash))

export const system_accountNextIndex: Handler = ({ node }, [account]) => {
  const expected = 'account: expected a 32-byte account as an SS58 address or 0x-hex public key'
  if (typeof account !== 'string') throw invalidParams(expected)
  let who: Uint8Array
  try {
    who = decodeAddress(account)
  } catch (err) {
    throw invalidParams(`${expected}: ${(err as Error).message}`)
  }
  if (who.length !== 32) throw invalidParams(`${expected}, got ${who.length} bytes`)
  return node.accountNextIndex(who)
}

import { bnToU8a, compactAddLength, compactToU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import type { ChainNode } from '../../node/types.js'
import { ErrorCode, invalidParams, RpcError } from '../errors.js'

// state_call: the node has no Wasm runtime to execute, so only the runtime APIs clients need to read the
// chain's description are answered here, from what the node already knows.

const u32 = (n: number): Uint8Array => bnToU8a(n, { bitLength: 32, isLe: true })

function decodeU32 (args: Uint8Array, method: string): number {
  if (args.length !== 4) throw invalidParams(`${method} takes a SCALE u32 (4 bytes), got ${args.length} bytes`)
  return new DataView(args.buffer, args.byteOffset, 4).getUint32(0, true)
}

/** SCALE-encoded result of runtime API `method` with SCALE `args`, as 0x-hex. */
export function runtimeCall (node: ChainNode, method: string, args: Uint8Array): string {
  const metadata = hexToU8a(node.metadataHex)
  // Metadata bytes start with the magic "meta" and then the metadata version.
  const version = metadata[4]
  switch (method) {
    case 'Metadata_metadata':
      return u8aToHex(compactAddLength(metadata))
    case 'Metadata_metadata_versions':
      return u8aToHex(u8aConcat(compactToU8a(1), u32(version)))
    case 'Metadata_metadata_at_version':
      return decodeU32(args, method) === version
        ? u8aToHex(u8aConcat([1], compactAddLength(metadata)))
        : '0x00'
    case 'Core_version':
      return node.registry.createType('RuntimeVersion', node.runtimeVersion).toHex()
    default:
      throw new RpcError(ErrorCode.stateClient,
        `Client error: Execution failed: datdot-node does not execute runtime API ${method} over state_call; ` +
        'it answers Core_version and Metadata_* only, the rest of the chain is read through state_getStorage')
  }
}

import { bnToU8a, compactAddLength, compactFromU8a, compactToU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import type { ChainNode } from '../../node/types.js'
import { ErrorCode, invalidParams, RpcError } from '../errors.js'
import { partialFee } from '../../pallets/transaction-payment.js'

// state_call: the node has no Wasm runtime to execute, so only the runtime APIs clients need are answered
// here, from what the node already knows: the chain's description, and fees for wallets to show.

const u32 = (n: number): Uint8Array => bnToU8a(n, { bitLength: 32, isLe: true })

function decodeU32 (args: Uint8Array, method: string): number {
  if (args.length !== 4) throw invalidParams(`${method} takes a SCALE u32 (4 bytes), got ${args.length} bytes`)
  return new DataView(args.buffer, args.byteOffset, 4).getUint32(0, true)
}

/** TransactionPaymentApi's arguments: a SCALE `Extrinsic` (its compact length first) and its length as a u32. */
function decodeFeeQuery (args: Uint8Array, method: string): { extrinsic: Uint8Array, length: number } {
  let end: number
  try {
    const [offset, length] = compactFromU8a(args)
    end = offset + length.toNumber()
  } catch {
    end = Number.NaN
  }
  if (!(end + 4 === args.length)) throw invalidParams(`${method} takes a SCALE extrinsic and a u32 length`)
  return { extrinsic: args.subarray(0, end), length: decodeU32(args.subarray(end), method) }
}

function feeInfo (node: ChainNode, args: Uint8Array, method: string): ReturnType<ChainNode['feeInfo']> {
  const { extrinsic, length } = decodeFeeQuery(args, method)
  try {
    return node.feeInfo(extrinsic, length)
  } catch (err) {
    throw new RpcError(ErrorCode.stateClient, `Client error: Execution failed: ${(err as Error).message}`)
  }
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
    case 'TransactionPaymentApi_query_info': {
      const { info, fee } = feeInfo(node, args, method)
      return node.registry.createType('RuntimeDispatchInfoV2', {
        weight: { refTime: info.weight, proofSize: 0 },
        class: info.class,
        partialFee: partialFee(fee)
      }).toHex()
    }
    case 'TransactionPaymentApi_query_fee_details':
      return node.registry.createType('FeeDetails', { inclusionFee: feeInfo(node, args, method).fee }).toHex()
    default:
      throw new RpcError(ErrorCode.stateClient,
        `Client error: Execution failed: datdot-node does not execute runtime API ${method} over state_call; ` +
        'it answers Core_version, Metadata_* and TransactionPaymentApi_query_info/_query_fee_details only, the rest of the chain is read through state_getStorage')
  }
}

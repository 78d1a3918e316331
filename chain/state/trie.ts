/**
 * The state root commits to every storage key → value pair of the state, in an Ethereum-style hexary
 * Merkle-Patricia trie with keccak-256 node hashes, built by @ethereumjs/mpt. Keys are the raw storage key
 * bytes (not hashed) and values the SCALE bytes as stored, so the trie maps exactly storage key → value.
 * Why not Substrate's own trie: it has no maintained JavaScript implementation, and @ethereumjs/mpt is a
 * maintained, widely used one; clients treat the header's stateRoot as opaque 32 bytes.
 * One consequence of the library: it treats an empty value as a deletion, so a key whose value is the
 * empty byte string (a zero-sized type such as `()`) is not committed to.
 */
import { BranchMPTNode, ExtensionMPTNode, createMPT, decodeMPTNode } from '@ethereumjs/mpt'
import type { MPTOpts } from '@ethereumjs/mpt'
import { cryptoWaitReady, keccakAsU8a } from '@polkadot/util-crypto'
import type { StorageKey } from './overlay.js'

/** Root of the trie with no keys: keccak-256 of RLP(""). */
export const EMPTY_ROOT: Uint8Array = Uint8Array.from(
  Buffer.from('56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421', 'hex'))

/** Reads a committed trie node by its hash. */
export type NodeReader = (hash: Uint8Array) => Uint8Array | null

type TrieDB = NonNullable<MPTOpts['db']>

/**
 * The same keccak-256 as the library's default, through @polkadot's wasm: about 10× faster, and hashing is
 * the largest single cost of an update. With key hashing off, the library uses it only to hash nodes.
 */
const keccak256 = (data: Uint8Array): Uint8Array => keccakAsU8a(data, 256)

export class StateTrie {
  constructor (private readonly readNode: NodeReader) {}

  /**
   * The root after applying `changes` (null = delete) on top of `prevRoot`, and the trie nodes that are new
   * in it. Nothing is written: the caller commits the nodes together with the block.
   */
  async rootAfter (prevRoot: Uint8Array, changes: ReadonlyMap<StorageKey, Uint8Array | null>):
  Promise<{ root: Uint8Array, nodes: Array<[Uint8Array, Uint8Array]> }> {
    await cryptoWaitReady()
    const db = new BufferedNodes(this.readNode)
    const trie = await createMPT({ db, root: prevRoot, useKeyHashing: false, useKeyHashingFunction: keccak256, valueEncoding: 'view' })
    for (const [key, value] of changes) {
      const k = Buffer.from(key.slice(2), 'hex')
      if (value !== null) await trie.put(k, value)
      // The library looks up the root node to delete even from an empty trie; there is none to find.
      else if (!sameBytes(trie.root(), EMPTY_ROOT)) await trie.del(k)
    }
    const root = trie.root()
    return { root, nodes: newNodes(root, db.written) }
  }
}

/**
 * The mpt `DB` for one `rootAfter` call: puts go to a buffer, reads see the buffer and then the committed
 * nodes. Keys are node hashes as unprefixed hex (the library's CheckpointDB encoding).
 */
class BufferedNodes implements TrieDB {
  readonly written = new Map<string, Uint8Array>()

  constructor (private readonly readNode: NodeReader) {}

  async get (key: string): Promise<Uint8Array> {
    const node = this.written.get(key) ?? this.readNode(Buffer.from(key, 'hex'))
    // Throw rather than return undefined: the library treats a missing node as an absent key, which
    // would silently give a wrong root.
    if (node === null) throw new Error(`trie node ${key} is missing from the store`)
    return node
  }

  async put (key: string, value: string | Uint8Array): Promise<void> {
    this.written.set(key, typeof value === 'string' ? Buffer.from(value, 'hex') : value)
  }

  async del (): Promise<void> {
    // Only called with node pruning, which is off: older blocks' roots keep their nodes.
  }

  async batch (ops: Parameters<TrieDB['batch']>[0]): Promise<void> {
    for (const op of ops) if (op.type === 'put') await this.put(op.key, op.value)
  }

  shallowCopy (): TrieDB {
    return this
  }

  async open (): Promise<void> {}
}

/**
 * The buffered nodes reachable from `root`. Each put rewrites the path from the root, so a batch of changes
 * also buffers intermediate nodes that a later put replaced; those are left out.
 */
function newNodes (root: Uint8Array, written: Map<string, Uint8Array>): Array<[Uint8Array, Uint8Array]> {
  const out: Array<[Uint8Array, Uint8Array]> = []
  const todo = [root]
  for (let hash = todo.pop(); hash !== undefined; hash = todo.pop()) {
    const hex = Buffer.from(hash).toString('hex')
    const node = written.get(hex)
    if (node === undefined) continue // committed earlier, or already visited
    written.delete(hex)
    out.push([hash, node])
    const decoded = decodeMPTNode(node)
    const refs = decoded instanceof BranchMPTNode
      ? decoded.getChildren().map(([, ref]) => ref)
      : decoded instanceof ExtensionMPTNode ? [decoded.value()] : []
    // A child under 32 bytes is inlined in its parent, so only 32-byte references name stored nodes.
    for (const ref of refs) if (ref instanceof Uint8Array && ref.length === 32) todo.push(ref)
  }
  return out
}

function sameBytes (a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}

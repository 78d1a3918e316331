import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { compactFromU8aLim, compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import type { StateReader, StorageKey } from '../state/overlay.js'
import type { WholeBlock, StoredBlock } from '../node/types.js'
import { ARCHIVE } from './pruning.js'
import type { Pruning } from './pruning.js'

const SCHEMA_VERSION = 1

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB);
  CREATE TABLE IF NOT EXISTS blocks (number INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, header BLOB NOT NULL, body BLOB NOT NULL);
  CREATE TABLE IF NOT EXISTS state (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS history (key BLOB, number INTEGER, value BLOB, PRIMARY KEY (key, number)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS trie (hash BLOB PRIMARY KEY, node BLOB NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS history_by_number ON history (number);
`

/** Blocks of a backlog pruned per commit beyond the one due (after a restart with a smaller window). */
const PRUNE_CATCH_UP = 16
/** Meta keys: every block up to this one was pruned (state history, bodies). */
const META_STATE_PRUNED = 'statePrunedTo'
const META_BODIES_PRUNED = 'bodiesPrunedTo'

type Changes = ReadonlyMap<StorageKey, Uint8Array | null>
type Statements = ReturnType<typeof statements>
type TrieNodes = Iterable<[Uint8Array, Uint8Array]>
interface BlockRow { number: number, hash: Buffer, header: Buffer, body: Buffer }

/** Current-state values (and trie nodes) kept in memory, read or written lately; cleared when it holds more. */
const CACHED_VALUES = 65_536

/**
 * Blocks and state on disk (SQLite). `state` is the head state, read on the block execution hot path;
 * `history` holds every write of every block, so state can also be read as of any earlier block.
 * Keys are stored as their bytes, so SQLite's memcmp order of BLOBs is the byte order of the keys.
 */
export class ChainStore implements StateReader {
  private readonly stmt: Statements
  /**
   * Recent values of the current state (null: absent). The node is the one writer and writes only through
   * commitBlock, which updates it: a block reads each account two or three times (pool, payment, execution).
   */
  private readonly cache = new Map<StorageKey, Uint8Array | null>()
  private readonly trieNodes = new Map<string, Uint8Array>()
  private readonly commitTx: (block: WholeBlock, changes: Changes, trieNodes: TrieNodes, meta: Record<string, Uint8Array>) => void
  private headBlock: StoredBlock | null

  private constructor (private readonly db: Database.Database, private readonly pruning: Pruning) {
    db.transaction(() => {
      db.exec(SCHEMA)
      const version = db.prepare<[], Buffer | null>("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get()
      if (version == null) db.prepare("INSERT INTO meta (key, value) VALUES ('schemaVersion', ?)").run(Buffer.from(String(SCHEMA_VERSION)))
      else if (version.toString() !== String(SCHEMA_VERSION)) {
        throw new Error(`chain database has schema version ${version.toString()}, this node reads ${SCHEMA_VERSION}`)
      }
    })()
    this.stmt = statements(db)
    this.commitTx = db.transaction((block: WholeBlock, changes: Changes, trieNodes: TrieNodes, meta: Record<string, Uint8Array>) => {
      const s = this.stmt
      s.putBlock.run(block.number, block.hash, block.header, encodeBody(block.extrinsics))
      for (const [key, value] of changes) {
        const k = keyBytes(key)
        if (value === null) s.del.run(k)
        else s.put.run(k, value)
        s.putHistory.run(k, block.number, value)
      }
      for (const [hash, node] of trieNodes) s.putTrieNode.run(hash, node)
      for (const [key, value] of Object.entries(meta)) s.putMeta.run(key, value)
      if (pruning.state !== 'archive') this.pruneUpTo(META_STATE_PRUNED, block.number - pruning.state, (n) => pruneStateAt(s, n))
      if (pruning.blocks !== 'archive') this.pruneUpTo(META_BODIES_PRUNED, block.number - pruning.blocks, (n) => s.pruneBody.run(n))
    })
    const head = this.stmt.head.get()
    this.headBlock = head === undefined ? null : toBlock(head)
  }

  /** Opens (creating if needed) `<dir>/chain.sqlite`; `null` opens a fresh in-memory database. */
  static open (dir: string | null, pruning: Pruning = ARCHIVE): ChainStore {
    if (dir !== null) fs.mkdirSync(dir, { recursive: true })
    const db = new Database(dir === null ? ':memory:' : path.join(dir, 'chain.sqlite'))
    try {
      db.pragma('journal_mode = WAL')
      // FULL: a block reported committed survives a power cut, not just a process kill.
      db.pragma('synchronous = FULL')
      db.pragma('cache_size = -65536') // 64 MiB of page cache keeps the hot state in memory
      return new ChainStore(db, pruning)
    } catch (err) {
      db.close()
      throw err
    }
  }

  /**
   * The oldest block whose state can be read: states older than the pruning window are refused even where
   * not yet pruned, and states pruned under an earlier, smaller window stay gone.
   */
  oldestState (): number {
    const head = this.headBlock?.number ?? 0
    const windowStart = this.pruning.state === 'archive' ? 0 : Math.max(0, head - this.pruning.state + 1)
    return Math.max(windowStart, this.prunedTo(META_STATE_PRUNED) + 1)
  }

  getMeta (key: string): Uint8Array | null {
    const value = this.stmt.getMeta.get(key)
    return value == null ? null : view(value)
  }

  head (): StoredBlock | null {
    return this.headBlock
  }

  blockByNumber (n: number): StoredBlock | null {
    const row = this.stmt.byNumber.get(n)
    return row === undefined ? null : toBlock(row)
  }

  blockByHash (hash: Uint8Array): StoredBlock | null {
    const row = this.stmt.byHash.get(hash)
    return row === undefined ? null : toBlock(row)
  }

  get (key: StorageKey): Uint8Array | null {
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const row = this.stmt.get.get(keyBytes(key))
    const value = row === undefined ? null : view(row)
    this.remember(key, value)
    return value
  }

  private remember (key: StorageKey, value: Uint8Array | null): void {
    if (this.cache.size >= CACHED_VALUES) this.cache.clear()
    this.cache.set(key, value)
  }

  keysWithPrefix (prefix: StorageKey, after?: StorageKey, limit = Infinity): StorageKey[] {
    const p = keyBytes(prefix)
    const out: StorageKey[] = []
    if (limit <= 0) return out
    for (const key of this.stmt.keysFrom.iterate(lowerBound(prefix, after))) {
      if (!hasPrefix(key, p)) break
      out.push(keyHex(key))
      if (out.length >= limit) break
    }
    return out
  }

  /** The value of `key` at the end of block `number`. */
  getAt (number: number, key: StorageKey): Uint8Array | null {
    if (this.isHeadOrLater(number)) return this.get(key)
    const value = this.stmt.getAt.get(keyBytes(key), number)
    return value == null ? null : view(value)
  }

  /** `keysWithPrefix` at the end of block `number`. */
  keysWithPrefixAt (number: number, prefix: StorageKey, after?: StorageKey, limit = Infinity): StorageKey[] {
    if (this.isHeadOrLater(number)) return this.keysWithPrefix(prefix, after, limit)
    const p = keyBytes(prefix)
    const out: StorageKey[] = []
    // Seek key by key rather than scan: a key written in every block has as many history rows as blocks.
    let from = lowerBound(prefix, after)
    while (out.length < limit) {
      const key = this.stmt.nextHistoryKey.get(from)
      if (key === undefined || !hasPrefix(key, p)) break
      if (this.stmt.getAt.get(key, number) != null) out.push(keyHex(key))
      from = successor(key)
    }
    return out
  }

  trieNode (hash: Uint8Array): Uint8Array | null {
    // Nodes are named by their hash, so a cached one is never stale: the upper levels are read by every block.
    const id = u8aToHex(hash)
    const cached = this.trieNodes.get(id)
    if (cached !== undefined) return cached
    const row = this.stmt.trieNode.get(hash)
    if (row === undefined) return null
    const node = view(row)
    if (this.trieNodes.size >= CACHED_VALUES) this.trieNodes.clear()
    this.trieNodes.set(id, node)
    return node
  }

  /**
   * Writes a block (genesis included), its state changes, its new trie nodes and meta entries in one
   * transaction: after a crash either all of it is on disk or none of it.
   */
  commitBlock (block: WholeBlock, changes: Changes, trieNodes: TrieNodes, meta: Record<string, Uint8Array> = {}): void {
    const expected = this.headBlock === null ? 0 : this.headBlock.number + 1
    if (block.number !== expected) throw new Error(`cannot commit block ${block.number}: the next block is ${expected}`)
    this.commitTx(block, changes, trieNodes, meta)
    this.headBlock = block
    for (const [key, value] of changes) this.remember(key, value)
  }

  close (): void {
    this.db.close()
  }

  /** The last block pruned of the kind, -1 if none. */
  private prunedTo (metaKey: string): number {
    const value = this.stmt.getMeta.get(metaKey)
    return value == null ? -1 : value.readInt32LE(0)
  }

  /**
   * Prunes the blocks after the last one pruned up to `through` (at most PRUNE_CATCH_UP more than one), in
   * order, and records how far it got: a block's pruning costs the writes of that block, never the state's size.
   */
  private pruneUpTo (metaKey: string, through: number, prune: (n: number) => void): void {
    const from = this.prunedTo(metaKey) + 1
    const to = Math.min(through, from + PRUNE_CATCH_UP)
    if (to < from) return
    for (let n = from; n <= to; n++) prune(n)
    const done = Buffer.alloc(4)
    done.writeInt32LE(to)
    this.stmt.putMeta.run(metaKey, done)
  }

  private isHeadOrLater (number: number): boolean {
    return this.headBlock === null || number >= this.headBlock.number
  }
}

function statements (db: Database.Database) {
  return {
    getMeta: db.prepare<[string], Buffer | null>('SELECT value FROM meta WHERE key = ?').pluck(),
    putMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    head: db.prepare<[], BlockRow>('SELECT * FROM blocks ORDER BY number DESC LIMIT 1'),
    byNumber: db.prepare<[number], BlockRow>('SELECT * FROM blocks WHERE number = ?'),
    byHash: db.prepare<[Uint8Array], BlockRow>('SELECT * FROM blocks WHERE hash = ?'),
    putBlock: db.prepare('INSERT INTO blocks (number, hash, header, body) VALUES (?, ?, ?, ?)'),
    get: db.prepare<[Buffer], Buffer>('SELECT value FROM state WHERE key = ?').pluck(),
    keysFrom: db.prepare<[Buffer], Buffer>('SELECT key FROM state WHERE key >= ? ORDER BY key').pluck(),
    put: db.prepare('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)'),
    del: db.prepare('DELETE FROM state WHERE key = ?'),
    // The value of the last write at or before a block: undefined if never written, null if deleted.
    getAt: db.prepare<[Buffer, number], Buffer | null>(
      'SELECT value FROM history WHERE key = ? AND number <= ? ORDER BY number DESC LIMIT 1').pluck(),
    nextHistoryKey: db.prepare<[Buffer], Buffer>('SELECT key FROM history WHERE key >= ? ORDER BY key LIMIT 1').pluck(),
    putHistory: db.prepare('INSERT INTO history (key, number, value) VALUES (?, ?, ?)'),
    trieNode: db.prepare<[Uint8Array], Buffer>('SELECT node FROM trie WHERE hash = ?').pluck(),
    putTrieNode: db.prepare('INSERT OR IGNORE INTO trie (hash, node) VALUES (?, ?)'),
    keysWrittenAt: db.prepare<[number], Buffer>('SELECT key FROM history WHERE number = ?').pluck(),
    dropOlderWrites: db.prepare('DELETE FROM history WHERE key = ? AND number < ?'),
    dropDeletion: db.prepare('DELETE FROM history WHERE key = ? AND number = ? AND value IS NULL'),
    pruneBody: db.prepare("UPDATE blocks SET body = x'' WHERE number = ?")
  }
}

/**
 * Drops the history no state from block `n` on needs: the writes before `n` of each key written at `n`, and
 * a deletion at `n` once nothing older is left (no row reads the same as a deleted one).
 */
function pruneStateAt (s: Statements, n: number): void {
  for (const key of s.keysWrittenAt.all(n)) {
    s.dropOlderWrites.run(key, n)
    s.dropDeletion.run(key, n)
  }
}

function keyBytes (key: StorageKey): Buffer {
  if (!key.startsWith('0x') || key.length % 2 !== 0) throw new Error(`not a 0x-hex storage key: ${key}`)
  return Buffer.from(key.slice(2), 'hex')
}

function keyHex (key: Buffer): StorageKey {
  return '0x' + key.toString('hex')
}

/** A plain Uint8Array over a Buffer's bytes, so callers never see Buffer's different equality and methods. */
function view (b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
}

/** The smallest key strictly greater than `key` in byte order. */
function successor (key: Buffer): Buffer {
  return Buffer.concat([key, Buffer.alloc(1)])
}

/** The first key that may be returned for `prefix` and `after`. */
function lowerBound (prefix: StorageKey, after: StorageKey | undefined): Buffer {
  return after !== undefined && after >= prefix ? successor(keyBytes(after)) : keyBytes(prefix)
}

function hasPrefix (key: Buffer, prefix: Buffer): boolean {
  return key.length >= prefix.length && key.compare(prefix, 0, prefix.length, 0, prefix.length) === 0
}

/** The extrinsics as a SCALE `Vec<Bytes>`. */
function encodeBody (extrinsics: readonly Uint8Array[]): Uint8Array {
  return u8aConcat(compactToU8a(extrinsics.length), ...extrinsics.flatMap((x) => [compactToU8a(x.length), x]))
}

function decodeBody (body: Uint8Array): Uint8Array[] {
  let [offset, count] = compactFromU8aLim(body)
  const out: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const [prefixLength, length] = compactFromU8aLim(body.subarray(offset))
    offset += prefixLength
    out.push(body.subarray(offset, offset + length))
    offset += length
  }
  return out
}

/** A pruned body is stored as no bytes (a body of no extrinsics is one byte, its length 0). */
function toBlock (row: BlockRow): StoredBlock {
  const body = row.body.length === 0 ? null : decodeBody(view(row.body))
  return { number: row.number, hash: view(row.hash), header: view(row.header), extrinsics: body }
}

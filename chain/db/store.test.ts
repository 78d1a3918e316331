import { test } from 'node:test'
import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ChainStore } from './store.js'
import type { WholeBlock } from '../node/types.js'

const A = '0x' + 'aa'.repeat(16)
const B = '0x' + 'ab'.repeat(16)

function tmpDir (t: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datdot-store-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

function block (number: number, extrinsics: Uint8Array[] = []): WholeBlock {
  return { number, hash: new Uint8Array(32).fill(number + 1), header: Uint8Array.of(number, 1, 2, 3), extrinsics }
}

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b)
const randomKey = (prefix: string): string => prefix + crypto.randomBytes(32).toString('hex')

test('commits blocks, state, trie nodes and meta, and reads them back', () => {
  const store = ChainStore.open(null)
  assert.equal(store.head(), null)
  const genesis = block(0)
  store.commitBlock(genesis, new Map([[A + '01', bytes(1)], [A + '02', bytes(2)]]), [[bytes(9, 9), bytes(8)]],
    { stateRoot: bytes(7) })
  const xts = [bytes(4, 5, 6), new Uint8Array(0), new Uint8Array(300).fill(3)]
  const one = block(1, xts)
  store.commitBlock(one, new Map([[A + '01', null], [B, bytes(3)]]), [])

  assert.deepEqual(store.head(), one)
  assert.deepEqual(store.blockByNumber(0), genesis)
  assert.deepEqual(store.blockByNumber(1), one)
  assert.deepEqual(store.blockByHash(one.hash), one)
  assert.equal(store.blockByNumber(2), null)
  assert.equal(store.blockByHash(new Uint8Array(32)), null)
  assert.deepEqual(store.get(A + '02'), bytes(2))
  assert.deepEqual(store.get(B), bytes(3))
  assert.equal(store.get(A + '01'), null)
  assert.deepEqual(store.trieNode(bytes(9, 9)), bytes(8))
  assert.equal(store.trieNode(bytes(1)), null)
  assert.deepEqual(store.getMeta('stateRoot'), bytes(7))
  assert.equal(store.getMeta('nothing'), null)
  store.close()
})

test('a commit is all or nothing, and blocks must come in order', () => {
  const store = ChainStore.open(null)
  store.commitBlock(block(0), new Map([[A, bytes(1)]]), [])
  assert.throws(() => store.commitBlock(block(2), new Map(), []), /next block is 1/)
  function * failingNodes (): Generator<[Uint8Array, Uint8Array]> {
    yield [bytes(1), bytes(1)]
    throw new Error('disk on fire')
  }
  assert.throws(() => store.commitBlock(block(1), new Map([[A, bytes(2)], [B, bytes(3)]]), failingNodes(), { m: bytes(1) }),
    /disk on fire/)
  assert.equal(store.head()?.number, 0)
  assert.equal(store.blockByNumber(1), null)
  assert.deepEqual(store.get(A), bytes(1))
  assert.equal(store.get(B), null)
  assert.equal(store.trieNode(bytes(1)), null)
  assert.equal(store.getMeta('m'), null)
  store.commitBlock(block(1), new Map([[A, bytes(2)]]), [])
  assert.deepEqual(store.getAt(0, A), bytes(1))
  assert.deepEqual(store.getAt(1, A), bytes(2))
  store.close()
})

test('reads state as of older blocks', () => {
  const store = ChainStore.open(null)
  const key = A + '01'
  const other = A + '02'
  store.commitBlock(block(0), new Map([[other, bytes(0)]]), [])
  store.commitBlock(block(1), new Map([[key, bytes(1)]]), [])
  store.commitBlock(block(2), new Map([[key, bytes(2)]]), [])
  store.commitBlock(block(3), new Map([[key, null]]), [])
  store.commitBlock(block(4), new Map([[other, bytes(4)]]), [])

  const expected = [null, bytes(1), bytes(2), null, null]
  const keys = [[other], [key, other], [key, other], [other], [other]]
  for (let n = 0; n <= 4; n++) {
    assert.deepEqual(store.getAt(n, key), expected[n], `value at block ${n}`)
    assert.deepEqual(store.keysWithPrefixAt(n, A), keys[n], `keys at block ${n}`)
  }
  assert.deepEqual(store.getAt(0, other), bytes(0))
  assert.deepEqual(store.getAt(3, other), bytes(0))
  assert.deepEqual(store.getAt(4, other), bytes(4))
  store.close()
})

test('pages keys by prefix with after and limit, at the head and at older blocks', () => {
  const store = ChainStore.open(null)
  const genesisKeys = Array.from({ length: 3000 }, () => randomKey(A)).sort()
  const otherKeys = Array.from({ length: 200 }, () => randomKey(B))
  store.commitBlock(block(0), new Map([...genesisKeys, ...otherKeys].map((k) => [k, bytes(1)])), [])
  // Block 1 deletes every third key and adds 500.
  const changes = new Map<string, Uint8Array | null>(genesisKeys.filter((_, i) => i % 3 === 0).map((k) => [k, null]))
  for (let i = 0; i < 500; i++) changes.set(randomKey(A), bytes(2))
  store.commitBlock(block(1), changes, [])
  const headKeys = [...genesisKeys, ...changes.keys()].filter((k) => changes.get(k) !== null).sort()

  const pageAll = (read: (after: string | undefined, limit: number) => string[], limit: number): string[] => {
    const out: string[] = []
    for (let page = read(undefined, limit); page.length > 0; page = read(page[page.length - 1], limit)) {
      assert.ok(page.length <= limit)
      out.push(...page)
    }
    return out
  }
  assert.deepEqual(store.keysWithPrefix(A), headKeys)
  assert.deepEqual(pageAll((after, limit) => store.keysWithPrefix(A, after, limit), 1000), headKeys)
  assert.deepEqual(pageAll((after, limit) => store.keysWithPrefixAt(1, A, after, limit), 777), headKeys)
  assert.deepEqual(pageAll((after, limit) => store.keysWithPrefixAt(0, A, after, limit), 777), genesisKeys)
  assert.equal(store.keysWithPrefixAt(0, B).length, 200)

  // `after` outside the prefix's range, `after` that is not itself a key, and limit 0.
  assert.deepEqual(store.keysWithPrefix(A, '0x00', 3), headKeys.slice(0, 3))
  assert.deepEqual(store.keysWithPrefixAt(0, A, '0x00', 3), genesisKeys.slice(0, 3))
  assert.deepEqual(store.keysWithPrefix(A, B), [])
  assert.deepEqual(store.keysWithPrefixAt(0, A, B), [])
  assert.deepEqual(store.keysWithPrefix(A, A + '80', 1), [headKeys.find((k) => k > A + '80')])
  assert.deepEqual(store.keysWithPrefixAt(0, A, A + '80', 1), [genesisKeys.find((k) => k > A + '80')])
  assert.deepEqual(store.keysWithPrefix(A, undefined, 0), [])
  assert.deepEqual(store.keysWithPrefix('0x', undefined, 5), headKeys.slice(0, 5))
  store.close()
})

test('reopening the on-disk store gives the same head and state', (t) => {
  const dir = tmpDir(t)
  const store = ChainStore.open(path.join(dir, 'base'))
  const keys = Array.from({ length: 100 }, () => randomKey(A)).sort()
  store.commitBlock(block(0), new Map(keys.map((k, i) => [k, bytes(i)])), [[bytes(1), bytes(2)]], { stateRoot: bytes(5) })
  store.commitBlock(block(1, [bytes(1, 2)]), new Map([[keys[0], null], [keys[1], bytes(9)]]), [])
  const head = store.head()
  store.close()

  const reopened = ChainStore.open(path.join(dir, 'base'))
  t.after(() => reopened.close())
  assert.deepEqual(reopened.head(), head)
  assert.deepEqual(reopened.keysWithPrefix(A), keys.slice(1))
  assert.equal(reopened.get(keys[0]), null)
  assert.deepEqual(reopened.get(keys[1]), bytes(9))
  assert.deepEqual(reopened.get(keys[2]), bytes(2))
  assert.deepEqual(reopened.getAt(0, keys[0]), bytes(0))
  assert.deepEqual(reopened.trieNode(bytes(1)), bytes(2))
  assert.deepEqual(reopened.getMeta('stateRoot'), bytes(5))
  reopened.commitBlock(block(2), new Map(), [])
  assert.equal(reopened.head()?.number, 2)
})

/** Writes and deletions of block n over a few keys, mixed but reproducible: each key is written, deleted or left alone. */
function randomChanges (n: number, keys: string[]): Map<string, Uint8Array | null> {
  const changes = new Map<string, Uint8Array | null>()
  for (const [i, key] of keys.entries()) {
    const r = crypto.createHash('sha256').update(`${n}/${i}`).digest()[0] % 4
    if (r === 0) changes.set(key, null)
    else if (r === 1) changes.set(key, bytes(n, r))
  }
  return changes
}

const historyRows = (dir: string): number => {
  const db = new Database(path.join(dir, 'chain.sqlite'), { readonly: true })
  try {
    return db.prepare<[], number>('SELECT count(*) FROM history').pluck().get()!
  } finally {
    db.close()
  }
}

test('a pruned store reads every state in its window as an archive does, keeps the bodies of its last blocks, and stays small', (t) => {
  const keys = Array.from({ length: 12 }, (_, i) => A + i.toString(16).padStart(2, '0'))
  const [archiveDir, prunedDir] = [tmpDir(t), tmpDir(t)]
  const archive = ChainStore.open(archiveDir)
  const pruned = ChainStore.open(prunedDir, { state: 10, blocks: 5 })
  const BLOCKS = 80
  for (let n = 0; n < BLOCKS; n++) {
    const changes = randomChanges(n, keys)
    archive.commitBlock(block(n, [bytes(n)]), changes, [])
    pruned.commitBlock(block(n, [bytes(n)]), changes, [])
  }
  const head = BLOCKS - 1
  assert.equal(archive.oldestState(), 0)
  assert.equal(pruned.oldestState(), head - 9, 'the state of the last 10 blocks')
  for (let n = head - 9; n <= head; n++) {
    for (const key of keys) assert.deepEqual(pruned.getAt(n, key), archive.getAt(n, key), `${key} at block ${n}`)
    assert.deepEqual(pruned.keysWithPrefixAt(n, A), archive.keysWithPrefixAt(n, A), `keys at block ${n}`)
  }
  for (let n = 0; n <= head; n++) {
    assert.deepEqual(pruned.blockByNumber(n)!.header, archive.blockByNumber(n)!.header, 'every header is kept')
    assert.deepEqual(pruned.blockByNumber(n)!.extrinsics, n > head - 5 ? [bytes(n)] : null, `the body of block ${n}`)
  }
  archive.close()
  pruned.close()
  const [archived, kept] = [historyRows(archiveDir), historyRows(prunedDir)]
  assert.ok(kept <= keys.length * 11, `the pruned store keeps at most a write per key per block of its window and one before (${kept} rows; the archive ${archived})`)
})

test('a store pruned after running as an archive refuses the states outside its window at once and prunes its backlog block by block', (t) => {
  const dir = tmpDir(t)
  const keys = [A, B]
  let store = ChainStore.open(dir)
  for (let n = 0; n < 100; n++) store.commitBlock(block(n), new Map(keys.map((k) => [k, bytes(n)])), [])
  store.close()
  store = ChainStore.open(dir, { state: 10, blocks: 'archive' })
  assert.equal(store.oldestState(), 90, 'states older than the window are refused before they are pruned')
  const before = historyRows(dir)
  store.commitBlock(block(100), new Map([[A, bytes(100)]]), [])
  // Blocks 0 to 16 are pruned (17 a commit while behind): each of blocks 1 to 16 drops the older write of both keys.
  assert.equal(before + 1 - historyRows(dir), 16 * keys.length, 'the backlog is pruned a few blocks a commit')
  for (let n = 101; n < 110; n++) store.commitBlock(block(n), new Map([[A, bytes(n)]]), [])
  assert.deepEqual(store.getAt(105, B), bytes(99), 'a key not written in the window keeps its last value')
  assert.deepEqual(store.getAt(100, A), bytes(100))
  store.close()
  // Back to an archive: what was pruned stays gone, and says so.
  store = ChainStore.open(dir)
  assert.ok(store.oldestState() > 0 && store.oldestState() <= 100, `the oldest state left (${store.oldestState()})`)
  store.close()
})

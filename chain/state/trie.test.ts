import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createMPT } from '@ethereumjs/mpt'
import { EMPTY_ROOT, StateTrie } from './trie.js'
import { ChainStore } from '../db/store.js'
import type { StorageKey } from './overlay.js'

type Changes = Map<StorageKey, Uint8Array | null>

/** A StateTrie over an in-memory node table, committing the nodes of each root it computes. */
class MemoryTrie {
  readonly nodes = new Map<string, Uint8Array>()
  readonly trie = new StateTrie((hash) => this.nodes.get(Buffer.from(hash).toString('hex')) ?? null)
  root = EMPTY_ROOT

  async apply (changes: Changes): Promise<Uint8Array> {
    const { root, nodes } = await this.trie.rootAfter(this.root, changes)
    for (const [hash, node] of nodes) this.nodes.set(Buffer.from(hash).toString('hex'), node)
    this.root = root
    return root
  }
}

function randomState (count: number): Changes {
  const state: Changes = new Map()
  // Storage-key shaped: a few shared 32-byte pallet/item prefixes, then a hashed map key.
  const prefixes = Array.from({ length: 4 }, () => '0x' + crypto.randomBytes(32).toString('hex'))
  for (let i = 0; i < count; i++) {
    state.set(prefixes[i % 4] + crypto.randomBytes(16 + (i % 3) * 8).toString('hex'), crypto.randomBytes(1 + (i % 70)))
  }
  state.set(prefixes[0], Uint8Array.of(1)) // a key that is a prefix of other keys
  return state
}

const shuffled = <T>(items: T[]): T[] => items.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x)

test('EMPTY_ROOT is the root of no keys', async () => {
  assert.deepEqual(EMPTY_ROOT, (await createMPT()).EMPTY_TRIE_ROOT)
  const { root, nodes } = await new MemoryTrie().trie.rootAfter(EMPTY_ROOT, new Map([['0x01', null]]))
  assert.deepEqual(root, EMPTY_ROOT)
  assert.deepEqual(nodes, [])
})

test('root and new nodes are those of the plain library trie, whatever the insertion order', async () => {
  const state = randomState(300)
  // With pruning, the library's own database ends up holding exactly the nodes reachable from its root.
  const referenceNodes = new Map<string, Uint8Array>()
  const reference = await createMPT({ db: new MapNodes(referenceNodes), valueEncoding: 'view', useNodePruning: true })
  for (const [k, v] of state) await reference.put(Buffer.from(k.slice(2), 'hex'), v)

  const inOrder = new MemoryTrie()
  await inOrder.apply(state)
  assert.deepEqual(inOrder.root, reference.root())
  assert.deepEqual([...inOrder.nodes.keys()].sort(), [...referenceNodes.keys()].sort())
  assert.deepEqual(await new MemoryTrie().apply(new Map([...state].reverse())), inOrder.root)
  assert.deepEqual(await new MemoryTrie().apply(new Map(shuffled([...state]))), inOrder.root)
})

test('changes in several batches give the root of one batch', async () => {
  const state = randomState(1000)
  const oneBatch = await new MemoryTrie().apply(state)
  const batched = new MemoryTrie()
  const entries = shuffled([...state])
  for (let i = 0; i < entries.length; i += 150) await batched.apply(new Map(entries.slice(i, i + 150)))
  assert.deepEqual(batched.root, oneBatch)
})

test('deleting a key restores the earlier root; deleting all restores EMPTY_ROOT', async () => {
  const state = randomState(300)
  const t = new MemoryTrie()
  const before = await t.apply(state)
  const [someKey, someValue] = [...state][42]

  const added = await t.apply(new Map([['0x' + 'ee'.repeat(40), Uint8Array.of(1, 2, 3)]]))
  assert.notDeepEqual(added, before)
  assert.deepEqual(await t.apply(new Map([['0x' + 'ee'.repeat(40), null]])), before)

  assert.notDeepEqual(await t.apply(new Map([[someKey, Uint8Array.of(0)]])), before)
  assert.deepEqual(await t.apply(new Map([[someKey, someValue]])), before)

  assert.deepEqual(await t.apply(new Map([...state.keys()].map((k) => [k, null]))), EMPTY_ROOT)
})

test('a missing node is an error, not a silently different root', async () => {
  const t = new MemoryTrie()
  const root = await t.apply(randomState(50))
  const blind = new StateTrie(() => null)
  await assert.rejects(blind.rootAfter(root, new Map([['0x01', Uint8Array.of(1)]])), /missing from the store/)
})

test('roots continue from nodes committed to the store after reopening it', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datdot-trie-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const genesis = randomState(1000)
  const next: Changes = new Map([...genesis.keys()].slice(0, 100).map((k, i) => [k, i % 2 === 0 ? null : Uint8Array.of(i)]))
  next.set('0x' + 'ff'.repeat(48), Uint8Array.of(7))

  let store = ChainStore.open(dir)
  const first = await new StateTrie((h) => store.trieNode(h)).rootAfter(EMPTY_ROOT, genesis)
  const block = { number: 0, hash: new Uint8Array(32), header: first.root, extrinsics: [] }
  store.commitBlock(block, genesis, first.nodes)
  store.close()

  store = ChainStore.open(dir)
  t.after(() => store.close())
  const prevRoot = store.head()?.header ?? assert.fail('no head after reopening')
  const second = await new StateTrie((h) => store.trieNode(h)).rootAfter(prevRoot, next)

  const fresh = new MemoryTrie()
  await fresh.apply(genesis)
  assert.deepEqual(second.root, await fresh.apply(next))
})

/** The mpt DB interface over a map, for a reference trie built by the library alone. */
class MapNodes {
  constructor (private readonly nodes: Map<string, Uint8Array>) {}
  async get (key: string): Promise<Uint8Array | undefined> { return this.nodes.get(key) }
  async put (key: string, value: string | Uint8Array): Promise<void> { this.nodes.set(key, value as Uint8Array) }
  async del (key: string): Promise<void> { this.nodes.delete(key) }
  async batch (ops: Array<{ type: 'put', key: string, value: string | Uint8Array } | { type: 'del', key: string }>): Promise<void> {
    for (const op of ops) await (op.type === 'put' ? this.put(op.key, op.value) : this.del(op.key))
  }

  shallowCopy (): MapNodes { return this }
  async open (): Promise<void> {}
}

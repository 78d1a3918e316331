import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hexToU8a } from '@polkadot/util'
import type { ApiPromise } from '@polkadot/api'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount, rawRpc } from '../helpers/api.js'
import { EMPTY_ROOT, StateTrie } from '../../chain/state/trie.js'

const KILLS = 10

/** Every key and value of the state at a block, through state_getKeysPaged and state_queryStorageAt. */
async function storageDump (api: ApiPromise, at: string): Promise<Map<string, string>> {
  const dump = new Map<string, string>()
  let start: string | undefined
  for (;;) {
    const keys = (await api.rpc.state.getKeysPaged('0x', 1000, start, at)).map((k) => k.toHex())
    if (keys.length === 0) return dump
    const [set] = await rawRpc<Array<{ changes: Array<[string, string | null]> }>>(api, 'state_queryStorageAt', [keys, at])
    for (const [key, value] of set.changes) {
      assert.notEqual(value, null, `listed key ${key} has a value`)
      dump.set(key, value!)
    }
    start = keys[keys.length - 1]
  }
}

test('a node killed with SIGKILL during block production resumes at its last committed block', async (t) => {
  const basePath = mkdtempSync(join(tmpdir(), 'datdot-crash-'))
  t.after(() => rmSync(basePath, { recursive: true, force: true }))
  const alice = devAccount('//Alice')
  let lastSeen = 0

  for (let round = 0; round < KILLS; round++) {
    const busy = await startChainProcess(t, { basePath, args: ['--block-time', '30'] })
    const api = await connectApi(t, busy.url)
    const unsub = await api.rpc.chain.subscribeFinalizedHeads((h) => { lastSeen = Math.max(lastSeen, h.number.toNumber()) })
    // Keep the blocks busy with state changes while the node runs.
    const sending = (async () => {
      for (let i = 0; i < 50; i++) {
        try { await api.tx.system.remarkWithEvent(`round ${round} tx ${i}`).signAndSend(alice, { nonce: -1 }) } catch { return }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(Math.random() * 250)))
    await busy.kill('SIGKILL')
    unsub()
    await sending
    await api.disconnect()

    const still = await startChainProcess(t, { basePath, args: ['--manual-seal'] })
    const check = await connectApi(t, still.url)
    const head = await check.rpc.chain.getHeader()
    assert.ok(head.number.toNumber() >= lastSeen, `round ${round}: head ${head.number.toNumber()} is behind the last announced block ${lastSeen}`)
    const dump = await storageDump(check, head.hash.toHex())
    const { root } = await new StateTrie(() => null).rootAfter(EMPTY_ROOT, new Map([...dump].map(([k, v]) => [k, hexToU8a(v)])))
    assert.deepEqual(root, head.stateRoot.toU8a(), `round ${round}: the state root commits to the recovered state`)
    const parent = await check.rpc.chain.getHeader(head.parentHash)
    assert.equal(parent.number.toNumber(), head.number.toNumber() - 1, `round ${round}: the chain links up`)
    await check.disconnect()
    await still.kill('SIGKILL')
  }
  assert.ok(lastSeen > KILLS, 'blocks were produced between the kills')
})

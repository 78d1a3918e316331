import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeAddress } from '@polkadot/util-crypto'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi } from '../helpers/api.js'

const ENTRIES = 10_000

test('state_getKeysPaged pages through a map of 10,000 entries', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-spec-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const spec = JSON.parse(readFileSync(new URL('../../chain-spec/dev.json', import.meta.url), 'utf8'))
  const addresses = Array.from({ length: ENTRIES }, () => encodeAddress(randomBytes(32), 42))
  spec.genesis.accounts = Object.fromEntries(addresses.map((a, i) => [a, String(i)]))
  const specPath = join(dir, 'big.json')
  writeFileSync(specPath, JSON.stringify(spec))

  const chain = await startChainProcess(t, { args: ['--manual-seal', '--chain', specPath] })
  const api = await connectApi(t, chain.url)

  const prefix = api.query.system.account.keyPrefix()
  const seen: string[] = []
  let start: string | undefined
  for (;;) {
    const page = (await api.rpc.state.getKeysPaged(prefix, 777, start)).map((k) => k.toHex())
    if (page.length === 0) break
    assert.ok(page.length <= 777)
    seen.push(...page)
    start = page[page.length - 1]
  }
  assert.equal(seen.length, ENTRIES)
  assert.deepEqual(seen, [...seen].sort(), 'keys come in order')
  assert.equal(new Set(seen).size, ENTRIES, 'no key twice')

  const entries = await api.query.system.account.entries()
  const byAddress = new Map(entries.map(([key, info]) => [key.args[0].toString(), info.data.free.toNumber()]))
  assert.equal(byAddress.size, ENTRIES)
  addresses.forEach((a, i) => assert.equal(byAddress.get(a), i))
})

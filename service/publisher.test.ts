import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Hypercore from 'hypercore'
import { BLOCK_SIZE, appendPath } from './publisher.js'

async function tempCore (t: import('node:test').TestContext): Promise<Hypercore> {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-append-'))
  const core = new Hypercore(join(dir, 'core'))
  await core.ready()
  t.after(async () => { await core.close(); rmSync(dir, { recursive: true, force: true }) })
  return core
}

test('a file becomes 64 KiB blocks; a directory, an index block then each file\'s blocks', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-files-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const big = randomBytes(2 * BLOCK_SIZE + 100)
  writeFileSync(join(dir, 'big.bin'), big)
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'sub', 'small.txt'), 'hello')

  const fileCore = await tempCore(t)
  await appendPath(fileCore, join(dir, 'big.bin'))
  assert.equal(fileCore.length, 3)
  assert.deepEqual(Buffer.concat([(await fileCore.get(0))!, (await fileCore.get(1))!, (await fileCore.get(2))!]), big)

  const dirCore = await tempCore(t)
  await appendPath(dirCore, dir)
  const index = JSON.parse(Buffer.from((await dirCore.get(0))!).toString())
  assert.deepEqual(index, { files: [{ path: 'big.bin', size: big.length }, { path: join('sub', 'small.txt'), size: 5 }] })
  assert.equal(dirCore.length, 1 + 3 + 1)
  assert.equal(Buffer.from((await dirCore.get(4))!).toString(), 'hello')

  await assert.rejects(appendPath(fileCore, join(dir, 'missing')), { code: 'PATH_NOT_FOUND' })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeldCores } from './held-cores.js'

test('the cores on disk and when each was let go survive a reopen; a bad file is a coded error', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-held-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'storage', 'held-cores.json')
  const held = HeldCores.open(file)
  assert.deepEqual(held.entries(), [], 'no file: nothing on disk')
  held.held('0xaa')
  held.held('0xbb')
  held.released('0xbb', 1000)
  held.released('0xbb', 2000)
  held.held('0xcc')
  held.forget('0xcc')
  assert.deepEqual(HeldCores.open(file).entries(), [{ key: '0xaa', releasedAt: null }, { key: '0xbb', releasedAt: 1000 }], 'the grace runs from the first let-go')
  held.held('0xbb')
  assert.deepEqual(HeldCores.open(file).entries().find((e) => e.key === '0xbb'), { key: '0xbb', releasedAt: null }, 'held again')

  writeFileSync(file, '{ not json')
  assert.throws(() => HeldCores.open(file), { code: 'HELD_CORES_UNREADABLE' })
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

// tsx runs the code without checking types: this keeps `strict` true for every file.
test('the whole project type-checks (tsc --noEmit, strict)', async () => {
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', ROOT], { cwd: ROOT, timeout: 300_000 })
    .catch((err: { stdout: string }) => assert.fail(`tsc found errors:\n${err.stdout}`))
})

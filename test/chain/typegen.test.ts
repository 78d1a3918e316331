import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { startChainProcess } from '../helpers/chain.js'
import { INTERFACES_DIR, generateInterfaces } from '../../chain/typegen/generate.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

test('@polkadot/typegen generates augmentation from the node; it type-checks and matches chain/interfaces', async (t) => {
  const chain = await startChainProcess(t)
  // Inside the repo, so that the generated files resolve @polkadot/* from its node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true })
  const dir = mkdtempSync(join(ROOT, '.tmp', 'typegen-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  await generateInterfaces(chain.url, dir)

  const query = readFileSync(join(dir, 'augment-api-query.ts'), 'utf8')
  assert.match(query, /account: AugmentedQuery<ApiType, \(arg: AccountId32 \| string \| Uint8Array\) => Observable<FrameSystemAccountInfo>/)
  assert.match(readFileSync(join(dir, 'augment-api-tx.ts'), 'utf8'), /remarkWithEvent: AugmentedSubmittable/)
  assert.match(readFileSync(join(dir, 'augment-api-errors.ts'), 'utf8'), /RequireSudo: AugmentedError/)

  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: true },
    include: ['*.ts']
  }))
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
  await run(process.execPath, [tsc, '-p', dir], { cwd: ROOT, timeout: 120_000 }).catch((err: { stdout: string }) => {
    assert.fail(`the generated types do not type-check:\n${err.stdout}`)
  })

  const generated = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()
  assert.deepEqual(readdirSync(INTERFACES_DIR).filter((f) => f.endsWith('.ts')).sort(), generated)
  for (const f of generated) {
    assert.equal(readFileSync(join(INTERFACES_DIR, f), 'utf8'), readFileSync(join(dir, f), 'utf8'), `chain/interfaces/${f} is stale: run npm run typegen`)
  }
})

// Regenerates chain/interfaces/ (polkadot-js type augmentation for this runtime) with @polkadot/typegen,
// from a throw-away node: `npm run typegen`. Run it whenever a pallet's calls, storage, events or errors change;
// test/chain/typegen.test.ts fails while the committed files differ from what the runtime generates.
import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { pino } from 'pino'
import { startChain } from '../node/start.js'
import { loadChainSpec } from '../spec/load.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCRIPTS = join(ROOT, 'node_modules/@polkadot/typegen/scripts')
export const INTERFACES_DIR = join(ROOT, 'chain/interfaces')

/** Writes the augmentation for the node at `url` into `dir` (inside the repo: typegen takes paths from the cwd). */
export async function generateInterfaces (url: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (const f of readdirSync(dir)) if (f.endsWith('.ts')) rmSync(join(dir, f))
  const out = relative(ROOT, dir)
  // typegen imports the lookup.ts it wrote, so it runs with the TypeScript loader.
  const typegen = (script: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(SCRIPTS, script), '--endpoint', url, ...args], { cwd: ROOT, timeout: 120_000 })
  await typegen('polkadot-types-from-defs.mjs', ['--input', out, '--package', 'datdot/chain/interfaces'])
  await typegen('polkadot-types-from-chain.mjs', ['--output', out])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chain = await startChain({
    spec: loadChainSpec(join(ROOT, 'chain-spec/dev.json')),
    basePath: null,
    host: '127.0.0.1',
    port: 0,
    sealing: { mode: 'manual' },
    dev: true,
    logger: pino({ level: 'warn' })
  })
  try {
    await generateInterfaces(chain.url, INTERFACES_DIR)
    console.log(`wrote ${relative(ROOT, INTERFACES_DIR)}/`)
  } finally {
    await chain.close()
  }
}

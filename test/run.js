// Runs every *.test.ts file through node's test runner (Node 20's --test takes no globs, so we find them).
// Usage: node test/run.js [node test flags] [path fragments]
//   node test/run.js chain/spec              only files whose path contains "chain/spec"
//   node test/run.js --test-name-pattern=ss58
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { availableParallelism, constants } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const DIRS = ['chain', 'hypercore', 'protocol', 'erasure', 'service', 'vault', 'wallet', 'cli', 'docker', 'test', 'bench']

function * testFiles (dir) {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (err) {
    if (err.code === 'ENOENT') return
    throw err
  }
  for (const e of entries) {
    const path = join(dir, e.name)
    if (e.isDirectory() && e.name !== 'node_modules') yield * testFiles(path)
    else if (e.isFile() && e.name.endsWith('.test.ts')) yield relative(root, path)
  }
}

const args = process.argv.slice(2)
const flags = args.filter(a => a.startsWith('-'))
const filters = args.filter(a => !a.startsWith('-'))
const files = DIRS.flatMap(d => [...testFiles(join(root, d))])
  .filter(f => filters.length === 0 || filters.some(p => f.includes(p)))
  .sort()

if (files.length === 0) {
  console.error(`no test files${filters.length > 0 ? ` match ${filters.join(' ')}` : ''}`)
  process.exit(1)
}

const child = spawn(process.execPath, [
  '--import', 'tsx',
  '--test',
  // tap prints the "# pass N" / "# fail N" summary even on a terminal (the spec reporter would not).
  '--test-reporter=tap',
  // One file per core. Node 20's default (cores - 1) runs one file at a time on a 2-core machine: the suite
  // took 81 s that way and 53 s with two, as test files mostly wait on the chain processes they start.
  `--test-concurrency=${availableParallelism()}`,
  // A hung test fails instead of hanging CI. Node 20 applies this to each file as a whole too (the runner
  // then ends the file with SIGTERM), so it is a bound on the slowest file, not on a typical test.
  '--test-timeout=600000',
  ...flags,
  ...files
], { cwd: root, stdio: 'inherit' })

child.on('exit', (code, signal) => {
  process.exitCode = code ?? 128 + constants.signals[signal]
})

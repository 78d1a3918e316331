// Runs every bench/*.bench.ts, prints a table and writes bench/results.json (one entry per benchmark).
import { readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { meetsGoal } from './result.js'
import type { BenchResult } from './result.js'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.startsWith(o)))).sort()

const results: BenchResult[] = []
for (const file of files) {
  process.stderr.write(`running ${file} …\n`)
  const mod = await import(pathToFileURL(join(here, file)).href) as { default: () => Promise<BenchResult> }
  results.push(await mod.default())
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3))
console.log('| benchmark | ours | reference | unit | ratio | goal | met |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const r of results) {
  console.log(`| ${r.name} | ${fmt(r.ours)} | ${fmt(r.reference)} | ${r.unit} | ${r.ratio.toFixed(3)} | ${r.goalIs === 'min' ? '≥' : '≤'} ${r.goal} | ${meetsGoal(r) ? 'yes' : 'NO'} |`)
}
for (const r of results) console.log(`- ${r.name}: ${r.what}`)

const json = Object.fromEntries(results.map((r) => [r.name, { ours: r.ours, reference: r.reference, ratio: r.ratio, goal: r.goal, unit: r.unit }]))
writeFileSync(join(here, 'results.json'), JSON.stringify(json, null, 2) + '\n')

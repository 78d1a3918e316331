#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a fresh clone needs only `npm install`.
import { register } from 'tsx/esm/api'

// Our own tsconfig, not whichever one the current directory happens to hold.
register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname })
const { main } = await import('../cli/index.ts')
process.exitCode = await main(process.argv)

import { dataHome } from '../config.js'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { stderrLogger } from '../logger.js'
import type { Sealing } from '../../chain/node/types.js'
import type { RpcOptions } from '../../chain/node/start.js'
import { CliError } from '../errors.js'
import { stopSignal } from '../stop-signal.js'
import { integer } from '../parse.js'
// Small modules without dependencies: --help shows the node's own defaults, methods and origins.
import { DEFAULT_RPC_LIMITS } from '../../chain/rpc/limits.js'
import { isLoopback, type RpcMethodsPolicy, servesUnsafe, UNSAFE_METHODS } from '../../chain/rpc/method-policy.js'
import { LOCAL_ORIGINS, parseCors } from '../../chain/rpc/origin.js'
import { DEFAULT_PRUNING, parsePruning } from '../../chain/db/pruning.js'

/** Resolved from this file so that the command works from any directory. */
const DEV_SPEC = fileURLToPath(new URL('../../chain-spec/dev.json', import.meta.url))
/** setTimeout treats longer delays as 1 ms. */
const MAX_BLOCK_TIME = 2 ** 31 - 1

interface StartFlags {
  dev?: true
  chain: string
  basePath?: string
  tmp?: true
  host: string
  port: number
  blockTime?: number
  instant?: true
  manualSeal?: true
  authorityKey?: string
  rpcMaxConnections: number
  rpcMaxRequestSize: number
  rpcMaxResponseSize: number
  rpcMaxBatchRequestLen?: number
  rpcMaxSubscriptionsPerConnection: number
  rpcCors?: string
  rpcMethods: RpcMethodsPolicy
  statePruning: number | 'archive'
  blocksPruning: number | 'archive'
}

const RPC_METHODS: RpcMethodsPolicy[] = ['auto', 'safe', 'unsafe']
const MiB = 1024 * 1024

/** Adds `start` to the `chain` command (through `.command()`, so it inherits the error handling of its parent). */
export function addChainStartCommand (chain: Command): void {
  chain.command('start')
    .description('run a datdot chain node and serve its JSON-RPC over WebSocket; prints the endpoint once it accepts connections')
    .option('--dev', 'development mode: enables the dev_* RPC methods (dev_newBlock)')
    .addOption(new Option('--chain <file>', 'chain spec JSON file').default(DEV_SPEC, 'chain-spec/dev.json of this package'))
    .addOption(new Option('--base-path <dir>', 'where blocks and state are kept (default: $XDG_DATA_HOME/datdot/chains/<spec id>, ~/.local/share if unset)').conflicts('tmp'))
    .option('--tmp', 'keep the chain in a temporary directory, deleted when the node stops')
    .option('--host <addr>', 'address the RPC server listens on', '127.0.0.1')
    .option('--port <n>', 'RPC port (0 picks a free port)', integer('port', 0, 65535), 9944)
    .addOption(new Option('--block-time <ms>', 'produce a block every <ms> milliseconds (default: the spec\'s blockTime)').argParser(integer('block time', 1, MAX_BLOCK_TIME)))
    .addOption(new Option('--instant', 'produce a block as soon as an extrinsic arrives').conflicts(['blockTime', 'manualSeal']))
    .addOption(new Option('--manual-seal', 'produce blocks only on the dev_newBlock RPC method (needs --dev)').conflicts('blockTime'))
    .option('--authority-key <file>', 'the block author\'s ed25519 secret seed (0x + 64 hex characters); by default the node makes its own on first start, <base path>/authority-key (mode 0600), and reuses it')
    .option('--rpc-max-connections <n>', 'most RPC connections at once, HTTP and WebSocket; more are answered 429', integer('connection count', 1, 1_000_000), DEFAULT_RPC_LIMITS.maxConnections)
    .option('--rpc-max-request-size <MiB>', 'largest RPC request (an HTTP body or a WebSocket message), in MiB', integer('request size', 1, 4096), DEFAULT_RPC_LIMITS.maxRequestBytes / MiB)
    .option('--rpc-max-response-size <MiB>', 'largest RPC reply, a batch\'s as a whole, in MiB; a larger one is answered -32008 (-32011 for a batch)', integer('response size', 1, 4096), DEFAULT_RPC_LIMITS.maxResponseBytes / MiB)
    .option('--rpc-max-batch-request-len <n>', 'most requests in one batch (default: no limit but the response size); a longer batch is answered -32010', integer('batch length', 1, 1_000_000_000))
    .option('--rpc-max-subscriptions-per-connection <n>', 'most subscriptions one WebSocket connection may hold', integer('subscription count', 1, 1_000_000), DEFAULT_RPC_LIMITS.maxSubscriptionsPerConnection)
    .option('--rpc-cors <origins>', `web pages allowed to call the node: "all", or origins separated by commas (":*" for any port); default all with --dev, else ${LOCAL_ORIGINS.join(', ')}`)
    .addOption(new Option('--rpc-methods <which>', `auto: unsafe methods (${UNSAFE_METHODS}) only when --host is a loopback address; safe: never; unsafe: always`).choices(RPC_METHODS).default('auto'))
    .option('--state-pruning <n|archive>', 'keep the state of the last <n> blocks (older states answer 4003 "State already discarded"), or of every block', pruningFlag('--state-pruning'), DEFAULT_PRUNING.state)
    .option('--blocks-pruning <n|archive>', 'keep the bodies (extrinsics) of the last <n> blocks, or of every block (archive-canonical is the same: every block is final); headers are always kept', pruningFlag('--blocks-pruning'), DEFAULT_PRUNING.blocks)
    .addHelpText('after', `
Examples:
  datdot chain start --dev --tmp                   a throwaway dev chain on ws://127.0.0.1:9944
  datdot chain start --dev --port 0 --manual-seal  any free port; blocks only on dev_newBlock

RPC limits and checks are Substrate's: POST needs Content-Type: application/json, GET /health answers
{"isSyncing":false,"peers":0,"shouldHavePeers":false}. On an address other than loopback (--host 0.0.0.0)
only safe methods are served unless --rpc-methods unsafe is given, which says so on stderr.

The author key seeds every block's randomness, and so every storage challenge: keep it secret. A chain
spec's authoritySeed (dev.json names //Alice) is a dev key, used only with --dev; without --dev it is
ignored, with a warning.

Storage proofs carry whole feed blocks, so block bodies are most of a chain's disk: an archive node keeps
them all, --blocks-pruning 14400 keeps a day's (6-second blocks). See docs/architecture.md.`)
    .action(startChainCommand)
}

async function startChainCommand (flags: StartFlags): Promise<void> {
  if (flags.manualSeal === true && flags.dev !== true) {
    throw CliError.USAGE('--manual-seal needs --dev: blocks are then made only by the dev_newBlock RPC method')
  }
  // Imported here, not at the top, so that --help and usage errors need neither polkadot-js nor the node.
  const { loadChainSpec } = await import('../../chain/spec/load.js')
  const spec = loadChainSpec(flags.chain)
  const sealing: Sealing = flags.instant === true
    ? { mode: 'instant' }
    : flags.manualSeal === true ? { mode: 'manual' } : { mode: 'interval', ms: flags.blockTime ?? spec.blockTime }
  const basePath = flags.tmp === true ? null : resolve(flags.basePath ?? defaultBasePath(spec.id))
  if (basePath !== null) makeDir(basePath)

  // stdout carries only the endpoint line, so that scripts can read it; logs go to stderr.
  const logger = await stderrLogger()
  const stop = stopSignal(logger)
  try {
    const { startChain } = await import('../../chain/node/start.js')
    const rpc = rpcOptions(flags, logger)
    const pruning = { state: flags.statePruning, blocks: flags.blocksPruning }
    const chain = await startChain({ spec, basePath, host: flags.host, port: flags.port, sealing, dev: flags.dev === true, authorityKeyFile: flags.authorityKey, rpc, pruning, logger })
      .catch(err => { throw listenError(err, flags.host, flags.port) })
    process.stdout.write(`datdot chain: listening on ${chain.url}\n`)
    logger.info({ url: chain.url, spec: spec.id, basePath, sealing, pruning }, 'chain started')
    await stop.received
    await chain.close()
    logger.info('chain stopped')
  } finally {
    stop.dispose()
  }
}

/** The RPC server's limits and policies from the flags; warns when a public address serves unsafe methods or refuses them. */
function rpcOptions (flags: StartFlags, logger: { warn (msg: string): void }): RpcOptions {
  const unsafe = servesUnsafe(flags.rpcMethods, flags.host)
  if (!isLoopback(flags.host)) {
    logger.warn(unsafe
      ? `the RPC on ${flags.host} serves unsafe methods (${UNSAFE_METHODS}) to anyone who can reach it (--rpc-methods unsafe)`
      : `the RPC on ${flags.host} serves safe methods only; dev_* and other unsafe methods are refused (give --rpc-methods unsafe to serve them)`)
  }
  return {
    unsafe,
    cors: flags.rpcCors !== undefined ? parseCors(flags.rpcCors) : flags.dev === true ? 'all' : LOCAL_ORIGINS,
    limits: {
      maxConnections: flags.rpcMaxConnections,
      maxRequestBytes: flags.rpcMaxRequestSize * MiB,
      maxResponseBytes: flags.rpcMaxResponseSize * MiB,
      maxBatchLength: flags.rpcMaxBatchRequestLen ?? DEFAULT_RPC_LIMITS.maxBatchLength,
      maxSubscriptionsPerConnection: flags.rpcMaxSubscriptionsPerConnection
    }
  }
}

function pruningFlag (flag: string): (value: string) => number | 'archive' {
  return (value) => {
    const window = parsePruning(value)
    if (window === null) throw new InvalidArgumentError(`${flag} takes a number of blocks (1 or more), archive or archive-canonical`)
    return window
  }
}

function defaultBasePath (specId: string): string {
  return join(dataHome(), 'datdot', 'chains', specId)
}

function makeDir (path: string): void {
  try {
    mkdirSync(path, { recursive: true })
  } catch (err) {
    throw CliError.BASE_PATH_UNUSABLE(path, (err as Error).message)
  }
}

/** The errors of binding the RPC server, in terms of the options that caused them. */
function listenError (err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') return CliError.PORT_IN_USE(host, port)
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') return CliError.CANNOT_LISTEN(host, port, (err as Error).message)
  return err
}

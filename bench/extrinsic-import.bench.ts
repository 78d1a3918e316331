// Signed extrinsics imported per second (submission checks, fees included, + block execution + commit) vs.
// the raw sr25519 verification rate of the same signatures, in the same run.
import { performance } from 'node:perf_hooks'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Keyring } from '@polkadot/keyring'
import { blake2AsU8a, cryptoWaitReady, sr25519PairFromSeed } from '@polkadot/util-crypto'
import { sr25519Sign, sr25519Verify } from '@polkadot/wasm-crypto'
import { randomBytes } from 'node:crypto'
import { u8aToHex } from '@polkadot/util'
import { DevNode } from '../chain/node/node.js'
import { loadChainSpec } from '../chain/spec/load.js'
import { result } from './result.js'

const COUNT = 3000
const SIGNERS = 30

/** Rounds, each on a fresh node, alternating with the reference: the medians are compared (one round varies by ±15%). */
const ROUNDS = 3

export default async function extrinsicImport () {
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519' })
  const signers = Array.from({ length: SIGNERS }, (_, i) => keyring.addFromUri(`//bench${i}`))
  const dev = loadChainSpec(new URL('../chain-spec/dev.json', import.meta.url).pathname)
  // The signers hold ratio from genesis: each remark pays its fee.
  const accounts = { ...dev.genesis.accounts, ...Object.fromEntries(signers.map((s) => [s.address, '1000000'])) }
  const spec = { ...dev, genesis: { ...dev.genesis, accounts } }
  const ours: number[] = []
  const reference: number[] = []
  // The same genesis each round (the dev authority key), so the same signed remarks apply to each.
  let txs: Uint8Array[] | null = null
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'datdot-bench-'))
    const node = await DevNode.open({ spec, basePath: dir, sealing: { mode: 'instant' }, dev: true, maxBlockExtrinsics: 1000 })
    try {
      txs ??= signedRemarks(node, signers)
      let imported = 0
      const allIn = new Promise<void>((resolve) => node.on('block', (block) => {
        imported += block.extrinsics.length
        if (imported === COUNT) resolve()
      }))
      const t0 = performance.now()
      // Instant sealing: blocks are built while later submissions are still being verified, as on a live node.
      await Promise.all(txs.map((tx) => node.submit(tx)))
      await allIn
      ours.push(COUNT / ((performance.now() - t0) / 1000))
    } finally {
      await node.close()
      rmSync(dir, { recursive: true, force: true })
    }
    reference.push(rawVerifyRate())
  }
  return result({
    name: 'extrinsic-import',
    ours: median(ours),
    reference: median(reference),
    goal: 0.8,
    goalIs: 'min',
    unit: 'extrinsics/s',
    what: `${COUNT} signed remarks from ${SIGNERS} sr25519 accounts submitted, checked, charged their fees and imported into blocks vs. raw sr25519 verifications/s (medians of ${ROUNDS} rounds)`
  })
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function signedRemarks (node: DevNode, signers: ReturnType<Keyring['addFromUri']>[]): Uint8Array[] {
  const registry = node.registry
  const out: Uint8Array[] = []
  for (let i = 0; i < COUNT; i++) {
    const signer = signers[i % signers.length]
    const nonce = Math.floor(i / signers.length)
    const call = registry.createType('Call', { callIndex: [0, 0], args: { remark: u8aToHex(blake2AsU8a(new Uint8Array([i & 255, i >> 8]))) } })
    const ext = registry.createType('Extrinsic', call)
    ext.sign(signer, { nonce, era: registry.createType('ExtrinsicEra', '0x00'), genesisHash: node.genesisHash, blockHash: node.genesisHash, runtimeVersion: node.runtimeVersion as never, signedExtensions: registry.signedExtensions })
    out.push(ext.toU8a())
  }
  return out
}

/** The reference: sr25519 verifications per second through @polkadot/wasm-crypto, of payloads of the remarks' size. */
function rawVerifyRate (): number {
  const pair = sr25519PairFromSeed(new Uint8Array(32).fill(7))
  const messages = Array.from({ length: COUNT }, () => randomBytes(110))
  const sigs = messages.map((m) => sr25519Sign(pair.publicKey, pair.secretKey, m))
  const t0 = performance.now()
  for (let i = 0; i < COUNT; i++) if (!sr25519Verify(sigs[i], messages[i], pair.publicKey)) throw new Error('verify failed')
  return COUNT / ((performance.now() - t0) / 1000)
}

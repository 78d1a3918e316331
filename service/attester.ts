import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { isIPv4 } from 'node:net'
import Hypercore from 'hypercore'
import crypto from 'hypercore-crypto'
import type { DhtSocket } from 'hyperdht'
import { performance } from 'node:perf_hooks'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aEq, u8aToHex } from '@polkadot/util'
import { background, RunningDuties } from './background.js'
import type { RoleDeps } from './role.js'
import { positionCore } from './position-core.js'
import { verifyHashProof } from '../hypercore/verify.js'
import type { CommittedRoot } from '../hypercore/verify.js'
import { receiptContext, receiptMessage } from '../protocol/receipt.js'

/** How long a hoster may take to connect and to serve one block. */
const PROBE_TIMEOUT_MS = 15_000

export interface AttesterOptions extends RoleDeps {
  /** Where probes keep their short-lived cores. */
  readonly probeDir: string
}

interface Receipt { indexes: bigint[], hashes: string[], proofs: string[], signature: string }
interface Probe { success: boolean, latencyMs: number, throughput: number, network: number, receipt: Receipt | null, reason?: string }

interface Peerish { remotePublicKey: Uint8Array }

const failed = (reason: string, network = 0): Probe => ({ success: false, latencyMs: 0, throughput: 0, network, receipt: null, reason })

/**
 * The attester: checks a hoster the way any reader would see it. For each check it dials the hoster with a
 * fresh noise key pair (unlinkable to its account, so the hoster cannot serve attesters only), fetches the
 * blocks the chain sampled (hypercore verifies each against the core's tree), times them, asks the hoster
 * for its signed receipt of what it served on that connection, checks the receipt as the chain will, and
 * reports. Setup checks are performance checks too: they confirm a new hoster.
 */
export class AttesterRole {
  readonly #me: string
  readonly #duties = new RunningDuties()
  /** Probes in progress, closed when the service stops so that it does not wait out their timeouts. */
  readonly #probes = new Set<{ core: Hypercore, socket: DhtSocket }>()
  /** Open checks this attester is in, waiting for their samples. */
  readonly #mine = new Set<string>()
  #closed = false

  constructor (private readonly o: AttesterOptions) {
    this.#me = o.keys.account.address
  }

  /** Rebuilds duties from chain storage: open performance checks of this attester. */
  async resume (): Promise<void> {
    for (const [key] of await this.o.api.query.challenges.attesterChecks.entries(this.#me)) {
      const id = key.args[1].toBigInt()
      this.#mine.add(String(id))
      background(this.o.log, this.#performance(id), 'a performance check')
    }
  }

  async onEvents (events: FrameSystemEventRecord[]): Promise<void> {
    const { api } = this.o
    for (const { event } of events) {
      if (api.events.challenges.PerformanceCheck.is(event) && event.data.attesters.some((a) => a.toString() === this.#me)) {
        this.#mine.add(event.data.id.toString())
      } else if (api.events.challenges.PerformanceSamples.is(event) && this.#mine.has(event.data.id.toString())) {
        background(this.o.log, this.#performance(event.data.id.toBigInt()), 'a performance check')
      } else if (api.events.challenges.PerformanceResult.is(event)) {
        this.#mine.delete(event.data.id.toString())
      }
    }
  }

  /** Ends the probes in progress; their checks report nothing (an interrupted probe says nothing of the hoster). */
  async close (): Promise<void> {
    this.#closed = true
    await Promise.all([...this.#probes].map(({ core, socket }) => { socket.destroy(); return core.close() }))
  }

  #performance (checkId: bigint): Promise<void> {
    return this.#duties.once(`perf/${checkId}`, () => this.#checkPerformance(checkId))
  }

  async #checkPerformance (checkId: bigint): Promise<void> {
    const { api, log } = this.o
    const check = (await api.query.challenges.performanceChecks(checkId)).unwrapOr(null)
    // Not sampled yet: PerformanceSamples brings the check back.
    if (check === null || check.indexes.length === 0) return
    const target = await positionCore(api, check.plan.toBigInt(), check.position.toNumber())
    if (target === null || target === 'encoding') return
    const hoster = check.hoster.toString()
    const noiseKey = (await api.query.roles.providers(hoster)).unwrapOr(null)?.noiseKey.toU8a() ?? null
    const root = { length: check.length.toNumber(), treeHash: check.treeHash.toU8a() }
    const indexes = check.indexes.map((i) => i.toBigInt())
    const probe = noiseKey === null ? failed('the hoster is not registered') : await this.#probe(checkId, noiseKey, target.key, root, indexes)
    if (probe === null || this.#closed) return
    const { receipt, ...figures } = probe
    const result = await this.o.txq.submit(api.tx.challenges.submitPerformanceReport(checkId, probe.success, Math.round(probe.latencyMs), Math.round(probe.throughput), probe.network, receipt), 'submitPerformanceReport', {
      retryWhile: async () => (await api.query.challenges.performanceChecks(checkId)).isSome
    })
    this.o.metrics.checksReported.inc({ kind: check.setup.isSome ? 'setup' : 'performance', success: String(probe.success) })
    log.info({ check: String(checkId), hoster, setup: check.setup.isSome, ...figures, ok: result.ok, error: result.error }, 'reported a performance check')
  }

  /**
   * Fetches the sampled blocks from this hoster only, as an ordinary reader with a throwaway key pair, and
   * asks for its receipt: success when every block arrives verified within the timeout and the receipt
   * checks out against the check's root. Null when this process cannot probe fairly (it serves that core).
   */
  async #probe (checkId: bigint, noiseKey: Uint8Array, coreKey: Uint8Array, root: CommittedRoot, indexes: bigint[]): Promise<Probe | null> {
    const { network } = this.o
    if (network.servesOwn(coreKey)) {
      this.o.log.warn({ core: u8aToHex(coreKey) }, 'not checking a hoster of a slot this process serves itself')
      return null
    }
    const socket = network.dial(noiseKey, crypto.keyPair())
    socket.on('error', () => {})
    this.o.receipts.attach(socket)
    // A core of its own, replicated over this one connection only: the blocks can come from no one else.
    const dir = join(this.o.probeDir, randomBytes(8).toString('hex'))
    const core = new Hypercore(dir, coreKey)
    const probe = { core, socket }
    this.#probes.add(probe)
    try {
      await core.ready()
      if (!await withTimeout(socket.opened, PROBE_TIMEOUT_MS)) return failed('could not connect to the hoster')
      const network24 = prefix24(socket.rawStream?.remoteHost)
      core.replicate(socket)
      if (!await until(() => core.closed || (core.peers as Peerish[]).some((p) => u8aEq(p.remotePublicKey, noiseKey)), PROBE_TIMEOUT_MS) || core.closed) {
        return failed('the hoster does not serve the core', network24)
      }
      await core.update({ wait: true })
      const blocks: Uint8Array[] = []
      let elapsed = 0
      for (const index of indexes) {
        const t0 = performance.now()
        const block = await core.get(Number(index), { timeout: PROBE_TIMEOUT_MS }).catch(() => null)
        elapsed += performance.now() - t0
        if (block === null) return failed(`block ${index} did not arrive`, network24)
        blocks.push(block)
      }
      const bytes = blocks.reduce((n, b) => n + b.byteLength, 0)
      const context = receiptContext(checkId, this.o.keys.account.publicKey)
      const signed = await this.o.receipts.ask(socket, { context, core: coreKey, length: root.length, indexes: indexes.map(Number) })
      if (signed === null) return failed('the hoster gave no receipt', network24)
      const refusal = checkReceipt(signed, root, indexes, blocks, noiseKey, context)
      if (refusal !== null) return failed(refusal, network24)
      return {
        success: true,
        latencyMs: elapsed / indexes.length,
        throughput: elapsed > 0 ? bytes / (elapsed / 1000) : bytes,
        network: network24,
        receipt: { indexes, hashes: signed.hashes.map((h) => u8aToHex(h)), proofs: signed.proofs.map((p) => u8aToHex(p)), signature: u8aToHex(signed.signature) }
      }
    } finally {
      this.#probes.delete(probe)
      socket.destroy()
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Checks a receipt as the chain will, and that its hashes are those of the blocks received; a reason if not. */
function checkReceipt (r: { hashes: Uint8Array[], proofs: Uint8Array[], signature: Uint8Array }, root: CommittedRoot, indexes: bigint[], blocks: Uint8Array[], noiseKey: Uint8Array, context: Uint8Array): string | null {
  if (r.hashes.length !== indexes.length || r.proofs.length !== indexes.length) return 'the receipt does not cover the sampled blocks'
  for (const [i, index] of indexes.entries()) {
    if (!u8aEq(r.hashes[i], crypto.data(blocks[i]))) return `the receipt's hash of block ${index} is not the block served`
    try {
      if (!u8aEq(verifyHashProof(r.proofs[i], root, Number(index)), r.hashes[i])) return `the receipt's proof of block ${index} is for another hash`
    } catch (err) {
      return (err as Error).message
    }
  }
  if (!crypto.verify(receiptMessage(context, indexes, r.hashes), r.signature, noiseKey)) return 'the receipt is not signed by the hoster\'s noise key'
  return null
}

/** The IPv4 /24 of an address as (a << 16) | (b << 8) | c; 0 when unknown or not IPv4. */
export function prefix24 (host: string | undefined): number {
  if (host === undefined || !isIPv4(host)) return 0
  const [a, b, c] = host.split('.').map(Number)
  return (a << 16) | (b << 8) | c
}

async function withTimeout (p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms) })
  try {
    return await Promise.race([p.catch(() => false), timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function until (cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

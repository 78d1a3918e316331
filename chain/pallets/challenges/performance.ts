import { u8aEq } from '@polkadot/util'
import { ed25519Verify } from '@polkadot/util-crypto'
import type { DispatchCtx } from '../../frame/pallet.js'
import { challengesStorage as s } from './storage.js'
import type { PerformanceCheckValue, ReceiptValue, ReportValue, VerdictName } from './types.js'
import { closeAt, closed, nextId, positionRoot, sampleIndexes, strikePosition } from './open-close.js'
import { takeDue } from '../../frame/schedule.js'
import { Draw } from '../draw.js'
import { seed } from '../randomness.js'
import { params } from '../params.js'
import { plansStorage } from '../plans/storage.js'
import { positionsOf } from '../plans/lifecycle.js'
import { setupEvidence, setupFailed } from '../plans/setup.js'
import { changeReputation, drawMembers, isActive, provider, recordNetwork } from '../roles.js'
import { reward } from '../ratio.js'
import { ProofRefused, verifyHashProof } from '../../../hypercore/verify.js'
import { receiptContext, receiptMessage } from '../../../protocol/receipt.js'
import { Challenges } from './pallet.js'

/**
 * Opens a performance check of a position's hoster: attesters drawn from this block's seed (outsiders of
 * the plan, active, reputation at least the floor), the position's current root, and the block indexes
 * to fetch left open: they are drawn one block later (drawSamples), from a seed that did not exist when
 * the check opened. Returns the check's id, or null when no attester can be drawn.
 */
export function openCheck (ctx: DispatchCtx, plan: bigint, position: number, hoster: Uint8Array, kind: { setup: bigint | null, retry: boolean }): bigint | null {
  const info = plansStorage.Plans.get(ctx, plan)
  const root = positionRoot(ctx, plan, position)
  if (info === null || root === null) return null
  const now = ctx.block.number
  const { attestersPerCheck, attesterReputationFloor, probation, responseWindow } = params(ctx)
  const holders = positionsOf(ctx, plan, info).map(([, p]) => p.hoster).filter((h): h is Uint8Array => h !== null)
  const id = nextId(ctx)
  const attesters = drawMembers(ctx, 'Attester', attestersPerCheck, new Draw(seed.get(ctx), `datdot/perf/${id}`), (who, p) =>
    isActive(p, now, probation) && p.reputation >= attesterReputationFloor && !u8aEq(who, info.sponsor) && !holders.some((h) => u8aEq(h, who)))
  if (attesters.length === 0) return null
  // One block for the samples to be drawn, then the usual window to fetch and report.
  const deadline = now + 1 + responseWindow
  s.PerformanceChecks.set(ctx, id, { plan, position, hoster, attesters, reports: [], deadline, length: root.length, treeHash: root.treeHash, indexes: [], setup: kind.setup, retry: kind.retry })
  for (const a of attesters) s.AttesterChecks.set(ctx, a, id, deadline)
  s.Sampling.set(ctx, now + 1, id, true)
  // The position is not drawn for another check while this one (or its retry) is open.
  s.OpenPerformance.set(ctx, plan, position, id)
  closeAt(ctx, deadline, id, { type: 'Performance' })
  Challenges.emit(ctx, { type: 'PerformanceCheck', value: { id, plan, position, hoster, attesters, deadline } })
  return id
}

/** Draws the block indexes of the checks opened in the previous block, from this block's seed. */
export function drawSamples (ctx: DispatchCtx): void {
  for (const [id] of takeDue(ctx, s.Sampling, ctx.block.number)) {
    const check = s.PerformanceChecks.get(ctx, id)
    const root = check === null ? null : positionRoot(ctx, check.plan, check.position)
    if (check === null || root === null) continue
    const clip = (x: bigint) => (x < check.length ? x : check.length)
    const ranges = root.ranges.map(([a, b]): [bigint, bigint] => [clip(a), clip(b)]).filter(([a, b]) => b > a)
    const indexes = sampleIndexes(new Draw(seed.get(ctx), `datdot/perf/samples/${id}`), ranges, params(ctx).samples)
    s.PerformanceChecks.set(ctx, id, { ...check, indexes })
    Challenges.emit(ctx, { type: 'PerformanceSamples', value: { id, indexes } })
  }
}

export interface ReportArgs { check: bigint, success: boolean, latencyMs: number, throughput: bigint, network: number, receipt: ReceiptValue | null }

/** Takes an attester's report; a served one only with the hoster's valid receipt for the sampled blocks. */
export function submitReport (ctx: DispatchCtx, who: Uint8Array, args: ReportArgs): void {
  const check = s.PerformanceChecks.get(ctx, args.check)
  if (check === null) throw Challenges.errors.ChallengeNotFound()
  if (!check.attesters.some((a) => u8aEq(a, who))) throw Challenges.errors.NotAttester()
  if (check.reports.some((r) => u8aEq(r.attester, who))) throw Challenges.errors.AlreadyReported()
  if (check.indexes.length === 0) throw Challenges.errors.SamplesPending()
  if (args.success) {
    if (args.receipt === null) throw Challenges.errors.ReceiptMissing()
    verifyReceipt(ctx, args.check, who, check, args.receipt)
  }
  const report = { attester: who, success: args.success, latencyMs: args.latencyMs, throughput: args.throughput, network: args.network }
  const next = { ...check, reports: [...check.reports, report] }
  s.PerformanceChecks.set(ctx, args.check, next)
  Challenges.emit(ctx, { type: 'PerformanceReported', value: { id: args.check, attester: who } })
  if (next.reports.length === next.attesters.length) closePerformance(ctx, args.check)
}

function verifyReceipt (ctx: DispatchCtx, id: bigint, attester: Uint8Array, check: PerformanceCheckValue, receipt: ReceiptValue): void {
  const { indexes, hashes, proofs, signature } = receipt
  if (indexes.length !== check.indexes.length || indexes.some((x, i) => x !== check.indexes[i])) {
    throw Challenges.errors.ReceiptWrongIndexes(`the check sampled ${check.indexes.join(', ')}`)
  }
  if (hashes.length !== indexes.length || proofs.length !== indexes.length) throw Challenges.errors.ReceiptWrongIndexes('give one hash and one proof per sampled index')
  const noiseKey = provider(ctx, check.hoster)?.noiseKey
  if (noiseKey === undefined || !ed25519Verify(receiptMessage(receiptContext(id, attester), indexes, hashes), signature, noiseKey)) {
    throw Challenges.errors.ReceiptSignatureInvalid()
  }
  const root = { length: Number(check.length), treeHash: check.treeHash }
  indexes.forEach((index, i) => {
    let leaf: Uint8Array
    try {
      leaf = verifyHashProof(proofs[i], root, Number(index))
    } catch (err) {
      if (err instanceof ProofRefused) throw Challenges.errors.ReceiptHashInvalid(err.message)
      throw err
    }
    if (!u8aEq(leaf, hashes[i])) throw Challenges.errors.ReceiptHashInvalid(`the hash of block ${index} is not the one in the tree`)
  })
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : Math.floor((sorted[mid - 1] + sorted[mid]) / 2)
}

/** The /24 most served reports reached the hoster at (0 if none says). */
function commonNetwork (reports: ReportValue[]): number {
  const counts = new Map<number, number>()
  for (const r of reports) if (r.network !== 0) counts.set(r.network, (counts.get(r.network) ?? 0) + 1)
  let best = 0
  let most = 0
  for (const [net, n] of counts) if (n > most || (n === most && net < best)) [best, most] = [net, n]
  return best
}

/** How far a figure may be from the median (×/÷) before its attester counts as far from the majority. */
const FIGURE_TOLERANCE = 4
const AGREE = 1
const DISAGREE = -10
const SILENT = -5

/**
 * The verdict the evidence supports. A served report carries a receipt the chain verified, so one is
 * enough for Served unless a quorum (`notServedQuorum`) of NotServed reports outnumbers the served ones.
 * A silent attester is no vote either way. A hoster found not serving is contained first: a prompt re-check
 * with fresh attesters, whose own NotServed is final.
 */
export function verdictOf (check: PerformanceCheckValue, quorum: number): VerdictName {
  const served = check.reports.filter((r) => r.success).length
  const notServed = check.reports.length - served
  if (notServed >= quorum && notServed > served) return check.retry ? 'NotServed' : 'Contained'
  return served > 0 ? 'Served' : 'Inconclusive'
}

/**
 * Closes a check: the verdict, the median of the served reports' figures, reputation (attesters that agree
 * with a final verdict gain and are paid, those that contradict it lose, silent ones lose), then the
 * consequence: a setup confirmed or failed, a retry opened, a strike.
 */
export function closePerformance (ctx: DispatchCtx, id: bigint): void {
  const check = s.PerformanceChecks.get(ctx, id)
  if (check === null) return
  s.PerformanceChecks.remove(ctx, id)
  for (const a of check.attesters) s.AttesterChecks.remove(ctx, a, id)
  closed(ctx, 'Performance', check.plan, check.position, id)
  const verdict = verdictOf(check, params(ctx).notServedQuorum)
  const served = check.reports.filter((r) => r.success)
  const latencyMs = verdict === 'Served' ? median(served.map((r) => r.latencyMs)) : 0
  const throughput = verdict === 'Served' ? BigInt(median(served.map((r) => Number(r.throughput)))) : 0n
  const network = verdict === 'Served' ? commonNetwork(served) : 0

  for (const attester of check.attesters) {
    const report = check.reports.find((r) => u8aEq(r.attester, attester))
    const change = reputationChange(report, verdict, latencyMs)
    changeReputation(ctx, attester, change)
    if (change === AGREE) reward(ctx, attester, params(ctx).attesterReward, 'Attesting')
  }
  if (verdict === 'Served' && latencyMs > 0) {
    const previous = check.setup === null ? s.Latency.get(ctx, check.plan, check.position) : null
    s.Latency.set(ctx, check.plan, check.position, previous === null ? latencyMs : Math.round((3 * previous + latencyMs) / 4))
  }
  // The /24 the attesters reached the hoster at spreads a plan's hosters across networks (roles.ts).
  if (network !== 0) recordNetwork(ctx, check.hoster, new Uint8Array([(network >> 16) & 255, (network >> 8) & 255, network & 255]))
  Challenges.emit(ctx, { type: 'PerformanceResult', value: { id, plan: check.plan, position: check.position, hoster: check.hoster, verdict: { type: verdict }, latencyMs, throughput, network } })
  if (check.setup !== null) closeSetupCheck(ctx, check, verdict)
  else closeActiveCheck(ctx, check, verdict)
}

function closeSetupCheck (ctx: DispatchCtx, check: PerformanceCheckValue, verdict: VerdictName): void {
  const amendment = check.setup!
  const p = plansStorage.Positions.get(ctx, check.plan, check.position)
  if (p === null || p.state.type !== 'Setup' || p.state.value !== amendment) return
  if (verdict === 'Served') return setupEvidence(ctx, check.plan, check.position, 'retrieved')
  if (verdict === 'NotServed') return setupFailed(ctx, check.plan, check.position)
  // Contained: the one retry. Inconclusive (nobody reported): ask again, until the amendment's deadline.
  openCheck(ctx, check.plan, check.position, check.hoster, { setup: amendment, retry: verdict === 'Contained' || check.retry })
}

function closeActiveCheck (ctx: DispatchCtx, check: PerformanceCheckValue, verdict: VerdictName): void {
  const p = plansStorage.Positions.get(ctx, check.plan, check.position)
  const stillHeld = p !== null && p.state.type === 'Active' && p.hoster !== null && u8aEq(p.hoster, check.hoster)
  if (verdict === 'Contained' && stillHeld) {
    // A retry that draws no attester leaves the position drawable again, with no strike.
    if (openCheck(ctx, check.plan, check.position, check.hoster, { setup: null, retry: true }) !== null) return
  }
  if (verdict === 'NotServed') strikePosition(ctx, check.plan, check.position, check.hoster)
}

function reputationChange (report: ReportValue | undefined, verdict: VerdictName, latencyMs: number): number {
  if (report === undefined) return SILENT
  if (verdict === 'Served') {
    if (!report.success) return DISAGREE
    const far = latencyMs > 0 && (report.latencyMs > latencyMs * FIGURE_TOLERANCE || report.latencyMs * FIGURE_TOLERANCE < latencyMs)
    return far ? DISAGREE / 2 : AGREE
  }
  // A served report in a NotServed verdict carried a verified receipt: outvoted, but not a lie.
  if (verdict === 'NotServed') return report.success ? 0 : AGREE
  return 0
}

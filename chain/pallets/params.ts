import { definePallet, rootCall } from '../frame/pallet.js'
import { value } from '../frame/storage.js'
import { named, struct, u128, u32 } from '../types/ty.js'
import type { JsOf } from '../types/ty.js'
import type { StorageCtx } from '../frame/storage.js'
import { dbWeight } from '../frame/weight.js'

export const ParamsTy = struct('pallet_params::Params', {
  /** Mean number of blocks between two storage challenges of one position. */
  challengePeriod: u32,
  /** Block indexes sampled by one storage challenge. */
  samples: u32,
  /** Blocks a hoster has to answer a storage challenge. */
  responseWindow: u32,
  /** Failed challenges after which a position is taken from its hoster. */
  maxStrikes: u32,
  /** Mean number of blocks between two performance checks of one position. */
  performancePeriod: u32,
  /** Attesters asked in one performance check. */
  attestersPerCheck: u32,
  /** Blocks an amendment's providers have to set hosting up, besides the time its bytes take (setupThroughput). */
  amendmentDeadline: u32,
  /** Bytes per block a new provider fetches at least: an amendment's deadline grows by its bytes at this rate. */
  setupThroughput: u32,
  /** Ratio a hoster earns (and the sponsor pays) per MiB held per block, paid at each accepted proof. */
  ratioPerMibBlock: u128,
  /** Ratio an attester earns per report that agrees with the majority. */
  attesterReward: u128,
  /** Ratio an encoder earns per accepted encoding. */
  encoderReward: u128,
  /** Amendments (new or repair) set up per block at most, so that a block's work stays bounded. */
  maxAmendmentsPerBlock: u32,
  /** Mean number of blocks between two encoding audits of one erasure plan (docs/erasure-audit.md). */
  auditPeriod: u32,
  /** Blocks hosters have to fetch a feed's new root: challenges use the newest root recorded this long ago. */
  followWindow: u32,
  /** `NotServed` reports of one check needed to find a hoster not serving (silence is no vote). */
  notServedQuorum: u32,
  /** Attesters whose reputation fell below this are not drawn for checks. */
  attesterReputationFloor: u32,
  /** Blocks a suspended provider (struck out of a position) is not drawn; then it may be, to prove itself. */
  probation: u32,
  /** Storage proofs a provider passes that take one of its strikes away. */
  strikeDecay: u32
})
export type ParamsValue = JsOf<typeof ParamsTy>

/**
 * Defaults. A hoster that dropped a fraction f = 1% of its blocks survives a challenge of s = 8 samples with
 * probability 0.99^8, so each challenge catches it with q = 1 - 0.99^8 ≈ 7.7%. Each block challenges each
 * active position with probability p = 1/challengePeriod = 1/100 (memoryless), so a day of 14,400 six-second
 * blocks holds N ~ Binomial(14400, p) challenges and the hoster escapes them all with probability
 * E[(1-q)^N] = (1 - pq)^14400 ≈ e^-11.1 ≈ 1.5·10^-5; at worst (answering at the deadline, which keeps its
 * position out of the draw meanwhile) 3.5·10^-5: caught with ≥ 99.996% (the goal is ≥ 99.99%). The whole
 * arithmetic is in docs/challenges.md.
 */
export const DEFAULT_PARAMS: ParamsValue = {
  challengePeriod: 100,
  samples: 8,
  responseWindow: 10,
  maxStrikes: 3,
  performancePeriod: 600,
  attestersPerCheck: 3,
  amendmentDeadline: 300,
  setupThroughput: 1_048_576,
  ratioPerMibBlock: 1n,
  attesterReward: 10n,
  encoderReward: 10n,
  maxAmendmentsPerBlock: 16,
  auditPeriod: 2400,
  followWindow: 50,
  notServedQuorum: 2,
  attesterReputationFloor: 50,
  probation: 600,
  strikeDecay: 10
}

const storage = {
  Current: value({ type: ParamsTy, default: DEFAULT_PARAMS, docs: 'The parameters in force.' })
}

export const Params = definePallet({
  name: 'Params',
  storage,
  events: {
    ParamsChanged: named({ params: ParamsTy })
  },
  errors: {
    InvalidParams: 'A parameter is out of range: periods, windows, samples and counts must be at least 1.'
  },
  calls: {
    setParams: rootCall({ params: ParamsTy }, (ctx, { params }) => {
      checkParams(params)
      storage.Current.set(ctx, params)
      Params.emit(ctx, { type: 'ParamsChanged', value: { params } })
    }, 'Sets every parameter (root only, through sudo).', { weight: dbWeight(0, 1) })
  },
  genesis (ctx, spec) {
    const overrides = (spec.genesis.pallets.params ?? {}) as Partial<Record<keyof ParamsValue, number | string>>
    const params = { ...DEFAULT_PARAMS }
    for (const [k, v] of Object.entries(overrides)) {
      if (!(k in DEFAULT_PARAMS)) throw new Error(`chain spec: genesis.pallets.params.${k} is not a parameter (known: ${Object.keys(DEFAULT_PARAMS).join(', ')})`)
      const key = k as keyof ParamsValue
      ;(params as Record<string, unknown>)[key] = typeof DEFAULT_PARAMS[key] === 'bigint' ? BigInt(v) : Number(v)
    }
    checkParams(params)
    storage.Current.set(ctx, params)
  }
})

function checkParams (p: ParamsValue): void {
  const counts = [p.challengePeriod, p.samples, p.responseWindow, p.maxStrikes, p.performancePeriod, p.attestersPerCheck, p.amendmentDeadline, p.maxAmendmentsPerBlock, p.auditPeriod, p.followWindow, p.notServedQuorum, p.probation, p.strikeDecay, p.setupThroughput]
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw Params.errors.InvalidParams()
}

export function params (ctx: StorageCtx): ParamsValue {
  return storage.Current.get(ctx)
}

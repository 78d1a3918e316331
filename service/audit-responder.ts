import type { FrameSystemEventRecord } from '@polkadot/types/lookup'
import { u8aToHex } from '@polkadot/util'
import { background, RunningDuties } from './background.js'
import type { RoleDeps } from './role.js'
import { positionCore } from './position-core.js'
import { makeBlockProof } from '../hypercore/make.js'

/**
 * The hoster's side of the chain's encoding audits: for each audit that names this hoster, it gives its slot's
 * block at the audited stripe with a merkle proof against the committed slot root, made from what it holds on
 * disk (never fetched: a block it lost is a missed answer, struck like a failed storage challenge).
 */
export class AuditResponder {
  readonly #me: string
  readonly #duties = new RunningDuties()
  #closed = false

  constructor (private readonly o: RoleDeps) {
    this.#me = o.keys.account.address
  }

  /** Answers the audits still open for this hoster (after a restart). */
  async resume (): Promise<void> {
    for (const [key] of await this.o.api.query.audits.hosterAudits.entries(this.#me)) this.#answer(key.args[1].toBigInt())
  }

  async onEvents (events: FrameSystemEventRecord[]): Promise<void> {
    const { api } = this.o
    for (const { event } of events) {
      if (api.events.audits.AuditOpened.is(event) && event.data.hosters.some((h) => h.toString() === this.#me)) this.#answer(event.data.audit.toBigInt())
    }
  }

  /** Starts no more answers; one being made ends with the store. */
  async close (): Promise<void> {
    this.#closed = true
  }

  #answer (id: bigint): void {
    if (this.#closed) return
    background(this.o.log, this.#duties.once(`audit/${id}`, () => this.#respond(id)), 'answering an encoding audit', { audit: String(id) })
  }

  async #respond (id: bigint): Promise<void> {
    const { api, log, network, txq } = this.o
    const audit = (await api.query.audits.audits(id)).unwrapOr(null)
    if (audit === null) return
    const plan = audit.plan.toBigInt()
    const stripe = audit.stripe.toNumber()
    const mine = audit.positions.filter((_, j) => audit.hosters[j].toString() === this.#me).map((p) => p.toNumber())
    for (const position of mine) {
      if (this.#closed) return
      const ids = { audit: String(id), plan: String(plan), position, stripe }
      const target = await positionCore(api, plan, position)
      if (target === null || target === 'encoding') continue
      // A session of the hoster's own copy in the corestore.
      const core = network.core(target.key)
      try {
        await core.ready()
        if (!await core.has(stripe)) {
          log.error({ ...ids, core: u8aToHex(target.key) }, 'the audited slot block is missing from disk: the audit will count as failed')
          continue
        }
        const proof = await makeBlockProof(core, stripe, target.length)
        const result = await txq.submit(api.tx.audits.submitAuditShard(id, position, u8aToHex(proof)), 'submitAuditShard')
        log.info({ ...ids, ok: result.ok, error: result.error }, 'answered an encoding audit')
      } finally {
        await core.close()
      }
    }
  }
}

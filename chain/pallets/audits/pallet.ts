import { u8aEq } from '@polkadot/util'
import { definePallet, signedCall } from '../../frame/pallet.js'
import { AccountId32, bytes, named, seq, u16, u32, u64 } from '../../types/ty.js'
import { auditsStorage as s } from './storage.js'
import { AuditFault } from './types.js'
import { closeAudit, closeDue, openAudits } from './open-close.js'
import { plansStorage } from '../plans/storage.js'
import { ProofRefused, verifyBlockProof } from '../../../hypercore/verify.js'
import { dbWeight } from '../../frame/weight.js'

/**
 * Encoding audits of erasure plans: at random the chain asks a plan's hosters for the shards of one stripe,
 * checks them against the committed slot roots, checks the data shards against the feed (each carries the
 * feed's signed proof of its block), recomputes the parity, and fails the encoders of a wrong encoding.
 * docs/erasure-audit.md has the design.
 */
export const Audits = definePallet({
  name: 'Audits',
  storage: s,
  events: {
    AuditOpened: named({ audit: u64, plan: u64, stripe: u64, positions: seq(u16), hosters: seq(AccountId32), deadline: u32 }),
    AuditPassed: named({ audit: u64, plan: u64, stripe: u64 }),
    /** Not every shard came, and those that came show nothing wrong. */
    AuditInconclusive: named({ audit: u64, plan: u64, stripe: u64 }),
    AuditUnanswered: named({ audit: u64, plan: u64, position: u16, hoster: AccountId32 }),
    EncodingFailed: named({ audit: u64, plan: u64, stripe: u64, encoders: seq(AccountId32), fault: AuditFault })
  },
  errors: {
    AuditNotFound: 'No open audit with this id (it may have closed at its deadline).',
    NotAudited: 'The account is not the hoster this audit asks for this position.',
    AlreadyAnswered: 'This position has already given its shard for the audit.',
    ProofInvalid: 'The proof does not verify: the block, its merkle path or its index does not match the committed slot root.'
  },
  calls: {
    submitAuditShard: signedCall({ audit: u64, position: u16, proof: bytes }, (ctx, who, { audit: id, position, proof }) => {
      const audit = s.Audits.get(ctx, id)
      if (audit === null) throw Audits.errors.AuditNotFound()
      const j = audit.positions.indexOf(position)
      if (j < 0 || !u8aEq(audit.hosters[j], who)) throw Audits.errors.NotAudited()
      if (s.Shards.contains(ctx, id, position)) throw Audits.errors.AlreadyAnswered()
      const slot = plansStorage.Slots.get(ctx, audit.plan, position)
      if (slot === null) throw Audits.errors.AuditNotFound()
      let shard: Uint8Array
      try {
        shard = verifyBlockProof(proof, { length: Number(slot.length), treeHash: slot.treeHash }, Number(audit.stripe))
      } catch (err) {
        if (err instanceof ProofRefused) throw Audits.errors.ProofInvalid(err.message)
        throw err
      }
      s.Shards.set(ctx, id, position, shard)
      if (audit.positions.every((p) => p === position || s.Shards.contains(ctx, id, p))) closeAudit(ctx, id)
    }, 'A hoster answers an encoding audit: its slot\'s block at the audited stripe, with its hypercore merkle proof against the committed slot root.', { weight: dbWeight(5, 3, 500), free: { tag: ({ audit, position }) => `${audit}/${position}` } })
  },
  hooks: {
    onInitialize: closeDue,
    onFinalize: openAudits
  }
})

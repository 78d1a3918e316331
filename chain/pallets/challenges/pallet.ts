import { u8aEq } from '@polkadot/util'
import { definePallet, signedCall } from '../../frame/pallet.js'
import { AccountId32, bool, bytes, named, option, seq, u128, u16, u32, u64 } from '../../types/ty.js'
import { challengesStorage as s } from './storage.js'
import { Receipt, Verdict } from './types.js'
import { acceptStorage, runChecks } from './open-close.js'
import { drawSamples, submitReport } from './performance.js'
import { ProofRefused, verifyBlockProof } from '../../../hypercore/verify.js'
import { dbWeight } from '../../frame/weight.js'

export const Challenges = definePallet({
  name: 'Challenges',
  storage: s,
  events: {
    StorageChallenge: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, indexes: seq(u64), rootLength: u64, deadline: u32 }),
    StorageProofAccepted: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, paid: u128 }),
    StorageProofFailed: named({ id: u64, plan: u64, position: u16, hoster: AccountId32 }),
    PerformanceCheck: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, attesters: seq(AccountId32), deadline: u32 }),
    /** The blocks a performance check's attesters fetch, drawn from the seed of the block after it opened. */
    PerformanceSamples: named({ id: u64, indexes: seq(u64) }),
    PerformanceReported: named({ id: u64, attester: AccountId32 }),
    PerformanceResult: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, verdict: Verdict, latencyMs: u32, throughput: u64, network: u32 })
  },
  errors: {
    ChallengeNotFound: 'No open challenge with this id.',
    ChallengeExpired: 'The challenge\'s deadline has passed: it counted as failed.',
    NotChallenged: 'The challenge is addressed to another hoster.',
    WrongProofCount: 'Give exactly one proof per challenged index, in the order of the indexes.',
    ProofInvalid: 'A proof does not verify: the block, its merkle path or its index does not match the committed root.',
    NotAttester: 'The account is not an attester of this check.',
    AlreadyReported: 'The attester has already reported on this check.',
    SamplesPending: 'The check\'s blocks are drawn in the block after it opened: report after PerformanceSamples.',
    ReceiptMissing: 'A served report needs the hoster\'s signed receipt for the sampled blocks.',
    ReceiptWrongIndexes: 'The receipt is not for the blocks the check sampled (one hash and one proof per sampled index, in order).',
    ReceiptSignatureInvalid: 'The receipt is not signed by the hoster\'s registered noise key for this check and attester.',
    ReceiptHashInvalid: 'A receipt\'s block hash does not lead to the check\'s committed root with its sibling path.'
  },
  calls: {
    submitStorageProof: signedCall({ challenge: u64, proofs: seq(bytes) }, (ctx, who, { challenge: id, proofs }) => {
      const c = s.StorageChallenges.get(ctx, id)
      if (c === null) throw s.Lapsed.contains(ctx, id) ? Challenges.errors.ChallengeExpired() : Challenges.errors.ChallengeNotFound()
      if (!u8aEq(c.hoster, who)) throw Challenges.errors.NotChallenged()
      if (proofs.length !== c.indexes.length) throw Challenges.errors.WrongProofCount(`the challenge names ${c.indexes.length} indexes, ${proofs.length} proofs were given`)
      const root = { length: Number(c.length), treeHash: c.treeHash }
      proofs.forEach((proof, i) => {
        try {
          verifyBlockProof(proof, root, Number(c.indexes[i]))
        } catch (err) {
          if (err instanceof ProofRefused) throw Challenges.errors.ProofInvalid(err.message)
          throw err
        }
      })
      acceptStorage(ctx, id, c)
    }, 'Answers a storage challenge: for each challenged index, the block and its hypercore merkle proof.', { weight: ({ proofs }) => dbWeight(6, 8, 500 * proofs.length), free: { tag: ({ challenge }) => String(challenge) } }),

    submitPerformanceReport: signedCall({ check: u64, success: bool, latencyMs: u32, throughput: u64, network: u32, receipt: option(Receipt) }, (ctx, who, args) => {
      submitReport(ctx, who, args)
    }, 'An attester reports on a performance check: whether the hoster served the sampled blocks (with the hoster\'s signed receipt for them), its latency and throughput, and the /24 network it reached the hoster at.', { weight: dbWeight(6, 6, 200), free: { tag: ({ check }) => String(check) } })
  },
  hooks: {
    onInitialize (ctx) {
      runChecks(ctx)
      drawSamples(ctx)
    }
  }
})

import { u8aEq } from '@polkadot/util'
import { ed25519Verify } from '@polkadot/util-crypto'
import { definePallet, signedCall } from '../../frame/pallet.js'
import { AccountId32, bool, bytes, fixed, named, option, seq, u128, u16, u32, u64 } from '../../types/ty.js'
import { challengesStorage as s } from './storage.js'
import { Verdict } from './types.js'
import { acceptStorage, allReported, closePerformance, runChecks } from './open-close.js'
import { provider } from '../roles.js'
import { ProofRefused, verifyBlockProof } from '../../../hypercore/verify.js'
import { contactMessage } from '../../../protocol/contact.js'

export const Challenges = definePallet({
  name: 'Challenges',
  storage: s,
  events: {
    StorageChallenge: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, indexes: seq(u64), rootLength: u64, deadline: u32 }),
    StorageProofAccepted: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, paid: u128 }),
    StorageProofFailed: named({ id: u64, plan: u64, position: u16, hoster: AccountId32 }),
    PerformanceCheck: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, attesters: seq(AccountId32), deadline: u32 }),
    PerformanceReported: named({ id: u64, attester: AccountId32 }),
    PerformanceResult: named({ id: u64, plan: u64, position: u16, hoster: AccountId32, verdict: Verdict, latencyMs: u32, throughput: u64 })
  },
  errors: {
    ChallengeNotFound: 'No open challenge with this id.',
    ChallengeExpired: 'The challenge\'s deadline has passed: it counted as failed.',
    NotChallenged: 'The challenge is addressed to another hoster.',
    WrongProofCount: 'Give exactly one proof per challenged index, in the order of the indexes.',
    ProofInvalid: 'A proof does not verify: the block, its merkle path or its index does not match the committed root.',
    NotAttester: 'The account is not an attester of this check.',
    AlreadyReported: 'The attester has already reported on this check.',
    InvalidContactProof: 'A successful report needs the hoster\'s signature of contact, made with its noise key.'
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
    }, 'Answers a storage challenge: for each challenged index, the block and its hypercore merkle proof.'),

    submitPerformanceReport: signedCall({ check: u64, success: bool, latencyMs: u32, throughput: u64, contact: option(fixed(64)) }, (ctx, who, args) => {
      const check = s.PerformanceChecks.get(ctx, args.check)
      if (check === null) throw Challenges.errors.ChallengeNotFound()
      if (!check.attesters.some((a) => u8aEq(a, who))) throw Challenges.errors.NotAttester()
      if (check.reports.some((r) => u8aEq(r.attester, who))) throw Challenges.errors.AlreadyReported()
      if (args.success) {
        const noiseKey = provider(ctx, check.hoster)?.noiseKey
        if (args.contact === null || noiseKey === undefined || !ed25519Verify(contactMessage(args.check, who), args.contact, noiseKey)) {
          throw Challenges.errors.InvalidContactProof()
        }
      }
      const next = { ...check, reports: [...check.reports, { attester: who, success: args.success, latencyMs: args.latencyMs, throughput: args.throughput }] }
      s.PerformanceChecks.set(ctx, args.check, next)
      Challenges.emit(ctx, { type: 'PerformanceReported', value: { id: args.check, attester: who } })
      if (allReported(next)) closePerformance(ctx, args.check)
    }, 'An attester reports on a performance check: whether the hoster served, its latency and throughput, and the hoster\'s proof of contact.')
  },
  hooks: {
    onInitialize: runChecks
  }
})

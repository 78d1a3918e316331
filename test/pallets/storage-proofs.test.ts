import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { devSpecWith, eventsOf, inBlock } from '../helpers/blocks.js'
import { makeFeed, proofsFor } from '../helpers/hypercore.js'
import { registerProviders, testProvider } from '../helpers/providers.js'
import { hostedPlan, untilEvent } from '../helpers/plan.js'

const PARAMS = { challengePeriod: 3, samples: 4, responseWindow: 4, maxStrikes: 2, performancePeriod: 100000, attestersPerCheck: 1, amendmentDeadline: 50, ratioPerMibBlock: '1000000' }

test('storage challenges: valid proofs pay the hoster, bad and late ones are refused, silence strikes the hoster out', async (t) => {
  const spec = devSpecWith(t, (s) => { s.genesis.pallets.params = PARAMS })
  const chain = await startChainProcess(t, { args: ['--chain', spec] })
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const hosters = [0, 1, 2, 3].map((i) => testProvider(`Hoster${i}`))
  const attesters = [testProvider('Attester0')]
  await registerProviders(api, hosters, attesters)
  const core = await makeFeed(t, 64)
  const other = await makeFeed(t, 64, 1024, 7)
  const [held] = await hostedPlan(api, { core, feedId: 0, planId: 0, sponsor: alice, replicas: 2, providers: [...hosters, ...attesters] })
  const me = held.hoster.account.address
  const challengeFor = () => untilEvent(api, (events) => eventsOf<any>(events, 'challenges', 'StorageChallenge').find((c) => c.hoster.toString() === me))
  const ratio = async (who: string) => (await api.query.system.account(who)).data.free.toBigInt()

  // A valid answer: the hoster earns what the sponsor pays.
  let challenge = await challengeFor()
  let indexes: number[] = challenge.indexes.map((i: { toNumber (): number }) => i.toNumber())
  const length = challenge.rootLength.toNumber()
  assert.ok(indexes.length > 0 && indexes.every((i) => i < 64))
  const [hosterBefore, sponsorBefore] = [await ratio(me), await ratio(alice.address)]
  const [accepted] = await inBlock(api, [[api.tx.challenges.submitStorageProof(challenge.id, await proofsFor(core, indexes, length)), held.hoster.account]])
  assert.equal(accepted.result, 'ok')
  const [paidEvent] = eventsOf<any>(accepted.events, 'challenges', 'StorageProofAccepted')
  const paid = paidEvent.paid.toBigInt()
  assert.ok(paid > 0n, 'hosting is paid')
  assert.equal(await ratio(me), hosterBefore + paid)
  assert.equal(await ratio(alice.address), sponsorBefore - paid)

  // Wrong index, tampered block, another feed's block: each refused, the challenge stays open.
  challenge = await challengeFor()
  indexes = challenge.indexes.map((i: { toNumber (): number }) => i.toNumber())
  const good = await proofsFor(core, indexes, length)
  const shifted = await proofsFor(core, indexes.map((i) => (i + 1) % 64), length)
  const tampered = good.map((p) => { const b = hexToU8a(p); b[200] ^= 0xff; return u8aToHex(b) })
  const foreign = await proofsFor(other, indexes, length)
  const refused = await inBlock(api, [shifted, tampered, foreign].map((proofs) =>
    [api.tx.challenges.submitStorageProof(challenge.id, proofs), held.hoster.account]))
  assert.deepEqual(refused.map((o) => o.result), ['challenges.ProofInvalid', 'challenges.ProofInvalid', 'challenges.ProofInvalid'])

  // Silence: the challenge fails at its deadline, and a late proof is told so.
  const failedId = challenge.id.toNumber()
  await untilEvent(api, (events) => eventsOf<any>(events, 'challenges', 'StorageProofFailed').find((f) => f.id.toNumber() === failedId))
  const [late] = await inBlock(api, [[api.tx.challenges.submitStorageProof(failedId, good), held.hoster.account]])
  assert.equal(late.result, 'challenges.ChallengeExpired')

  // maxStrikes (2) failures in a row: the position is freed and a replacement amendment follows.
  const freed = await untilEvent(api, (events) => eventsOf<any>(events, 'plans', 'PositionFreed').find((f) => f.hoster.toString() === me))
  assert.equal(freed.position.toNumber(), held.position)
  const replacement = await untilEvent(api, (events) => eventsOf<any>(events, 'plans', 'NewAmendment').find((a) => a.plan.toNumber() === 0))
  assert.deepEqual(replacement.positions.map((p: { toNumber (): number }) => p.toNumber()), [held.position])
  const newHoster = replacement.hosters[0].toString()
  assert.notEqual(newHoster, me, 'a hoster that just failed the plan is not drawn for it again')
  assert.ok((await api.query.plans.struckFrom(0, me)).isSome)
  assert.notEqual(newHoster, alice.address)
  assert.ok((await api.query.roles.providers(me)).unwrap().strikes.toNumber() >= 2, 'the hoster carries its strikes')
})

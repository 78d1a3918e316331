// The hosting queue must not stall: plans that cannot be served now may not hold up those behind them, and
// a position freed from its hoster is always queued for a new one, however many new plans wait.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type Hypercore from 'hypercore'
import { u8aToHex } from '@polkadot/util'
import { testProvider } from '../helpers/providers.js'
import type { TestProvider } from '../helpers/providers.js'
import { Net, named, setup } from '../helpers/memory-net.js'
import { plansStorage } from '../../chain/pallets/plans/storage.js'
import { MAX_QUEUE } from '../../chain/pallets/plans/storage.js'

// Every active position is challenged each block it has none open; one missed answer frees it.
const PARAMS = { challengePeriod: 1, performancePeriod: 1_000_000, attestersPerCheck: 1, amendmentDeadline: 50, maxStrikes: 1, responseWindow: 2, samples: 2 }
/** Plans wanting more replicas than the network has hosters: they can never be served. */
const HUGE = 32

const hosters = named('Hoster', 4)
const providers: TestProvider[] = [...hosters, ...named('Attester', 1)]

/**
 * A network of four hosters with one single-replica plan (id 0, of feed 1) hosted, whose hoster then stops
 * answering; `before` runs first, with the plan just active. Returns the net and the block its position was freed.
 */
async function losePosition (cores: Hypercore[], net: Net, before: (net: Net) => void): Promise<number> {
  net.request(1, 1).blocks()
  await net.activateAll(cores, providers)
  assert.equal(plansStorage.Positions.get(net.chain.ctx(), 0n, 0)!.state.type, 'Active', 'plan 0 is hosted')
  before(net)
  for (let b = 0; b < 10 && net.chain.seen('plans', 'PositionFreed').length === 0; b++) net.blocks()
  const freed = net.chain.eventLog.find((e) => e.name === 'plans.PositionFreed')
  assert.ok(freed !== undefined, 'the silent hoster lost its position')
  return freed.block
}

function repairedWithin (net: Net, blocks: number): boolean {
  for (let b = 0; b < blocks; b++) {
    if (net.chain.seen('plans', 'NewAmendment').filter((a) => a.plan.toNumber() === 0).length > 1) return true
    net.blocks()
  }
  return false
}

test('a repair is served at once behind 16 plans that cannot be served; a new plan behind them within a few blocks', async (t) => {
  const { spec, cores, heads } = await setup(t, 3)
  const net = new Net(spec, 'head-of-line', PARAMS).hosters(hosters).attesters(providers.slice(4)).publish(heads).blocks()
  await losePosition(cores, net, (n) => {
    for (let i = 0; i < 16; i++) n.request(0, HUGE)
    n.blocks()
  })
  assert.ok(repairedWithin(net, 3), 'the repair got new hosters')

  // A servable new plan queued behind the 16 that cannot be served, while the supply changes every block (so
  // that the 16 are due again every block).
  const late = plansStorage.NextPlanId.get(net.chain.ctx())
  net.request(2, 1)
  let served = false
  for (let b = 0; b < 10 && !served; b++) {
    net.call(net.tx.roles.registerHoster(u8aToHex(hosters[3].noise.publicKey), (1n << 30n) + BigInt(b + 1)), hosters[3]).blocks()
    served = net.chain.seen('plans', 'NewAmendment').some((a) => a.plan.toBigInt() === late)
  }
  assert.ok(served, 'the new plan was served although 16 plans before it cannot be')
  const waiting = plansStorage.Waiting.get(net.chain.ctx(), 1n)
  assert.equal(waiting?.reason.type, 'Hosters', 'a plan that cannot be served says it waits for hosters')
  assert.equal(net.chain.seen('plans', 'PlanWaiting').filter((w) => w.plan.toNumber() === 1).length, 1, 'and says so once')
})

test('a freed position is queued and served even when the queue of new plans is full', async (t) => {
  const { spec, cores, heads } = await setup(t, 2)
  const nobody = testProvider('Nobody')
  const net = new Net(spec, 'full-queue', PARAMS).hosters(hosters).attesters(providers.slice(4)).publish(heads).blocks()
  await losePosition(cores, net, (n) => {
    // A zero-ratio account fills the queue with plans that cannot be served.
    for (let i = 0; i < MAX_QUEUE; i++) n.request(0, HUGE, nobody)
    n.blocks()
    assert.equal(plansStorage.Queue.get(n.chain.ctx()).length, MAX_QUEUE, 'the queue of new plans is full')
  })
  assert.ok(repairedWithin(net, 5), 'the freed position got a new hoster')
})

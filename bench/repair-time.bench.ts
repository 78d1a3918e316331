// Time from a hoster's death to a re-hosted position, less the strike window (death to PositionFreed), for a
// 64 MiB Replicate{2} feed whose publisher is offline, so the new hoster fetches from the other replica (ours),
// vs. a plain hypercore copy of the same feed between two processes (reference), in the same run.
import { performance } from 'node:perf_hooks'
import { rmSync } from 'node:fs'
import { startServiceProcess } from '../test/helpers/network.js'
import { connectApi } from '../test/helpers/api.js'
import { benchNetwork, plainReplication } from './network.js'
import { result } from './result.js'

const BLOCKS = 1024
const BLOCK_TIME_MS = 500
// Strikes come fast (the strike window is not what is measured); no performance checks besides setup's.
const PARAMS = { challengePeriod: 4, maxStrikes: 1, responseWindow: 10, performancePeriod: 1_000_000, amendmentDeadline: 60 }

export default async function repairTime () {
  const net = await benchNetwork({ blocks: BLOCKS, blockTimeMs: BLOCK_TIME_MS, params: PARAMS })
  try {
    const { t, common, pub, core } = net
    const reference = await plainReplication(core, common.bootstrap, 1)
    const api = await connectApi(t, common.chain)
    const hosters = new Map(await Promise.all(Array.from({ length: 3 }, async (_, i) => {
      const s = await startServiceProcess(t, { ...common, account: `//BenchHoster${i}`, roles: 'hoster', capacity: '1GiB' })
      return [s.address, s] as const
    })))
    await startServiceProcess(t, { ...common, account: '//BenchAttester', roles: 'attester' })
    const { planId } = await pub.publisher.publish(core, { replicas: 2 })
    await pub.publisher.hosted(planId, 2)
    await pub.close()

    const position = async () => (await api.query.plans.positions(planId, 0)).unwrap()
    const victim = (await position()).hoster.unwrap().toString()
    const dead = performance.now()
    await hosters.get(victim)!.kill('SIGKILL')
    rmSync(hosters.get(victim)!.storage, { recursive: true, force: true })
    let freed = 0
    for (;;) {
      const p = await position()
      const hoster = p.hoster.unwrapOr(null)?.toString() ?? null
      if (freed === 0 && hoster !== victim) freed = performance.now()
      if (freed !== 0 && p.state.isActive && hoster !== null && hoster !== victim) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const ours = (performance.now() - freed) / 1000
    return result({
      name: 'repair-time',
      ours,
      reference,
      goal: 1.3,
      goalIs: 'max',
      unit: 's',
      what: `64 MiB Replicate{2}, publisher offline: a SIGKILLed, wiped hoster's position freed to the new hoster's HostingStarted (the strike window, ${((freed - dead) / 1000).toFixed(1)} s here, left out; blocks every ${BLOCK_TIME_MS} ms) vs. a plain hypercore reader process copying the feed from another`
    })
  } finally {
    await net.close()
  }
}

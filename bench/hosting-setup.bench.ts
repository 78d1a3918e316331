// Time from asking for Replicate{3} of a 256 MiB feed to the third HostingStarted (ours) vs. plain hypercore
// replication of the same feed to three plain readers (reference), in the same run. Hosters, the attester
// and the readers each run in their own process; the publisher seeds from this one.
import { startServiceProcess } from '../test/helpers/network.js'
import { benchNetwork, plainReplication, timedSetup } from './network.js'
import { result } from './result.js'

const BLOCKS = 4096
const BLOCK_TIME_MS = 1000

export default async function hostingSetup () {
  const net = await benchNetwork({ blocks: BLOCKS, blockTimeMs: BLOCK_TIME_MS })
  try {
    const { t, common, pub, core } = net
    const reference = await plainReplication(core, common.bootstrap, 3)
    await Promise.all([0, 1, 2].map((i) => startServiceProcess(t, { ...common, account: `//BenchHoster${i}`, roles: 'hoster', capacity: '1GiB' })))
    await startServiceProcess(t, { ...common, account: '//BenchAttester', roles: 'attester' })
    const ours = await timedSetup(pub, core, { replicas: 3 })
    return result({
      name: 'hosting-setup',
      ours,
      reference,
      goal: 1.3,
      goalIs: 'max',
      unit: 's',
      what: `256 MiB feed: requestHosting Replicate{3} to the third HostingStarted (3 hoster processes, an attester, blocks every ${BLOCK_TIME_MS} ms) vs. 3 plain hypercore readers (own processes) downloading it from the publisher`
    })
  } finally {
    await net.close()
  }
}

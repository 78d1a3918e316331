// Time from asking for Erasure{4,2} of a 256 MiB feed to its sixth HostingStarted (ours: two encoders fetch
// and code the feed, six hosters fetch a slot each) vs. a Replicate{3} setup of the same feed (reference), in
// the same run. Every provider runs in its own process; the publisher seeds from this one.
import { startServiceProcess } from '../test/helpers/network.js'
import { benchNetwork, timedSetup } from './network.js'
import { result } from './result.js'

const BLOCKS = 4096
const BLOCK_TIME_MS = 1000

export default async function erasureSetup () {
  const net = await benchNetwork({ blocks: BLOCKS, blockTimeMs: BLOCK_TIME_MS })
  try {
    const { t, common, pub, core } = net
    // One account holds one position per feed: the erasure plan's hosters are others than the replicas'.
    const hosters = (from: number, n: number) => Promise.all(Array.from({ length: n }, (_, i) => startServiceProcess(t, { ...common, account: `//BenchHoster${from + i}`, roles: 'hoster', capacity: '1GiB' })))
    await hosters(0, 3)
    await startServiceProcess(t, { ...common, account: '//BenchAttester', roles: 'attester' })
    const reference = await timedSetup(pub, core, { replicas: 3 })
    await hosters(3, 6)
    await Promise.all([0, 1].map((i) => startServiceProcess(t, { ...common, account: `//BenchEncoder${i}`, roles: 'encoder' })))
    const ours = await timedSetup(pub, core, { erasure: { k: 4, m: 2 } })
    return result({
      name: 'erasure-setup',
      ours,
      reference,
      goal: 1.5,
      goalIs: 'max',
      unit: 's',
      what: `256 MiB feed: requestHosting Erasure{4,2} to the sixth HostingStarted (2 encoder and 6 hoster processes) vs. Replicate{3} of the same feed to the third (3 hosters), one attester, blocks every ${BLOCK_TIME_MS} ms`
    })
  } finally {
    await net.close()
  }
}

import type { TestContext } from 'node:test'
import { startServiceProcess } from './network.js'
import type { ServiceProcess } from './network.js'
import { startLoopbackNetwork } from './loopback-network.js'
import type { FAST_PARAMS, LoopbackNetwork } from './loopback-network.js'

export interface HostingNetwork extends LoopbackNetwork {
  /** The hoster processes by account address (a test that restarts one puts the new process here). */
  readonly hosters: Map<string, ServiceProcess>
}

/** A loopback network with `hosters` hoster processes (`//Hoster<i>`, metrics on) and `attesters` attester processes. */
export async function startHostingNetwork (t: TestContext, o: { hosters: number, attesters: number, params?: Partial<typeof FAST_PARAMS> }): Promise<HostingNetwork> {
  const net = await startLoopbackNetwork(t, o.params)
  const hosters = new Map<string, ServiceProcess>()
  await Promise.all([
    ...Array.from({ length: o.hosters }, async (_, i) => {
      const s = await startServiceProcess(t, { ...net.common, account: `//Hoster${i}`, roles: 'hoster', metrics: true })
      hosters.set(s.address, s)
    }),
    ...Array.from({ length: o.attesters }, async (_, i) => await startServiceProcess(t, { ...net.common, account: `//Attester${i}`, roles: 'attester' }))
  ])
  return { ...net, hosters }
}

import type { ApiPromise } from '@polkadot/api'
import type { FrameSystemEventRecord } from '@polkadot/types/lookup'

export interface EventLog {
  readonly events: Array<{ block: number, record: FrameSystemEventRecord }>
  /** The data of every event seen so far of that pallet and name, optionally filtered. */
  seen (section: string, method: string, where?: (data: any) => boolean): any[]
}

/** The sections DATDOT_TEST_EVENTS shows. */
const SHOWN = ['plans', 'challenges', 'roles']

/** Collects the events of every finalized block, for the steps of a test to wait on. */
export async function eventLog (api: ApiPromise): Promise<EventLog> {
  const events: Array<{ block: number, record: FrameSystemEventRecord }> = []
  await api.rpc.chain.subscribeFinalizedHeads((header) => {
    const read = async () => {
      const records = await (await api.at(header.hash)).query.system.events()
      for (const record of records) events.push({ block: header.number.toNumber(), record })
      // DATDOT_TEST_EVENTS=1 shows what the chain did as it happens (README).
      if (process.env.DATDOT_TEST_EVENTS !== undefined) {
        for (const { event } of records) {
          if (SHOWN.includes(event.section)) console.error(header.number.toNumber(), `${event.section}.${event.method}`, JSON.stringify(event.data.toHuman()).slice(0, 200))
        }
      }
    }
    // The last heads may arrive while the test tears the chain down; a read lost earlier fails the step
    // waiting for its events.
    read().catch(() => {})
  })
  return {
    events,
    seen: (section, method, where = () => true) => events
      .filter(({ record }) => record.event.section === section && record.event.method === method)
      .map(({ record }) => record.event.data as any)
      .filter(where)
  }
}

import type { Command } from 'commander'
import { addAccountOptions, resolveKeys } from '../account.js'
import type { AccountFlags } from '../account.js'
import { chainOption } from '../connection-options.js'
import { connectToChain, expectSuccess } from '../chain-client.js'
import { CliError } from '../errors.js'
import { parsePlanId } from '../plan-id.js'
import { bytes, count, fields, table } from '../table.js'

interface UnpublishFlags extends AccountFlags {
  chain: string
  json?: true
}

/** Adds `unpublish`: ends a plan, which frees its hosters' capacity. */
export function addUnpublishCommand (program: Command): void {
  const unpublish = program.command('unpublish')
    .description('end a plan: its hosters are released (they drop the data after their grace period) and its backing is returned')
    .argument('<plan>', 'id of the plan, as datdot publish printed it (3 or plan:3)', parsePlanId)
    .addOption(chainOption())
    .option('--json', 'print one JSON object instead of text')
    .addHelpText('after', `
Only the plan's sponsor (the account that published it) may end it.

Example:
  datdot unpublish 3 --account //Alice --dev`)
    .action(unpublishCommand)
  addAccountOptions(unpublish)
}

async function unpublishCommand (planId: bigint, flags: UnpublishFlags): Promise<void> {
  const keys = await resolveKeys(flags)
  const api = await connectToChain(flags.chain)
  const { TxQueue } = await import('../../service/tx-queue.js')
  const txq = new TxQueue(api, keys.account)
  try {
    if ((await api.query.plans.plans(planId)).isNone) throw CliError.PLAN_NOT_FOUND(planId)
    const call = api.tx.plans.unpublish(planId)
    const { blockHash } = expectSuccess(call, await txq.submit(call, 'unpublish'))
    // The chain records no event per released position: what was freed is the plan as it stood just before.
    const before = await api.at((await api.rpc.chain.getHeader(blockHash)).parentHash)
    const plan = (await before.query.plans.plans(planId)).unwrap()
    const positions = await Promise.all(Array.from({ length: plan.positions.toNumber() }, async (_, i) => ({ position: i, p: (await before.query.plans.positions(planId, i)).unwrapOr(null) })))
    const freed = positions.flatMap(({ position, p }) => p === null || p.hoster.isNone ? [] : [{ position, hoster: p.hoster.unwrap().toString(), bytes: p.bytes.toNumber() }])
    const result = { plan: Number(planId), feed: plan.feed.toNumber(), block: blockHash, freed, bytes: freed.reduce((sum, f) => sum + f.bytes, 0), backingReturned: plan.backing.toString() }
    process.stdout.write(flags.json === true ? `${JSON.stringify(result, null, 2)}\n` : render(result))
  } finally {
    txq.close()
    await api.disconnect()
  }
}

function render (r: { plan: number, feed: number, freed: Array<{ position: number, hoster: string, bytes: number }>, bytes: number, backingReturned: string }): string {
  const head = fields([
    ['plan', `${r.plan} ended (feed ${r.feed})`],
    ['freed', `${count(r.freed.length, 'position')}, ${bytes(r.bytes)} of hosters' capacity`],
    ...(r.backingReturned === '0' ? [] : [['returned', `${r.backingReturned} ratio of backing`] as const])
  ])
  if (r.freed.length === 0) return `${head}\n`
  return `${head}\n\n${table(['POS', 'HOSTER', 'BYTES'], r.freed.map((f) => [String(f.position), f.hoster, bytes(f.bytes)]))}\n`
}

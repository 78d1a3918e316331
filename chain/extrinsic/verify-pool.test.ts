import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { type SignatureJob, VerifyPool } from './verify-pool.js'

const DYING = new URL('../../test/fixtures/dying-verify-worker.js', import.meta.url)

async function jobs (count: number): Promise<SignatureJob[]> {
  await cryptoWaitReady()
  const pair = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')
  return Array.from({ length: count }, (_, i) => {
    const message = Uint8Array.of(1, i)
    return { scheme: 'sr25519', signature: pair.sign(message), message, publicKey: pair.publicKey }
  })
}

for (const [workers, where] of [[1, 'first'], [1, 'last'], [2, 'first'], [2, 'in the middle']] as const) {
  test(`a verifier worker that dies is replaced: the jobs it held are verified again, only the job that kills it fails (${workers} workers, the job ${where})`, async (t) => {
    const pool = new VerifyPool(workers, DYING)
    t.after(() => pool.close())
    const good = await jobs(10)
    const poison: SignatureJob = { ...good[0], message: Uint8Array.of(0xff) }
    const at = where === 'first' ? 0 : where === 'last' ? 9 : 4
    const batch = [...good.slice(0, 9)]
    batch.splice(at, 0, poison)
    // Sent in one turn: one batch per worker, so the poison job takes others down with its worker.
    const results = await Promise.allSettled(batch.map((job) => pool.verify(job)))
    const outcome = results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))
    assert.deepEqual(outcome.filter((_, i) => i !== at), Array(9).fill(true))
    assert.match(String(outcome[at]), /^signature verification failed: .*exited with code 70/)
    // The pool still works, with its workers replaced.
    assert.equal(await pool.verify(good[9]), true)
    assert.equal(await pool.verify({ ...good[9], message: Uint8Array.of(9) }), false)
  })
}

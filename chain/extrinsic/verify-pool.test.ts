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

test('a verifier worker that dies is replaced: the jobs it held are verified again, and only the job that kills it fails', async (t) => {
  const pool = new VerifyPool(1, DYING)
  t.after(() => pool.close())
  const good = await jobs(10)
  const poison: SignatureJob = { ...good[0], message: Uint8Array.of(0xff) }
  // One batch: the poison job takes the other nine down with the worker.
  const results = await Promise.allSettled([...good.slice(0, 9), poison].map((job) => pool.verify(job)))
  assert.deepEqual(results.slice(0, 9).map((r) => r.status === 'fulfilled' && r.value), Array(9).fill(true))
  assert.equal(results[9].status, 'rejected')
  assert.match((results[9] as PromiseRejectedResult).reason.message, /signature verification failed: .*exited with code 70/)
  // The pool still works, with its worker replaced twice.
  assert.equal(await pool.verify(good[9]), true)
  assert.equal(await pool.verify({ ...good[9], message: Uint8Array.of(9) }), false)
})

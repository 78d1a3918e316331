// Verifies batches of signatures off the main thread. Plain JS so it needs no TypeScript loader in the worker.
import { parentPort } from 'node:worker_threads'
import { ed25519Verify, sr25519Verify, waitReady } from '@polkadot/wasm-crypto'

await waitReady()
parentPort.on('message', ({ id, jobs }) => {
  const results = jobs.map(({ scheme, signature, message, publicKey }) =>
    scheme === 'sr25519' ? sr25519Verify(signature, message, publicKey) : ed25519Verify(signature, message, publicKey))
  parentPort.postMessage({ id, results })
})

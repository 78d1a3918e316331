import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'

export interface SignatureJob {
  readonly scheme: 'sr25519' | 'ed25519'
  readonly signature: Uint8Array
  readonly message: Uint8Array
  readonly publicKey: Uint8Array
}

/** Jobs per message to a worker: large enough to share the messaging cost, small enough to start early. */
const BATCH = 64

interface Pending { readonly job: SignatureJob, resolve (ok: boolean): void, reject (err: Error): void }

/**
 * Signature verification on worker threads: it is most of the cost of accepting a transaction, and off the
 * main thread it runs beside decoding, block execution and RPC. Jobs that arrive in the same turn of the
 * event loop go to a worker in one message, so the messaging cost is shared.
 */
export class VerifyPool {
  readonly #workers: Worker[]
  readonly #inFlight = new Map<number, Pending[]>()
  readonly #load: number[]
  #queue: Pending[] = []
  #nextId = 0
  #flushScheduled = false
  #closed = false

  constructor (size = Math.max(1, availableParallelism() - 1)) {
    this.#workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./verify-worker.js', import.meta.url))
      worker.on('message', ({ id, results }: { id: number, results: boolean[] }) => this.#done(worker, id, results))
      worker.on('error', (err) => this.#fail(err))
      worker.unref()
      return worker
    })
    this.#load = this.#workers.map(() => 0)
  }

  verify (job: SignatureJob): Promise<boolean> {
    if (this.#closed) return Promise.reject(new Error('the signature verifier is closed'))
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject })
      // A full batch goes at once, so that workers verify while this thread decodes the next ones.
      if (this.#queue.length >= BATCH) this.#flush()
      else if (!this.#flushScheduled) {
        this.#flushScheduled = true
        setImmediate(() => {
          this.#flushScheduled = false
          this.#flush()
        })
      }
    })
  }

  async close (): Promise<void> {
    this.#closed = true
    await Promise.all(this.#workers.map((w) => w.terminate()))
    this.#fail(new Error('the signature verifier was closed'))
  }

  #flush (): void {
    if (this.#queue.length === 0) return
    const queue = this.#queue
    this.#queue = []
    // Split the batch between the workers, least loaded first.
    const shares = this.#workers.length
    const per = Math.ceil(queue.length / shares)
    for (let i = 0; i < queue.length; i += per) {
      const w = this.#load.indexOf(Math.min(...this.#load))
      const batch = queue.slice(i, i + per)
      const id = this.#nextId++
      this.#inFlight.set(id, batch)
      this.#load[w] += batch.length
      // A worker with jobs keeps the process alive; an idle one does not.
      this.#workers[w].ref()
      this.#workers[w].postMessage({ id, jobs: batch.map((p) => p.job) })
    }
  }

  #done (worker: Worker, id: number, results: boolean[]): void {
    const batch = this.#inFlight.get(id)
    if (!batch) return
    this.#inFlight.delete(id)
    const w = this.#workers.indexOf(worker)
    this.#load[w] -= batch.length
    if (this.#load[w] === 0) worker.unref()
    batch.forEach((p, i) => p.resolve(results[i]))
  }

  #fail (err: Error): void {
    for (const batch of this.#inFlight.values()) for (const p of batch) p.reject(err)
    this.#inFlight.clear()
    for (const p of this.#queue) p.reject(err)
    this.#queue = []
  }
}

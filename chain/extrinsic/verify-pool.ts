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
/** Workers a job may kill, alone in its batch, before it is rejected as the cause. */
const MAX_TRIES = 2
/** A worker that dies holding no job (it failed to start) is replaced after this, not in a tight loop. */
const RESPAWN_IDLE_MS = 1000

interface Pending {
  readonly job: SignatureJob
  /** Workers that died verifying this job alone. */
  tries: number
  resolve (ok: boolean): void
  reject (err: Error): void
}

interface Thread {
  readonly worker: Worker
  /** Jobs sent to it and not answered yet. */
  load: number
  readonly batches: Set<number>
}

/**
 * Signature verification on worker threads: it is most of the cost of accepting a transaction, and off the
 * main thread it runs beside decoding, block execution and RPC. Jobs that arrive in the same turn of the
 * event loop go to a worker in one message, so the messaging cost is shared. A worker that dies is replaced
 * and its jobs are sent again. A worker handles its messages in order, so the batch it died on is its oldest
 * unanswered one: that batch is split into single jobs, and a job that kills a worker alone, twice, is refused.
 */
export class VerifyPool {
  /** null while a dead worker's replacement waits. */
  readonly #threads: Array<Thread | null>
  readonly #inFlight = new Map<number, Pending[]>()
  #queue: Pending[] = []
  #nextId = 0
  #flushScheduled = false
  #closed = false

  /** `script` is the worker's module: verify-worker.js, or one that wraps it. */
  constructor (size = Math.max(1, availableParallelism() - 1), readonly script = new URL('./verify-worker.js', import.meta.url)) {
    this.#threads = Array.from({ length: size }, (_, i) => this.#spawn(i))
  }

  verify (job: SignatureJob): Promise<boolean> {
    if (this.#closed) return Promise.reject(new Error('the signature verifier is closed'))
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, tries: 0, resolve, reject })
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
    await Promise.all(this.#threads.map((t) => t?.worker.terminate()))
    const err = new Error('the signature verifier was closed')
    for (const batch of this.#inFlight.values()) for (const p of batch) p.reject(err)
    this.#inFlight.clear()
    for (const p of this.#queue) p.reject(err)
    this.#queue = []
  }

  #spawn (index: number): Thread {
    const worker = new Worker(this.script)
    const thread: Thread = { worker, load: 0, batches: new Set() }
    worker.on('message', ({ id, results }: { id: number, results: boolean[] }) => this.#done(thread, id, results))
    let failure: Error | undefined
    worker.on('error', (err) => { failure = err })
    worker.on('exit', (code) => {
      if (!this.#closed) this.#replace(index, failure ?? new Error(`a signature verifier worker exited with code ${code}`))
    })
    worker.unref()
    return thread
  }

  /** Puts a new worker in place of a dead one and sends the jobs it held again. */
  #replace (index: number, cause: Error): void {
    const dead = this.#threads[index]
    if (dead === null) return
    const [culprit, ...innocent] = [...dead.batches].sort((a, b) => a - b).map((id) => {
      const batch = this.#inFlight.get(id) ?? []
      this.#inFlight.delete(id)
      return batch
    })
    const respawn = (): void => {
      if (this.#closed) return
      this.#threads[index] = this.#spawn(index)
      this.#flush()
    }
    if (culprit === undefined) {
      this.#threads[index] = null
      setTimeout(respawn, RESPAWN_IDLE_MS).unref()
      return
    }
    respawn()
    // Innocent jobs first, so that they are done before a poisonous one can kill the next worker.
    for (const batch of innocent) this.#send(batch)
    if (culprit.length > 1) {
      for (const p of culprit) this.#send([p])
      return
    }
    const [p] = culprit
    if (++p.tries >= MAX_TRIES) p.reject(new Error(`signature verification failed: ${cause.message}`))
    else this.#send([p])
  }

  #flush (): void {
    if (this.#queue.length === 0) return
    const queue = this.#queue
    this.#queue = []
    // Split the batch between the workers.
    const per = Math.ceil(queue.length / this.#threads.length)
    for (let i = 0; i < queue.length; i += per) this.#send(queue.slice(i, i + per))
  }

  /** Sends a batch to the least loaded worker; with none alive it waits in the queue for a replacement. */
  #send (batch: Pending[]): void {
    const alive = this.#threads.filter((t): t is Thread => t !== null)
    if (alive.length === 0) {
      this.#queue.push(...batch)
      return
    }
    const thread = alive.reduce((a, b) => (b.load < a.load ? b : a))
    const id = this.#nextId++
    this.#inFlight.set(id, batch)
    thread.batches.add(id)
    thread.load += batch.length
    // A worker with jobs keeps the process alive; an idle one does not.
    thread.worker.ref()
    thread.worker.postMessage({ id, jobs: batch.map((p) => p.job) })
  }

  #done (thread: Thread, id: number, results: boolean[]): void {
    const batch = this.#inFlight.get(id)
    if (!batch) return
    this.#inFlight.delete(id)
    thread.batches.delete(id)
    thread.load -= batch.length
    if (thread.load === 0) thread.worker.unref()
    batch.forEach((p, i) => p.resolve(results[i]))
  }
}

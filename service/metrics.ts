import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

/** The service's Prometheus metrics (prom-client), one registry per service. */
export class Metrics {
  readonly registry = new Registry()
  readonly bytesHosted = new Gauge({ name: 'datdot_bytes_hosted', help: 'Bytes of feeds held for plans', registers: [this.registry] })
  readonly blocksServed = new Counter({ name: 'datdot_blocks_served_total', help: 'Blocks uploaded to readers of hosted feeds', registers: [this.registry] })
  readonly challengesAnswered = new Counter({ name: 'datdot_challenges_answered_total', help: 'Storage challenges answered and accepted', registers: [this.registry] })
  readonly challengesFailed = new Counter({ name: 'datdot_challenges_failed_total', help: 'Storage challenges that could not be answered or were refused', registers: [this.registry] })
  readonly proofsUnavailable = new Counter({ name: 'datdot_proofs_unavailable_total', help: 'Storage challenges this hoster could not prove from its own disk (blocks or tree nodes missing), by code', labelNames: ['code'], registers: [this.registry] })
  readonly blocksMissing = new Counter({ name: 'datdot_blocks_missing_total', help: 'Challenged blocks found missing from this hoster\'s disk', registers: [this.registry] })
  readonly repairs = new Counter({ name: 'datdot_repairs_total', help: 'Background re-downloads of blocks lost from this hoster\'s disk: started, done', labelNames: ['outcome'], registers: [this.registry] })
  readonly headsSubmitted = new Counter({ name: 'datdot_heads_submitted_total', help: 'Newer signed heads of hosted feeds submitted to the chain, by outcome (accepted; stale: another peer was first; refused)', labelNames: ['outcome'], registers: [this.registry] })
  readonly proofLatency = new Histogram({ name: 'datdot_proof_latency_seconds', help: 'From noticing a storage challenge to its proof in a finalized block', buckets: [0.5, 1, 2, 5, 10, 30, 60], registers: [this.registry] })
  readonly checksReported = new Counter({ name: 'datdot_checks_reported_total', help: 'Setup and performance checks reported by this attester', labelNames: ['kind', 'success'], registers: [this.registry] })
  readonly encodings = new Counter({ name: 'datdot_encodings_total', help: 'Erasure encodings (new plans) and slot rebuilds (repairs) done by this encoder', labelNames: ['kind', 'success'], registers: [this.registry] })
  readonly peers = new Gauge({ name: 'datdot_peers', help: 'Open hyperswarm connections', registers: [this.registry] })

  /** Serves /metrics on 127.0.0.1:`port` (0: any free port). */
  async serve (port: number, host = '127.0.0.1'): Promise<{ port: number, close (): Promise<void> }> {
    const server: Server = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end('not found: try /metrics\n')
        return
      }
      this.registry.metrics().then((body) => {
        res.writeHead(200, { 'content-type': this.registry.contentType }).end(body)
      }, (err: Error) => res.writeHead(500).end(err.message))
    })
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve))
    const address = server.address()
    return {
      port: typeof address === 'object' && address !== null ? address.port : port,
      close: () => new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

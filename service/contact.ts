import Protomux from 'protomux'
import c from 'compact-encoding'
import type { SwarmConnection } from 'hyperswarm'
import { u8aConcat, u8aEq, u8aToBn, bnToU8a } from '@polkadot/util'

/** Decides whether to sign contact for (check, attester) asked over `conn`; returns the signature or null. */
export type ContactSigner = (checkId: bigint, attester: Uint8Array, conn: SwarmConnection) => Promise<Uint8Array | null>

interface Pending { resolve (sig: Uint8Array | null): void }

const PROTOCOL = 'datdot/contact'
const REQUEST = 8 + 32
const RESPONSE_OK = 8 + 64

/**
 * The proof-of-contact channel. An attester asks a hoster, over the authenticated hyperswarm connection,
 * to sign (check id, attester account) with its noise key; the chain accepts a successful performance
 * report only with that signature.
 */
export class ContactProtocol {
  readonly #channels = new Map<SwarmConnection, { request (m: Uint8Array): void }>()
  readonly #pending = new Map<string, Pending>()
  #signer: ContactSigner | null = null

  /** Set by the hoster role: without a signer, requests are answered with a refusal. */
  serve (signer: ContactSigner): void {
    this.#signer = signer
  }

  attach (conn: SwarmConnection): void {
    const mux = Protomux.from(conn)
    let send: { request (m: Uint8Array): void, respond (m: Uint8Array): void } | null = null
    const channel = mux.createChannel({
      protocol: PROTOCOL,
      messages: [
        { encoding: c.raw, onmessage: (m: Uint8Array) => { void this.#answer(conn, m, (r) => send?.respond(r)) } },
        { encoding: c.raw, onmessage: (m: Uint8Array) => this.#received(conn, m) }
      ],
      onclose: () => this.#channels.delete(conn)
    })
    if (channel === null) return
    send = { request: (m) => channel.messages[0].send(m), respond: (m) => channel.messages[1].send(m) }
    this.#channels.set(conn, send)
    channel.open()
  }

  /** Asks the peer with this noise key to sign contact; null if it refuses, is not connected, or times out. */
  async ask (peer: Uint8Array, checkId: bigint, attester: Uint8Array, timeoutMs = 10_000): Promise<Uint8Array | null> {
    const entry = [...this.#channels].find(([conn]) => u8aEq(conn.remotePublicKey, peer))
    if (!entry) return null
    const key = pendingKey(peer, checkId)
    const answer = new Promise<Uint8Array | null>((resolve) => {
      this.#pending.set(key, { resolve })
      setTimeout(() => { this.#pending.delete(key); resolve(null) }, timeoutMs).unref()
    })
    entry[1].request(u8aConcat(bnToU8a(checkId, { bitLength: 64 }), attester))
    return answer
  }

  async #answer (conn: SwarmConnection, m: Uint8Array, respond: (r: Uint8Array) => void): Promise<void> {
    if (m.length !== REQUEST) return
    const checkId = BigInt(u8aToBn(m.subarray(0, 8)).toString())
    const signature = this.#signer === null ? null : await this.#signer(checkId, m.subarray(8), conn).catch(() => null)
    respond(signature === null ? m.subarray(0, 8) : u8aConcat(m.subarray(0, 8), signature))
  }

  #received (conn: SwarmConnection, m: Uint8Array): void {
    if (m.length < 8) return
    const key = pendingKey(conn.remotePublicKey, BigInt(u8aToBn(m.subarray(0, 8)).toString()))
    const pending = this.#pending.get(key)
    if (!pending) return
    this.#pending.delete(key)
    pending.resolve(m.length === RESPONSE_OK ? m.slice(8) : null)
  }
}

const pendingKey = (peer: Uint8Array, checkId: bigint) => `${Buffer.from(peer).toString('hex')}/${checkId}`

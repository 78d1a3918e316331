import Protomux from 'protomux'
import c from 'compact-encoding'
import { hexToU8a, u8aToHex } from '@polkadot/util'

/** What a reader asks a hoster to sign: the blocks of `core` it fetched on this connection, against the root of `length` blocks. */
export interface ReceiptRequest { readonly context: Uint8Array, readonly core: Uint8Array, readonly length: number, readonly indexes: number[] }
/** The hoster's answer: each block's leaf hash and hash proof, and its noise-key signature of receiptMessage. */
export interface SignedReceipt { readonly hashes: Uint8Array[], readonly proofs: Uint8Array[], readonly signature: Uint8Array }

/** Decides whether to sign a receipt asked over a connection from `remotePublicKey`; null refuses. */
export type ReceiptSigner = (request: ReceiptRequest, remotePublicKey: Uint8Array) => Promise<SignedReceipt | null>

interface Stream { readonly remotePublicKey: Uint8Array, once (event: 'close', listener: () => void): unknown }
interface Sender { request (m: Uint8Array): void, respond (m: Uint8Array): void }

const PROTOCOL = 'datdot/receipt'
/** Receipts cover a check's samples: a few blocks. More is refused rather than signed and proven. */
const MAX_INDEXES = 64
const MAX_MESSAGE = 256 * 1024

const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))
const isHex = (x: unknown): x is string => typeof x === 'string' && /^0x[0-9a-f]*$/i.test(x)

/**
 * The receipt channel, open on every connection (any reader may ask): a reader sends a context (32 bytes
 * that mean nothing to the hoster) and the indexes it fetched; the hoster answers with a signed receipt for
 * what it served on that connection, or a refusal. Messages are small JSON objects, validated on receipt.
 */
export class ReceiptProtocol {
  readonly #channels = new WeakMap<Stream, Sender>()
  readonly #pending = new Map<number, (r: SignedReceipt | null) => void>()
  #nextId = 0
  #signer: ReceiptSigner | null = null

  /** Set by the hoster role: without a signer, requests are refused. */
  serve (signer: ReceiptSigner): void {
    this.#signer = signer
  }

  /**
   * Opens the channel on a connection, and opens it again whenever the peer does: protomux rejects a peer's
   * open that finds no local channel, so whichever side opens first is otherwise refused.
   */
  attach (stream: Stream): void {
    if (this.#channels.has(stream)) return
    const mux = Protomux.from(stream)
    mux.pair({ protocol: PROTOCOL }, () => this.#open(stream, mux))
    this.#open(stream, mux)
  }

  #open (stream: Stream, mux: Protomux): void {
    if (this.#channels.has(stream)) return
    let send: Sender | null = null
    const channel = mux.createChannel({
      protocol: PROTOCOL,
      messages: [
        { encoding: c.raw, onmessage: (m: Uint8Array) => { void this.#answer(stream, m, (r) => send?.respond(r)) } },
        { encoding: c.raw, onmessage: (m: Uint8Array) => this.#received(m) }
      ],
      onclose: () => this.#channels.delete(stream)
    })
    if (channel === null) return
    send = { request: (m) => channel.messages[0].send(m), respond: (m) => channel.messages[1].send(m) }
    this.#channels.set(stream, send)
    channel.open()
  }

  /** Asks the peer at the other end of `stream` for a receipt; null if it refuses or does not answer in time. */
  async ask (stream: Stream, request: ReceiptRequest, timeoutMs = 15_000): Promise<SignedReceipt | null> {
    this.attach(stream)
    const sender = this.#channels.get(stream)
    if (sender === undefined) return null
    const id = this.#nextId++
    const answer = new Promise<SignedReceipt | null>((resolve) => {
      this.#pending.set(id, resolve)
      setTimeout(() => { this.#pending.delete(id); resolve(null) }, timeoutMs).unref()
    })
    sender.request(encode({ id, context: u8aToHex(request.context), core: u8aToHex(request.core), length: request.length, indexes: request.indexes }))
    return answer
  }

  async #answer (stream: Stream, m: Uint8Array, respond: (r: Uint8Array) => void): Promise<void> {
    const req = parse(m)
    if (req === null || typeof req.id !== 'number') return
    const { id, context, core, length, indexes } = req
    const valid = isHex(context) && context.length === 66 && isHex(core) && core.length === 66 && Number.isSafeInteger(length) && (length as number) > 0 &&
      Array.isArray(indexes) && indexes.length > 0 && indexes.length <= MAX_INDEXES && indexes.every((i) => Number.isSafeInteger(i) && i >= 0 && i < (length as number))
    const receipt = !valid || this.#signer === null
      ? null
      : await this.#signer({ context: hexToU8a(context), core: hexToU8a(core), length: length as number, indexes: indexes as number[] }, stream.remotePublicKey).catch(() => null)
    respond(encode(receipt === null
      ? { id, refused: true }
      : { id, hashes: receipt.hashes.map((h) => u8aToHex(h)), proofs: receipt.proofs.map((p) => u8aToHex(p)), signature: u8aToHex(receipt.signature) }))
  }

  #received (m: Uint8Array): void {
    const res = parse(m)
    if (res === null || typeof res.id !== 'number') return
    const resolve = this.#pending.get(res.id)
    if (resolve === undefined) return
    this.#pending.delete(res.id)
    const { hashes, proofs, signature } = res
    const ok = Array.isArray(hashes) && hashes.every(isHex) && Array.isArray(proofs) && proofs.every(isHex) && isHex(signature) && signature.length === 130
    resolve(ok ? { hashes: hashes.map((h) => hexToU8a(h)), proofs: proofs.map((p) => hexToU8a(p)), signature: hexToU8a(signature) } : null)
  }
}

function parse (m: Uint8Array): Record<string, unknown> | null {
  if (m.byteLength > MAX_MESSAGE) return null
  try {
    const v = JSON.parse(new TextDecoder().decode(m)) as unknown
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : null
  } catch {
    return null
  }
}

import { c, flat, MerkleTreeBatch, Verifier, wireData } from './internals.js'
import type { DataMessage, HypercoreVerifier } from './internals.js'

/** A feed head the chain commits to: what its signed root says. */
export interface SignedHead {
  readonly length: number
  readonly byteLength: number
  readonly treeHash: Uint8Array
  readonly fork: number
  readonly signature: Uint8Array
}

export interface CommittedRoot { readonly length: number, readonly treeHash: Uint8Array }

/** Why a proof or head was refused, for the chain's named errors. */
export type RefusalReason = 'InvalidManifest' | 'Malformed' | 'InvalidRootSignature' | 'ProofInvalid'

export class ProofRefused extends Error {
  constructor (readonly reason: RefusalReason, message: string) {
    super(message)
    this.name = 'ProofRefused'
  }
}

/** An empty tree for MerkleTreeBatch: verification then needs nothing stored. */
const EMPTY_SESSION = Object.freeze({ fork: 0, roots: [], length: 0, signature: null, byteLength: 0, prologue: null, storage: null })

/**
 * hypercore's own Verifier for a feed, as lib/core.js builds it: the manifest must hash to the key (v1
 * cores, corestore's) or the key must be the signer itself (compat cores).
 */
export function feedVerifier (key: Uint8Array, manifest: Uint8Array | null): HypercoreVerifier {
  try {
    const m = manifest !== null && manifest.length > 0 ? Verifier.createManifest(manifest) : Verifier.defaultSignerManifest(key)
    if (Verifier.isValidManifest(key, m) || Verifier.isCompat(key, m)) return new Verifier(key, m)
  } catch {}
  throw new ProofRefused('InvalidManifest', 'the manifest does not belong to the feed key')
}

/**
 * Decodes one wire `Data` message and refuses anything but its canonical encoding: compact-encoding
 * accepts trailing bytes and over-long integers, which would give one proof several byte strings.
 */
function decodeStrict (bytes: Uint8Array, flags: number): DataMessage {
  let proof: DataMessage
  try {
    const state = c.state(0, bytes.byteLength, bytes)
    proof = wireData.decode(state)
    if (state.start !== state.end) throw new Error('trailing bytes')
    const size = c.state()
    wireData.preencode(size, proof)
    if (size.end !== bytes.byteLength || bytes[0] !== flags || proof.request !== 0 || proof.manifest !== null) throw new Error('not canonical')
  } catch (err) {
    throw new ProofRefused('Malformed', `not a hypercore proof: ${(err as Error).message}`)
  }
  return proof
}

/**
 * Verifies a signed head given as hypercore's roots proof (an upgrade from 0 carrying every full root
 * and the signature): the roots give the tree hash and the byte length, and the signature must be the
 * feed's, checked by hypercore's Verifier.
 */
export function verifySignedHead (verifier: HypercoreVerifier, headProof: Uint8Array): SignedHead {
  const proof = decodeStrict(headProof, 8)
  const { upgrade } = proof
  if (proof.block || proof.hash || proof.seek || !upgrade || upgrade.start !== 0 || upgrade.length === 0 ||
      upgrade.additionalNodes.length !== 0 || upgrade.nodes.length !== flat.fullRoots(2 * upgrade.length).length) {
    throw new ProofRefused('Malformed', 'a head proof carries exactly the full roots of the tree from block 0')
  }
  const batch = new MerkleTreeBatch(EMPTY_SESSION)
  let ok = false
  try {
    ok = batch.verifyUpgrade(proof) && batch.signature !== null && verifier.verify(batch, batch.signature)
  } catch {}
  if (!ok) throw new ProofRefused('InvalidRootSignature', 'the root is not signed by the feed key')
  return { length: batch.length, byteLength: batch.byteLength, treeHash: batch.hash(), fork: batch.fork, signature: batch.signature! }
}

/**
 * Verifies a block and its merkle proof (hypercore's wire format: the block, its sibling path, the
 * other full roots) against a committed root, returning the block. hypercore's own verifyUpgrade does
 * the hashing; its result must be true, or the block path was never bound to the roots (hypercore's
 * verifyFullyRemote ignores that and would accept a forged block).
 */
export function verifyBlockProof (proofBytes: Uint8Array, root: CommittedRoot, index: number): Uint8Array {
  const proof = decodeStrict(proofBytes, 9)
  const { block, upgrade } = proof
  const refuse = (why: string) => new ProofRefused('ProofInvalid', `the proof of block ${index} ${why}`)
  if (!block || !(block.value instanceof Uint8Array) || proof.hash || proof.seek || !upgrade || proof.fork !== 0) throw refuse('is not a block proof')
  if (block.index !== index) throw refuse(`is for block ${block.index}`)
  boundToRoot(proof, root, index, refuse)
  return block.value
}

/**
 * Checks that a proof's path (a block's or a leaf hash's) leads, with the other full roots, to a committed
 * root: hypercore's own verifyUpgrade does the hashing; its result must be true, or the path was never bound
 * to the roots.
 */
function boundToRoot (proof: DataMessage, root: CommittedRoot, index: number, refuse: (why: string) => ProofRefused): void {
  const upgrade = proof.upgrade!
  if (index >= root.length) throw refuse(`is beyond the committed length ${root.length}`)
  if (upgrade.start !== 0 || upgrade.length !== root.length || upgrade.additionalNodes.length !== 0) throw refuse(`is not against the committed length ${root.length}`)
  // verifyUpgrade ignores surplus root nodes: pin their number.
  if (upgrade.nodes.length !== flat.fullRoots(2 * root.length).length - 1) throw refuse('has the wrong number of roots')
  const batch = new MerkleTreeBatch(EMPTY_SESSION)
  let bound = false
  try {
    bound = batch.verifyUpgrade(proof)
  } catch {}
  if (!bound || batch.length !== root.length || !Buffer.from(batch.hash()).equals(Buffer.from(root.treeHash))) {
    throw refuse('does not lead to the committed tree hash')
  }
}

/**
 * Verifies a block proof that carries its own signed root (an upgrade from block 0 to the length the signer
 * signed, with the signature): the block leads to that root and the feed's Verifier accepts the signature.
 * It needs no committed root, so a proof made when a feed was at some length stays checkable after the feed
 * grew. Returns the block and the signed length.
 */
export function verifySignedBlockProof (verifier: HypercoreVerifier, proofBytes: Uint8Array, index: number): { block: Uint8Array, length: number } {
  const proof = decodeStrict(proofBytes, 9)
  const { block, upgrade } = proof
  const refuse = (why: string) => new ProofRefused('ProofInvalid', `the signed proof of block ${index} ${why}`)
  if (!block || !(block.value instanceof Uint8Array) || proof.hash || proof.seek || !upgrade) throw refuse('is not a block proof')
  if (block.index !== index) throw refuse(`is for block ${block.index}`)
  if (upgrade.start !== 0 || index >= upgrade.length || upgrade.additionalNodes.length !== 0) throw refuse('is not against a root from block 0 that holds it')
  if (upgrade.nodes.length !== flat.fullRoots(2 * upgrade.length).length - 1) throw refuse('has the wrong number of roots')
  const batch = new MerkleTreeBatch(EMPTY_SESSION)
  let ok = false
  try {
    ok = batch.verifyUpgrade(proof) && batch.length === upgrade.length && batch.signature !== null && verifier.verify(batch, batch.signature)
  } catch {}
  if (!ok) throw refuse('does not lead to a root the feed signed')
  return { block: block.value, length: upgrade.length }
}

/**
 * Verifies the hash of a block (hypercore's leaf node: blake2b of the block's size and bytes) with its
 * sibling path and the other full roots against a committed root, without the block itself: hypercore's
 * wire `Data` message with a `hash` request for the leaf, as `core.proof({ hash: { index: 2i } })` makes
 * it. Returns the leaf's hash. A receipt's hashes are checked on chain this way: no block bytes on chain.
 */
export function verifyHashProof (proofBytes: Uint8Array, root: CommittedRoot, index: number): Uint8Array {
  const proof = decodeStrict(proofBytes, 10)
  const { hash, upgrade } = proof
  const refuse = (why: string) => new ProofRefused('ProofInvalid', `the hash proof of block ${index} ${why}`)
  if (!hash || proof.block || proof.seek || !upgrade || proof.fork !== 0) throw refuse('is not a hash proof')
  if (hash.index !== 2 * index || hash.nodes.length === 0 || hash.nodes[0].index !== 2 * index) throw refuse(`is for tree node ${hash.index}`)
  boundToRoot(proof, root, index, refuse)
  return hash.nodes[0].hash
}

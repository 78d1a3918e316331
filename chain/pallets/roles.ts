import { u8aEq } from '@polkadot/util'
import { definePallet, signedCall } from '../frame/pallet.js'
import type { DispatchCtx } from '../frame/pallet.js'
import { doubleMap, map, value } from '../frame/storage.js'
import type { StorageCtx } from '../frame/storage.js'
import { AccountId32, bool, enumOf, fixed, named, struct, u32, u64 } from '../types/ty.js'
import type { JsOf } from '../types/ty.js'
import type { Draw } from './draw.js'
import { dbWeight } from '../frame/weight.js'

export const Role = enumOf('pallet_roles::Role', { Hoster: null, Encoder: null, Attester: null })
export type RoleName = 'Hoster' | 'Encoder' | 'Attester'

export const Provider = struct('pallet_roles::Provider', {
  /** Public key of the provider's hyperswarm noise key pair: how peers find and authenticate it. */
  noiseKey: fixed(32),
  hoster: bool,
  encoder: bool,
  attester: bool,
  /** Bytes the hoster offers, and bytes it holds for plans (never more than it offers). */
  capacity: u64,
  committed: u64,
  /** Not picked for new work before this block (0: not paused). */
  pausedUntil: u32,
  /** Checks it failed; every `strikeDecay` storage proofs it passes take one away again. */
  strikes: u32,
  /** Starts at 100; attesters gain when they agree with the majority, lose when they do not. */
  reputation: u32,
  /**
   * The block it was suspended at, struck out of a position or its encoding failed (0: not suspended). It is
   * drawn for nothing for `probation` blocks, and is reinstated by the next storage proof it passes.
   */
  suspendedAt: u32,
  /** Storage proofs passed since a strike was last taken away. */
  passed: u32
})
export type ProviderValue = JsOf<typeof Provider>

const INITIAL_REPUTATION = 100
/** Random picks tried before a bounded scan; the scan stops after this many members too. */
const PROBES = 64
const SCAN_LIMIT = 1024

const storage = {
  Providers: map({ hasher: 'Blake2_128Concat', key: AccountId32, value: Provider, docs: 'Every registered provider.' }),
  /** Members of each role at dense indexes 0..count, so that one can be drawn at random in O(1). */
  Members: doubleMap({ hashers: ['Twox64Concat', 'Twox64Concat'], keys: [Role, u32], value: AccountId32 }),
  MemberCount: map({ hasher: 'Twox64Concat', key: Role, value: u32, default: 0 }),
  MemberIndex: doubleMap({ hashers: ['Twox64Concat', 'Blake2_128Concat'], keys: [Role, AccountId32], value: u32 }),
  NoiseKeyOwner: map({ hasher: 'Blake2_128Concat', key: fixed(32), value: AccountId32, docs: 'The account each noise key belongs to: one machine, one provider, so that accounts sharing a machine cannot pass for several hosters of a plan.' }),
  Supply: value({ type: u32, default: 0, docs: 'Counts the changes that may let a waiting plan be served now: a provider registered, offered more capacity, resumed, or had capacity released.' }),
  Networks: map({ hasher: 'Blake2_128Concat', key: AccountId32, value: fixed(3), docs: 'The public IPv4 /24 network (its first three bytes) attesters last reached each hoster at; a plan\'s hosters are drawn from distinct networks where they are known.' })
}

const flag = (role: RoleName) => role.toLowerCase() as 'hoster' | 'encoder' | 'attester'

export const Roles = definePallet({
  name: 'Roles',
  storage,
  events: {
    Registered: named({ who: AccountId32, role: Role, noiseKey: fixed(32) }),
    Unregistered: named({ who: AccountId32, role: Role }),
    CapacityChanged: named({ who: AccountId32, capacity: u64 }),
    Paused: named({ who: AccountId32, until: u32 }),
    /** Struck out of a position (or its encoding failed an audit): drawn for nothing new until it proves itself, after `probation` blocks. */
    Suspended: named({ who: AccountId32, strikes: u32 }),
    /** A suspended provider passed a storage proof. */
    Reinstated: named({ who: AccountId32 })
  },
  errors: {
    NotRegistered: 'The account is not registered for this role.',
    NoiseKeyMismatch: 'The account is registered with another noise key; one service runs all roles of an account with one key.',
    NoiseKeyTaken: 'Another account is registered with this noise key; a noise key belongs to one provider until it gives up its last role.',
    ZeroCapacity: 'A hoster must offer more than zero bytes.',
    CapacityBelowCommitted: 'The new capacity is below the bytes the hoster already holds for plans.',
    StillHosting: 'The hoster still holds data for plans; pause it and wait until its positions are handed over, or unpublish them.',
    InsufficientCapacity: 'The hoster has not enough free capacity.',
    InvalidPause: 'Pause until a future block, or 0 to resume.'
  },
  calls: {
    registerHoster: signedCall({ noiseKey: fixed(32), capacity: u64 }, (ctx, who, { noiseKey, capacity }) => {
      if (capacity === 0n) throw Roles.errors.ZeroCapacity()
      const p = enroll(ctx, who, noiseKey, 'Hoster')
      if (capacity < p.committed) throw Roles.errors.CapacityBelowCommitted(`it holds ${p.committed} bytes`)
      storage.Providers.set(ctx, who, { ...p, capacity })
      if (capacity > p.capacity) supplyGrew(ctx)
      Roles.emit(ctx, { type: 'CapacityChanged', value: { who, capacity } })
    }, 'Registers the account as a hoster offering `capacity` bytes, or changes its capacity.', { weight: dbWeight(5, 6) }),
    registerEncoder: signedCall({ noiseKey: fixed(32) }, (ctx, who, { noiseKey }) => {
      storage.Providers.set(ctx, who, enroll(ctx, who, noiseKey, 'Encoder'))
    }, 'Registers the account as an encoder.', { weight: dbWeight(5, 6) }),
    registerAttester: signedCall({ noiseKey: fixed(32) }, (ctx, who, { noiseKey }) => {
      storage.Providers.set(ctx, who, enroll(ctx, who, noiseKey, 'Attester'))
    }, 'Registers the account as an attester.', { weight: dbWeight(5, 6) }),
    unregister: signedCall({ role: Role }, (ctx, who, { role }) => {
      const p = storage.Providers.get(ctx, who)
      if (p === null || !p[flag(role.type)]) throw Roles.errors.NotRegistered()
      if (role.type === 'Hoster' && p.committed > 0n) throw Roles.errors.StillHosting(`it holds ${p.committed} bytes`)
      removeMember(ctx, role.type, who)
      if (role.type === 'Hoster') storage.Networks.remove(ctx, who)
      const next = { ...p, [flag(role.type)]: false, ...(role.type === 'Hoster' ? { capacity: 0n } : {}) }
      if (next.hoster || next.encoder || next.attester) {
        storage.Providers.set(ctx, who, next)
      } else {
        storage.Providers.remove(ctx, who)
        storage.NoiseKeyOwner.remove(ctx, p.noiseKey)
      }
      Roles.emit(ctx, { type: 'Unregistered', value: { who, role } })
    }, 'Gives up a role.', { weight: dbWeight(6, 6) }),
    pause: signedCall({ until: u32 }, (ctx, who, { until }) => {
      const p = storage.Providers.get(ctx, who)
      if (p === null) throw Roles.errors.NotRegistered()
      if (until !== 0 && until <= ctx.block.number) throw Roles.errors.InvalidPause()
      storage.Providers.set(ctx, who, { ...p, pausedUntil: until })
      if (until === 0) supplyGrew(ctx)
      Roles.emit(ctx, { type: 'Paused', value: { who, until } })
    }, 'Takes no new work until block `until` (0 resumes at once).', { weight: dbWeight(2, 2) })
  }
})

function enroll (ctx: DispatchCtx, who: Uint8Array, noiseKey: Uint8Array, role: RoleName): ProviderValue {
  const existing = storage.Providers.get(ctx, who)
  if (existing !== null && !u8aEq(existing.noiseKey, noiseKey)) throw Roles.errors.NoiseKeyMismatch()
  if (existing === null) {
    if (storage.NoiseKeyOwner.contains(ctx, noiseKey)) throw Roles.errors.NoiseKeyTaken()
    storage.NoiseKeyOwner.set(ctx, noiseKey, who)
  }
  const p = existing ?? { noiseKey, hoster: false, encoder: false, attester: false, capacity: 0n, committed: 0n, pausedUntil: 0, strikes: 0, reputation: INITIAL_REPUTATION, suspendedAt: 0, passed: 0 }
  if (!p[flag(role)]) {
    addMember(ctx, role, who)
    supplyGrew(ctx)
    Roles.emit(ctx, { type: 'Registered', value: { who, role: { type: role }, noiseKey } })
  }
  return { ...p, [flag(role)]: true }
}

function addMember (ctx: StorageCtx, role: RoleName, who: Uint8Array): void {
  const r = { type: role }
  const count = storage.MemberCount.get(ctx, r)
  storage.Members.set(ctx, r, count, who)
  storage.MemberIndex.set(ctx, r, who, count)
  storage.MemberCount.set(ctx, r, count + 1)
}

/** Swap-remove: the last member takes the leaver's index, so indexes stay dense. */
function removeMember (ctx: StorageCtx, role: RoleName, who: Uint8Array): void {
  const r = { type: role }
  const index = storage.MemberIndex.get(ctx, r, who)
  if (index === null) return
  const last = storage.MemberCount.get(ctx, r) - 1
  const moved = storage.Members.get(ctx, r, last)!
  storage.Members.set(ctx, r, index, moved)
  storage.MemberIndex.set(ctx, r, moved, index)
  storage.Members.remove(ctx, r, last)
  storage.MemberIndex.remove(ctx, r, who)
  storage.MemberCount.set(ctx, r, last)
}

export function provider (ctx: StorageCtx, who: Uint8Array): ProviderValue | null {
  return storage.Providers.get(ctx, who)
}

/** Whether the provider may be drawn for new work: not paused, and not suspended (or on probation). */
export function isActive (p: ProviderValue, now: number, probation: number): boolean {
  return (p.pausedUntil === 0 || p.pausedUntil <= now) && (p.suspendedAt === 0 || now >= p.suspendedAt + probation)
}

/**
 * Records the /24 network an attester reached the hoster at (the first three bytes of its IPv4 address).
 * Loopback, private, shared (CGNAT) and link-local networks say nothing about where a machine is (every
 * local test network is 127.0.0.0/24): they are not recorded, and a hoster seen only there stays unknown.
 */
export function recordNetwork (ctx: StorageCtx, hoster: Uint8Array, prefix24: Uint8Array): void {
  const p = storage.Providers.get(ctx, hoster)
  if (p === null || !p.hoster || prefix24.length !== 3 || !isPublic(prefix24)) return
  storage.Networks.set(ctx, hoster, prefix24)
}

/** The hoster's known public /24 network, or null. */
export function network (ctx: StorageCtx, hoster: Uint8Array): Uint8Array | null {
  return storage.Networks.get(ctx, hoster)
}

/** The /24 prefix of a dotted IPv4 address (IPv4-mapped IPv6 too), or null for anything else. */
export function ipv4Prefix24 (address: string): Uint8Array | null {
  const m = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/i.exec(address)
  if (m === null) return null
  const bytes = m.slice(1).map(Number)
  return bytes.every((b) => b <= 255) ? new Uint8Array(bytes.slice(0, 3)) : null
}

function isPublic ([a, b]: Uint8Array): boolean {
  return !(a === 0 || a === 10 || a === 127 || a >= 224 || (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168))
}

export const freeCapacity = (p: ProviderValue): bigint => p.capacity - p.committed

/** Reserves `bytes` of a hoster's capacity; fails with InsufficientCapacity rather than overcommit. */
export function commit (ctx: StorageCtx, who: Uint8Array, bytes: bigint): void {
  const p = storage.Providers.get(ctx, who)
  if (p === null || !p.hoster) throw Roles.errors.NotRegistered()
  if (freeCapacity(p) < bytes) throw Roles.errors.InsufficientCapacity(`it has ${freeCapacity(p)} free bytes, ${bytes} are needed`)
  storage.Providers.set(ctx, who, { ...p, committed: p.committed + bytes })
}

export function release (ctx: StorageCtx, who: Uint8Array, bytes: bigint): void {
  const p = storage.Providers.get(ctx, who)
  if (p === null) return
  storage.Providers.set(ctx, who, { ...p, committed: p.committed > bytes ? p.committed - bytes : 0n })
  supplyGrew(ctx)
}

function supplyGrew (ctx: StorageCtx): void {
  storage.Supply.set(ctx, storage.Supply.get(ctx) + 1)
}

/** Changes so far that may let a waiting plan be served (the queue tries such plans again at once). */
export function supply (ctx: StorageCtx): number {
  return storage.Supply.get(ctx)
}

/** A failed check of the provider's. */
export function strike (ctx: StorageCtx, who: Uint8Array): void {
  const p = storage.Providers.get(ctx, who)
  if (p !== null) storage.Providers.set(ctx, who, { ...p, strikes: p.strikes + 1, passed: 0 })
}

/** A position (or an encoding) was taken from the provider for failing: it is drawn for nothing new for a while. */
export function suspend (ctx: DispatchCtx, who: Uint8Array): void {
  const p = storage.Providers.get(ctx, who)
  if (p === null) return
  storage.Providers.set(ctx, who, { ...p, suspendedAt: ctx.block.number })
  Roles.emit(ctx, { type: 'Suspended', value: { who, strikes: p.strikes } })
}

/** The provider passed a storage proof: it is reinstated if suspended, and every `strikeDecay` passes take a strike away. */
export function proved (ctx: DispatchCtx, who: Uint8Array, strikeDecay: number): void {
  const p = storage.Providers.get(ctx, who)
  if (p === null) return
  const passed = p.strikes === 0 ? 0 : p.passed + 1
  const decayed = passed >= strikeDecay
  storage.Providers.set(ctx, who, { ...p, suspendedAt: 0, strikes: decayed ? p.strikes - 1 : p.strikes, passed: decayed ? 0 : passed })
  if (p.suspendedAt !== 0) Roles.emit(ctx, { type: 'Reinstated', value: { who } })
}

export function changeReputation (ctx: StorageCtx, who: Uint8Array, delta: number): void {
  const p = storage.Providers.get(ctx, who)
  if (p !== null) storage.Providers.set(ctx, who, { ...p, reputation: Math.max(0, p.reputation + delta) })
}

/**
 * Draws up to `count` distinct members of a role that pass `eligible`: random probes first, then a scan
 * from a random index. Both are bounded, so the cost never grows with the number of members; a draw that
 * comes up short is retried in a later block with new randomness. `eligible` sees the members picked so far,
 * for rules that spread a draw (distinct networks).
 */
export function drawMembers (ctx: StorageCtx, role: RoleName, count: number, draw: Draw, eligible: (who: Uint8Array, p: ProviderValue, picked: readonly Uint8Array[]) => boolean): Uint8Array[] {
  const r = { type: role }
  const total = storage.MemberCount.get(ctx, r)
  const picked: Uint8Array[] = []
  if (total === 0 || count === 0) return picked
  const tried = new Set<number>()
  const consider = (i: number): void => {
    if (tried.has(i)) return
    tried.add(i)
    const who = storage.Members.get(ctx, r, i)!
    const p = storage.Providers.get(ctx, who)
    if (p !== null && !picked.some((x) => u8aEq(x, who)) && eligible(who, p, picked)) picked.push(who)
  }
  for (let probe = 0; probe < PROBES && picked.length < count && tried.size < total; probe++) consider(draw.index(total))
  const start = draw.index(total)
  for (let k = 0; k < Math.min(total, SCAN_LIMIT) && picked.length < count; k++) consider((start + k) % total)
  return picked
}


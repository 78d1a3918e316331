/** Storage keys are lowercase `0x` hex: their string order is the byte order of the keys. */
export type StorageKey = string

export interface StateReader {
  get (key: StorageKey): Uint8Array | null
  /** Keys that start with `prefix` and sort after `after` (if given), in order, at most `limit`. */
  keysWithPrefix (prefix: StorageKey, after?: StorageKey, limit?: number): StorageKey[]
}

/**
 * Pending changes on top of a state: a block's changes on top of the committed state, and an extrinsic's
 * on top of the block's, so that a failed dispatch is dropped whole (Substrate's transactional calls).
 */
export class Overlay implements StateReader {
  readonly changes = new Map<StorageKey, Uint8Array | null>()

  constructor (readonly parent: StateReader) {}

  get (key: StorageKey): Uint8Array | null {
    const own = this.changes.get(key)
    return own !== undefined ? own : this.parent.get(key)
  }

  set (key: StorageKey, value: Uint8Array): void {
    this.changes.set(key, value)
  }

  delete (key: StorageKey): void {
    this.changes.set(key, null)
  }

  keysWithPrefix (prefix: StorageKey, after?: StorageKey, limit = Infinity): StorageKey[] {
    const own = [...this.changes.keys()].filter((k) => k.startsWith(prefix) && (after === undefined || k > after)).sort()
    // Ask the parent for enough keys that the ones deleted here cannot leave the page short.
    const deleted = own.filter((k) => this.changes.get(k) === null).length
    const below = this.parent.keysWithPrefix(prefix, after, limit === Infinity ? Infinity : limit + deleted)
    const merged = mergeSorted(below, own).filter((k) => this.changes.get(k) !== null)
    return limit === Infinity ? merged : merged.slice(0, limit)
  }

  child (): Overlay {
    return new Overlay(this)
  }

  /** Moves this overlay's changes into its parent overlay. */
  commit (): void {
    if (!(this.parent instanceof Overlay)) throw new Error('only a child overlay can be committed into its parent')
    for (const [k, v] of this.changes) this.parent.changes.set(k, v)
    this.changes.clear()
  }
}

function mergeSorted (a: string[], b: string[]): string[] {
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++])
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++])
    else { out.push(a[i++]); j++ }
  }
  return out
}

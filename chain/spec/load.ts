import { readFileSync } from 'node:fs'
import { DEV_PHRASE } from '@polkadot/keyring'
import { checkAddress, keyExtractSuri } from '@polkadot/util-crypto'
import type { ChainSpec } from './types.js'

export type ChainSpecErrorCode = 'CHAIN_SPEC_NOT_FOUND' | 'CHAIN_SPEC_UNREADABLE' | 'CHAIN_SPEC_NOT_JSON' | 'CHAIN_SPEC_INVALID'

const HINT = 'chain-spec/dev.json is a valid example'

/** Why a chain spec file cannot be used. `path` is the JSON path of the bad field (CHAIN_SPEC_INVALID only). */
export class ChainSpecError extends Error {
  private constructor (
    readonly code: ChainSpecErrorCode,
    readonly file: string,
    readonly path: string | null,
    message: string,
    readonly hint: string
  ) {
    super(`${file}: ${message}`)
    this.name = 'ChainSpecError'
  }

  static NOT_FOUND (file: string): ChainSpecError {
    return new ChainSpecError('CHAIN_SPEC_NOT_FOUND', file, null, 'no such file', '--chain takes the path of a chain spec JSON file')
  }

  static UNREADABLE (file: string, cause: Error): ChainSpecError {
    return new ChainSpecError('CHAIN_SPEC_UNREADABLE', file, null, `cannot read it: ${cause.message}`, '--chain takes the path of a chain spec JSON file')
  }

  static NOT_JSON (file: string, detail: string): ChainSpecError {
    return new ChainSpecError('CHAIN_SPEC_NOT_JSON', file, null, `not valid JSON: ${detail}`, HINT)
  }

  static INVALID (file: string, path: string, problem: string): ChainSpecError {
    return new ChainSpecError('CHAIN_SPEC_INVALID', file, path, `${path} ${problem}`, HINT)
  }
}

/** Reads and validates a chain spec; throws a ChainSpecError naming the file and the bad field. */
export function loadChainSpec (file: string): ChainSpec {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw code === 'ENOENT' || code === 'ENOTDIR' ? ChainSpecError.NOT_FOUND(file) : ChainSpecError.UNREADABLE(file, err as Error)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw ChainSpecError.NOT_JSON(file, withLineAndColumn(text, (err as Error).message))
  }
  return parseChainSpec(file, json)
}

/** JSON.parse reports a character offset; people look for a line and column. */
function withLineAndColumn (text: string, message: string): string {
  const at = /at position (\d+)/.exec(message)
  if (at === null) return message
  const before = text.slice(0, Number(at[1])).split('\n')
  return `${message} (line ${before.length}, column ${before[before.length - 1].length + 1})`
}

const U128_MAX = (1n << 128n) - 1n
/** setTimeout treats longer delays as 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Validates a parsed chain spec field by field and returns a fresh object holding only the known fields. */
function parseChainSpec (file: string, json: unknown): ChainSpec {
  const at = new Reader(file)
  const root = at.object(json, '$', ['name', 'id', 'chainType', 'properties', 'blockTime', 'authoritySeed', 'genesis'], ['authoritySeed'])
  const props = at.object(root.properties, '$.properties', ['ss58Format', 'tokenSymbol', 'tokenDecimals'])
  const ss58Format = at.integer(props.ss58Format, '$.properties.ss58Format', 0, 16383)
  const genesis = at.object(root.genesis, '$.genesis', ['sudo', 'accounts', 'randomnessSeed', 'pallets'])
  const accounts: Record<string, string> = {}
  for (const [address, ratio] of Object.entries(at.object(genesis.accounts, '$.genesis.accounts'))) {
    const path = child('$.genesis.accounts', address)
    accounts[at.address(address, path, ss58Format)] = at.ratio(ratio, path)
  }
  return {
    name: at.text(root.name, '$.name'),
    // The id names the chain's default data directory, so it must be a safe path segment.
    id: at.text(root.id, '$.id', /^[a-z0-9_]+$/, 'lowercase letters, digits and _'),
    chainType: at.oneOf(root.chainType, '$.chainType', ['Development', 'Local', 'Live'] as const),
    properties: {
      ss58Format,
      tokenSymbol: at.text(props.tokenSymbol, '$.properties.tokenSymbol'),
      tokenDecimals: at.integer(props.tokenDecimals, '$.properties.tokenDecimals', 0, 255)
    },
    blockTime: at.integer(root.blockTime, '$.blockTime', 1, MAX_TIMER_MS),
    authoritySeed: root.authoritySeed === undefined ? null : at.suri(root.authoritySeed, '$.authoritySeed'),
    genesis: {
      sudo: at.address(genesis.sudo, '$.genesis.sudo', ss58Format),
      accounts,
      randomnessSeed: at.text(genesis.randomnessSeed, '$.genesis.randomnessSeed'),
      pallets: at.object(genesis.pallets, '$.genesis.pallets')
    }
  }
}

/** Field checks that throw CHAIN_SPEC_INVALID with the field's JSON path. */
class Reader {
  constructor (private readonly file: string) {}

  fail (path: string, problem: string): never {
    throw ChainSpecError.INVALID(this.file, path, problem)
  }

  /** A plain object; with `keys`, every key must be known (a misspelt field would otherwise be ignored) and present unless `optional`. */
  object (v: unknown, path: string, keys?: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, `must be an object (got ${describe(v)})`)
    const obj = v as Record<string, unknown>
    if (keys !== undefined) {
      const unknown = Object.keys(obj).find(k => !keys.includes(k))
      if (unknown !== undefined) this.fail(child(path, unknown), `is not a chain spec field (expected one of ${keys.join(', ')})`)
      const missing = keys.find(k => !(k in obj) && !optional.includes(k))
      if (missing !== undefined) this.fail(child(path, missing), 'is missing')
    }
    return obj
  }

  text (v: unknown, path: string, pattern?: RegExp, patternName?: string): string {
    if (typeof v !== 'string' || v.length === 0) this.fail(path, `must be a non-empty string (got ${describe(v)})`)
    if (pattern !== undefined && !pattern.test(v)) this.fail(path, `must contain only ${patternName} (got ${JSON.stringify(v)})`)
    return v
  }

  integer (v: unknown, path: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) this.fail(path, `must be an integer from ${min} to ${max} (got ${describe(v)})`)
    return v
  }

  oneOf<T extends string> (v: unknown, path: string, values: readonly T[]): T {
    if (!values.includes(v as T)) this.fail(path, `must be one of ${values.join(', ')} (got ${describe(v)})`)
    return v as T
  }

  /** An SS58 address in the chain's own format, so that every address in the spec reads the same way. */
  address (v: unknown, path: string, ss58Format: number): string {
    const address = this.text(v, path)
    const [ok, reason] = checkAddress(address, ss58Format)
    if (!ok) this.fail(path, `is not an SS58 address of format ${ss58Format}: ${reason ?? 'invalid'}`)
    return address
  }

  /** Ratio amounts are u128 balances written as decimal strings (JSON numbers lose precision above 2^53). */
  ratio (v: unknown, path: string): string {
    if (typeof v !== 'string' || !/^(0|[1-9][0-9]*)$/.test(v) || BigInt(v) > U128_MAX) {
      this.fail(path, `must be a non-negative integer as a decimal string, at most 2^128 - 1 (got ${describe(v)})`)
    }
    return v
  }

  suri (v: unknown, path: string): string {
    const suri = this.text(v, path)
    try {
      // Like the keyring, "//Alice" means the dev phrase with that derivation path.
      keyExtractSuri(suri.startsWith('//') ? `${DEV_PHRASE}${suri}` : suri)
    } catch (err) {
      this.fail(path, `must be a secret URI such as "//Alice": ${(err as Error).message}`)
    }
    return suri
  }
}

/** `$.a.b` for identifier keys, `$.a["5Grw…"]` for others. */
function child (path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

function describe (v: unknown): string {
  if (v === undefined) return 'nothing'
  const json = JSON.stringify(v)
  return json.length > 60 ? `${json.slice(0, 57)}...` : json
}

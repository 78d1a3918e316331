import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { CliError } from './errors.js'

/** Settings a config file may give; a flag or an environment variable overrides each. */
export interface Config {
  /** WebSocket endpoint of the chain node. */
  readonly chain?: string
  /** DHT bootstrap nodes, `host:port`. */
  readonly bootstrap?: readonly string[]
  /** Directory of the vault (keystores). */
  readonly vault?: string
  /** Name of the vault identity commands act as. */
  readonly identity?: string
}

const KEYS: Record<keyof Config, (v: unknown) => boolean> = {
  chain: (v) => typeof v === 'string',
  bootstrap: (v) => Array.isArray(v) && v.every((b) => typeof b === 'string' && /^[^:\s]+:\d{1,5}$/.test(b)),
  vault: (v) => typeof v === 'string',
  identity: (v) => typeof v === 'string'
}

/** Where a config file is looked for, first found wins: `$DATDOT_CONFIG`, `./datdot.config.json`, then the user's config dir. */
export function configPaths (env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.DATDOT_CONFIG !== undefined && env.DATDOT_CONFIG !== '') return [resolve(env.DATDOT_CONFIG)]
  const configHome = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config')
  return [resolve('datdot.config.json'), join(configHome, 'datdot', 'config.json')]
}

/** Where user data lives: `$XDG_DATA_HOME`, else `~/.local/share`. */
export function dataHome (env: NodeJS.ProcessEnv = process.env): string {
  return env.XDG_DATA_HOME !== undefined && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share')
}

// Every command's options ask for the config while the program is built: it is read once per place it can come from.
const loaded = new Map<string, Config>()

/** Reads the first config file found; none is an empty config. A file that cannot be used is an error, never ignored. */
export function loadConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const paths = configPaths(env)
  const id = paths.join('\n')
  let config = loaded.get(id)
  if (config === undefined) {
    config = readConfig(paths, env)
    loaded.set(id, config)
  }
  return config
}

function readConfig (paths: string[], env: NodeJS.ProcessEnv): Config {
  const path = paths.find((p) => existsSync(p))
  if (path === undefined) {
    if (env.DATDOT_CONFIG !== undefined && env.DATDOT_CONFIG !== '') throw CliError.CONFIG_INVALID(paths[0], 'no such file')
    return {}
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw CliError.CONFIG_INVALID(path, (err as Error).message)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw CliError.CONFIG_INVALID(path, 'it must hold a JSON object')
  for (const [key, value] of Object.entries(parsed)) {
    const valid = KEYS[key as keyof Config] as ((v: unknown) => boolean) | undefined
    if (valid === undefined) throw CliError.CONFIG_INVALID(path, `unknown key "${key}" (known: ${Object.keys(KEYS).join(', ')})`)
    if (!valid(value)) throw CliError.CONFIG_INVALID(path, `"${key}" has the wrong type`)
  }
  return parsed as Config
}

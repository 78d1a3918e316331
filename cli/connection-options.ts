import { join } from 'node:path'
import { Option } from 'commander'
import { dataHome, loadConfig } from './config.js'
import { hostPort } from './parse.js'

// Each connection option is taken from, in order: the flag, its environment variable, the config file, the built-in default.

/** `--chain <url>` (DATDOT_CHAIN, config `chain`). */
export function chainOption (): Option {
  return new Option('--chain <url>', 'WebSocket endpoint of the chain node').env('DATDOT_CHAIN').default(loadConfig().chain ?? 'ws://127.0.0.1:9944')
}

/** `--bootstrap <host:port>`, repeatable (DATDOT_BOOTSTRAP, comma-separated; config `bootstrap`). Mandatory when none is configured. */
export function bootstrapOption (): Option {
  const configured = loadConfig().bootstrap
  const option = new Option('--bootstrap <host:port>', 'DHT bootstrap node (repeat for several)')
    .env('DATDOT_BOOTSTRAP')
    .argParser((v: string, prev: string[] | undefined) => {
      // The environment variable and the config default hold a whole list; each flag adds one node.
      const given = v.split(',').map((b) => hostPort(b.trim()))
      return prev === undefined || prev === configured ? given : [...prev, ...given]
    })
  return configured === undefined ? option.makeOptionMandatory() : option.default(configured, configured.join(','))
}

/** `--reachable` (DATDOT_REACHABLE): peers reach this host with no NAT between, as on a LAN or a docker network. */
export function reachableOption (): Option {
  return new Option('--reachable', 'peers reach this host directly, with no NAT between (a LAN, a docker network); implied for a loopback --bootstrap').env('DATDOT_REACHABLE')
}

/** `--vault <dir>` (DATDOT_VAULT, config `vault`): where the keystores are kept. */
export function vaultOption (): Option {
  return new Option('--vault <dir>', 'directory of the vault\'s keystores').env('DATDOT_VAULT').default(loadConfig().vault ?? join(dataHome(), 'datdot', 'vault'))
}

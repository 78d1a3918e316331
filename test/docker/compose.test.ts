// docker/compose.yaml and docker/Dockerfile cannot be run here (no Docker engine), so this checks them
// against the CLI they drive: every container's command must be a datdot command line that the CLI
// accepts, and the pieces (volumes, dependencies, addresses) must fit together.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CommanderError } from 'commander'
import type { Command, OptionValues } from 'commander'
import { parse } from 'yaml'
import { createProgram } from '../../cli/index.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DOCKER = join(ROOT, 'docker')

interface Volume { type?: string, source?: string, target?: string, read_only?: boolean }
interface Service {
  image?: string
  build?: string | { context?: string, dockerfile?: string }
  entrypoint?: unknown
  command?: unknown
  environment?: Record<string, unknown> | string[]
  volumes?: Array<string | Volume>
  depends_on?: string[] | Record<string, { condition?: string }>
  networks?: string[] | Record<string, { ipv4_address?: string } | null>
  healthcheck?: { test?: unknown }
}
interface Compose {
  services: Record<string, Service>
  volumes?: Record<string, unknown>
  networks?: Record<string, { ipam?: { config?: Array<{ subnet?: string, ip_range?: string }> } } | null>
}

// merge: compose files share settings through YAML merge keys (<<: *datdot).
const compose = parse(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), { merge: true }) as Compose
const services = Object.entries(compose.services)

/** A container's command line after the image's entrypoint (`datdot`). */
function argv (name: string, service: Service): string[] {
  const { command } = service
  assert.ok(command !== undefined, `${name}: no command (the image's entrypoint alone prints help)`)
  // Compose splits a string command like a shell would; lists say exactly what each argument is.
  assert.ok(Array.isArray(command), `${name}: write the command as a list, so that each argument is explicit`)
  for (const arg of command) assert.equal(typeof arg, 'string', `${name}: ${String(arg)} must be a string (quote numbers)`)
  return command as string[]
}

function environment (service: Service): Record<string, string> {
  const env = service.environment ?? {}
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]))
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]))
}

/** The subcommand a command line names, and the arguments after it. */
function findCommand (program: Command, args: string[]): { cmd: Command, path: string, rest: string[] } {
  let cmd = program
  let i = 0
  while (i < args.length && cmd.commands.length > 0) {
    const sub = cmd.commands.find((c) => c.name() === args[i] || c.aliases().includes(args[i]))
    if (sub === undefined) break
    cmd = sub
    i++
  }
  return { cmd, path: args.slice(0, i).join(' '), rest: args.slice(i) }
}

function longFlags (cmd: Command): string[] {
  return cmd.options.map((o) => o.long).filter((l): l is string => l !== undefined)
}

test('the Dockerfile builds on node:20 with npm ci and runs bin/datdot.js as its entrypoint', () => {
  const dockerfile = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8')
  const lines = dockerfile.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))
  const from = lines.filter((l) => /^FROM\s/i.test(l))
  assert.ok(from.length > 0, 'no FROM')
  for (const l of from) assert.match(l, /^FROM\s+node:20(\b|-)/i, `every stage on Node 20 (package.json engines): ${l}`)
  assert.ok(lines.some((l) => /^RUN\s.*\bnpm ci\b/i.test(l)), 'installs from the lockfile: npm ci')

  const entrypoints = lines.filter((l) => /^ENTRYPOINT\s/i.test(l))
  assert.equal(entrypoints.length, 1, 'one ENTRYPOINT')
  // The exec form (a JSON list): the shell form would not pass signals (SIGTERM) on to node.
  const entrypoint = JSON.parse(entrypoints[0].replace(/^ENTRYPOINT\s+/i, '')) as string[]
  assert.equal(entrypoint[0], 'node')
  assert.equal(entrypoint.length, 2, `node and the script: ${entrypoints[0]}`)
  const script = entrypoint[1]
  assert.match(script, /(^|\/)bin\/datdot\.js$/)
  assert.ok(existsSync(join(ROOT, 'bin', 'datdot.js')))
  // An absolute path must be where the last stage copies the repository (its WORKDIR).
  const workdirs = lines.slice(lines.lastIndexOf(from[from.length - 1])).filter((l) => /^WORKDIR\s/i.test(l))
  const workdir = workdirs.length === 0 ? '/' : workdirs[workdirs.length - 1].replace(/^WORKDIR\s+/i, '')
  assert.equal(script.startsWith('/') ? script : `${workdir.replace(/\/$/, '')}/${script}`, `${workdir.replace(/\/$/, '')}/bin/datdot.js`)

  // Without this, COPY . . would put the host's node_modules (built for another machine) over the image's.
  const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim())
  assert.ok(ignored.includes('node_modules') || ignored.includes('**/node_modules'), '.dockerignore leaves out node_modules')
})

test('every container runs the image built from docker/Dockerfile, through its entrypoint', () => {
  for (const [name, service] of services) {
    assert.equal(service.entrypoint, undefined, `${name}: keeps the image's entrypoint (datdot)`)
    const build = typeof service.build === 'string' ? { context: service.build } : service.build
    assert.ok(build !== undefined, `${name}: builds the datdot image`)
    const context = resolve(DOCKER, build.context ?? '.')
    assert.equal(context, resolve(ROOT), `${name}: the build context is the repository root`)
    assert.ok(existsSync(resolve(context, build.dockerfile ?? 'Dockerfile')), `${name}: ${build.dockerfile} exists`)
  }
  assert.equal(new Set(services.map(([, s]) => s.image)).size, 1, 'one image tag for all, built once')
})

test('every command is a datdot command and every option it uses is one of that command\'s', () => {
  const program = createProgram()
  for (const [name, service] of services) {
    const { cmd, path, rest } = findCommand(program, argv(name, service))
    assert.ok(path !== '', `${name}: "${rest[0]}" is not a datdot command (commands: ${program.commands.map((c) => c.name()).join(', ')})`)
    assert.equal(cmd.commands.length, 0, `${name}: "datdot ${path}" needs a subcommand (${cmd.commands.map((c) => c.name()).join(', ')}); "${rest[0]}" is not one`)

    const operands: string[] = []
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]
      if (!arg.startsWith('-')) {
        operands.push(arg)
        continue
      }
      assert.ok(arg.startsWith('--'), `${name}: use long flags in the compose file, not ${arg}`)
      const [flag, inline] = arg.split(/=(.*)/s)
      const option = cmd.options.find((o) => o.long === flag)
      assert.ok(option !== undefined, `${name}: "datdot ${path}" has no option ${flag} (it has ${longFlags(cmd).join(' ')})`)
      if (option.required && inline === undefined) {
        assert.ok(i + 1 < rest.length, `${name}: ${flag} takes a value`)
        i++
      } else if (!option.required && !option.optional) {
        assert.equal(inline, undefined, `${name}: ${flag} takes no value`)
      }
    }
    const declared = cmd.registeredArguments
    const variadic = declared.length > 0 && declared[declared.length - 1].variadic
    const required = declared.filter((a) => a.required).length
    assert.ok(operands.length >= required, `${name}: "datdot ${path}" needs ${required} argument(s): ${declared.map((a) => a.name()).join(' ')}`)
    assert.ok(variadic || operands.length <= declared.length, `${name}: "datdot ${path}" takes ${declared.length} argument(s), not ${operands.join(' ')}`)

    // DATDOT_* variables only help if the command's options read them.
    for (const key of Object.keys(environment(service)).filter((k) => k.startsWith('DATDOT_'))) {
      assert.ok(cmd.options.some((o) => o.envVar === key), `${name}: no option of "datdot ${path}" reads ${key} (${cmd.options.filter((o) => o.envVar !== undefined).map((o) => `${o.long}: ${o.envVar}`).join(', ')})`)
    }
  }
})

interface Parsed { path: string, opts: OptionValues, args: unknown[] }

/** Parses a command line as `datdot` would, with the given environment, without running the command. */
async function parseAs (args: string[], env: Record<string, string>): Promise<Parsed> {
  const program = createProgram()
  let parsed: Parsed | null = null
  const stub = (cmd: Command, path: string[]): void => {
    if (cmd.commands.length === 0) {
      cmd.action((...a: unknown[]) => {
        const self = a[a.length - 1] as Command
        parsed = { path: path.join(' '), opts: self.opts(), args: self.processedArgs }
      })
    }
    for (const sub of cmd.commands) stub(sub, [...path, sub.name()])
  }
  stub(program, [])
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    await program.parseAsync(args, { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) throw new Error(`datdot ${args.join(' ')}: ${err.message}`)
    throw err
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
  assert.ok(parsed !== null, `datdot ${args.join(' ')} ran no command`)
  return parsed
}

function ipv4 (address: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)
  if (m === null || m.slice(1).some((b) => Number(b) > 255)) return null
  return m.slice(1).reduce((n, b) => n * 256 + Number(b), 0)
}

function inCidr (address: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/')
  const a = ipv4(address)
  const b = ipv4(base)
  if (a === null || b === null) return false
  const size = 2 ** (32 - Number(bits))
  return Math.floor(a / size) === Math.floor(b / size)
}

test('every command line parses as the CLI parses it, and the containers find each other', async (t) => {
  // Only the compose file's environment: no config file or DATDOT_* variable of whoever runs the test.
  const config = mkdtempSync(join(tmpdir(), 'datdot-compose-'))
  t.after(() => rmSync(config, { recursive: true, force: true }))
  process.env.XDG_CONFIG_HOME = config
  for (const key of Object.keys(process.env)) if (key.startsWith('DATDOT_')) delete process.env[key]

  const parsed = new Map<string, Parsed>()
  for (const [name, service] of services) parsed.set(name, await parseAs(argv(name, service), environment(service)))
  const running = (path: string): Array<[string, Parsed]> => [...parsed].filter(([, p]) => p.path === path)

  const chains = running('chain start')
  assert.equal(chains.length, 1, 'one chain')
  const [chainName, chain] = chains[0]
  assert.equal(chain.opts.host, '0.0.0.0', 'the chain\'s RPC listens on every interface, for the other containers')
  assert.equal(chain.opts.tmp, undefined, 'the chain keeps its state (no --tmp)')
  const healthcheck = JSON.stringify(compose.services[chainName].healthcheck?.test ?? '')
  if (healthcheck !== '""') assert.ok(healthcheck.includes(`:${String(chain.opts.port)}`), 'the healthcheck asks the chain\'s port')

  const dhts = running('dht')
  assert.equal(dhts.length, 1, 'one DHT bootstrap node')
  const [dhtName, dht] = dhts[0]
  // hyperdht's bootstrapper refuses 0.0.0.0 and host names: it must be given the address others reach it at.
  const dhtHost = String(dht.opts.host)
  assert.ok(ipv4(dhtHost) !== null && dhtHost !== '0.0.0.0', `the dht announces an IPv4 address, not ${dhtHost}`)
  const networks = compose.services[dhtName].networks
  const fixed = networks !== undefined && !Array.isArray(networks) ? Object.entries(networks).filter(([, n]) => n?.ipv4_address === dhtHost) : []
  assert.equal(fixed.length, 1, `the dht container has the fixed address ${dhtHost} that it announces`)
  const ipam = compose.networks?.[fixed[0][0]]?.ipam?.config ?? []
  assert.ok(ipam.some((c) => c.subnet !== undefined && inCidr(dhtHost, c.subnet) && (c.ip_range === undefined || !inCidr(dhtHost, c.ip_range))),
    `${dhtHost} is in the network's subnet, outside the range handed out to other containers`)

  const users = [...parsed].filter(([, p]) => p.opts.bootstrap !== undefined || p.path === 'service start')
  assert.ok(running('service start').length >= 3, 'three services')
  assert.equal(running('publish').length, 1, 'a publisher')
  for (const [name, p] of users) {
    const url = new URL(String(p.opts.chain))
    assert.equal(url.protocol, 'ws:')
    assert.equal(url.hostname, chainName, `${name} reaches the chain by its service name`)
    assert.equal(Number(url.port), chain.opts.port, `${name} uses the chain's port`)
    const bootstrap = p.opts.bootstrap as string[]
    assert.ok(bootstrap.length > 0)
    for (const node of bootstrap) {
      const [host, port] = node.split(':')
      assert.ok(host === dhtName || host === dhtHost, `${name} bootstraps from the dht service, not ${host}`)
      assert.equal(Number(port), dht.opts.port, `${name} uses the dht's port`)
    }
    for (const dep of [chainName, dhtName]) assert.ok(dependencies(compose.services[name]).includes(dep), `${name} depends on ${dep}`)
  }

  // State directories are on named volumes, writable, so that they outlive the containers.
  for (const [name, p] of parsed) {
    const mounts = mountsOf(compose.services[name])
    for (const key of ['basePath', 'storage']) {
      if (p.opts[key] === undefined) continue
      const dir = resolve('/', String(p.opts[key]))
      const mount = mounts.find((m) => dir === m.target || dir.startsWith(`${m.target}/`))
      assert.ok(mount !== undefined && mount.named && !mount.readOnly, `${name}: ${dir} is on a writable named volume`)
    }
  }
  // The publisher publishes what is mounted for it.
  const [publisherName, publisher] = running('publish')[0]
  const source = resolve('/', String(publisher.args[0]))
  assert.ok(mountsOf(compose.services[publisherName]).some((m) => source === m.target || source.startsWith(`${m.target}/`)), `${source} is mounted in the publisher`)
})

interface Mount { source: string, target: string, named: boolean, readOnly: boolean }

function mountsOf (service: Service): Mount[] {
  return (service.volumes ?? []).map((v) => {
    if (typeof v === 'string') {
      const [source, target, mode] = v.split(':')
      // Short syntax: a path (./x, /x, ~/x) is a bind mount, a bare name is a named volume.
      return { source, target: target ?? source, named: target !== undefined && !/^[./~]/.test(source), readOnly: mode?.split(',').includes('ro') ?? false }
    }
    return { source: v.source ?? '', target: v.target ?? '', named: (v.type ?? 'volume') === 'volume' && v.source !== undefined, readOnly: v.read_only === true }
  })
}

function dependencies (service: Service): string[] {
  const deps = service.depends_on ?? []
  return Array.isArray(deps) ? deps : Object.keys(deps)
}

test('volumes are declared and used, dependencies name services', () => {
  const declared = Object.keys(compose.volumes ?? {})
  const used = new Set<string>()
  for (const [name, service] of services) {
    for (const mount of mountsOf(service)) {
      assert.ok(mount.target.startsWith('/'), `${name}: ${mount.target} is an absolute path in the container`)
      if (mount.named) {
        assert.ok(declared.includes(mount.source), `${name}: volume ${mount.source} is declared under volumes:`)
        used.add(mount.source)
      } else {
        assert.ok(existsSync(resolve(DOCKER, mount.source)), `${name}: ${mount.source} exists (relative to docker/)`)
      }
    }
    const deps = dependencies(service)
    const conditions = Array.isArray(service.depends_on) ? {} : service.depends_on ?? {}
    for (const dep of deps) {
      assert.ok(dep in compose.services, `${name} depends on ${dep}, which is no service`)
      assert.notEqual(dep, name, `${name} depends on itself`)
      const condition = conditions[dep]?.condition ?? 'service_started'
      assert.ok(['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition), `${name}: ${condition}`)
      if (condition === 'service_healthy') assert.ok(compose.services[dep].healthcheck !== undefined, `${name} waits for ${dep} to be healthy, which has no healthcheck`)
    }
  }
  for (const v of declared) assert.ok(used.has(v), `volume ${v} is declared but no service mounts it`)

  // No cycles: compose could start nothing.
  const visiting = new Set<string>()
  const visit = (name: string, chain: string[]): void => {
    assert.ok(!visiting.has(name), `dependency cycle: ${[...chain, name].join(' -> ')}`)
    visiting.add(name)
    for (const dep of dependencies(compose.services[name])) visit(dep, [...chain, name])
    visiting.delete(name)
  }
  for (const [name] of services) visit(name, [])
})

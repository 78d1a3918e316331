import { describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { startChainProcess } from '../test/helpers/chain.js'
import { datdot as runDatdot } from '../test/cli/run-datdot.js'
import type { CliRun } from '../test/cli/run-datdot.js'

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'
const PASSPHRASE = 'wallet test passphrase'

type Run = CliRun

/** Runs the real CLI with `env` on top of an environment cleared of DATDOT_* settings and config files; `input` goes to its stdin. */
function datdot (args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return runDatdot(args, { cleanEnv: true, env: { XDG_CONFIG_HOME: emptyDir, ...env }, input, timeoutMs: 120_000 })
}

/** No config file is found under it. */
const emptyDir = mkdtempSync(join(tmpdir(), 'datdot-wallet-config-'))
test.after(() => rmSync(emptyDir, { recursive: true, force: true }))

function tempDir (t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'datdot-wallet-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function ok (run: Run): Run {
  assert.equal(run.code, 0, run.stderr)
  return run
}

/** The one line of a failed command, with its code. */
function failed (run: Run, exit: number, code: string): void {
  assert.equal(run.code, exit, run.stderr)
  assert.match(run.stderr, new RegExp(`^error \\[${code}\\]: [^\\n]+\\n$`))
}

test('every wallet command has a --help with an example', async () => {
  for (const command of ['create', 'import', 'list', 'export', 'ratio', 'transfer', 'support']) {
    const { code, stdout } = ok(await datdot(['wallet', command, '--help']))
    assert.equal(code, 0)
    assert.match(stdout, /^Usage: datdot wallet /, command)
    assert.match(stdout, /\nExamples?:\n {2}datdot wallet /, command)
  }
})

describe('a wallet command line that cannot run exits 2 with one usage line', { concurrency: true }, () => {
  const cases: Array<[string[], RegExp]> = [
    [['create', 'a/b'], /"a\/b" cannot name an identity/],
    [['create', 'x', '--words', '13'], /Allowed choices are 12, 15, 18, 21, 24/],
    [['import', 'x', '--keystore', 'k.json', '--mnemonic-file', 'm'], /'--keystore <file>' cannot be used with option '--mnemonic-file/],
    [['transfer', BOB, '0', '--dev', '--account', '//Alice'], /"0" is not an amount of ratio/],
    [['transfer', BOB], /missing required argument 'amount'/],
    [['transfer', BOB, '5', '--account', '//Alice'], /--account takes a secret URI only with --dev/],
    [['support', 'plan:x', '5'], /is not a plan id/],
    [['ratio'], /say whose keys to use/],
    [['export'], /say which identity to export/]
  ]
  for (const [args, message] of cases) {
    it(args.join(' '), async (t) => {
      const run = await datdot(['wallet', ...args], { DATDOT_VAULT: tempDir(t) })
      failed(run, 2, 'USAGE')
      assert.match(run.stderr, message)
      assert.equal(run.stdout, '')
    })
  }
})

describe('vault and chain', { concurrency: true }, () => {
  it('create, list, export, import; a wrong passphrase changes nothing', async (t) => {
    const dir = tempDir(t)
    const env = { DATDOT_VAULT: join(dir, 'vault'), DATDOT_PASSWORD: PASSPHRASE }

    const created = JSON.parse(ok(await datdot(['wallet', 'create', 'alice', '--json'], env)).stdout) as { name: string, address: string, noiseKey: string, mnemonic: string, file: string }
    assert.equal(created.name, 'alice')
    assert.equal(created.mnemonic.split(' ').length, 12)
    assert.equal(statSync(created.file).mode & 0o777, 0o600)
    assert.equal(statSync(env.DATDOT_VAULT).mode & 0o777, 0o700)
    failed(await datdot(['wallet', 'create', 'alice'], env), 1, 'IDENTITY_EXISTS')
    failed(await datdot(['wallet', 'create', 'bob'], { DATDOT_VAULT: env.DATDOT_VAULT }), 1, 'NO_PASSPHRASE')

    const listed = JSON.parse(ok(await datdot(['wallet', 'list', '--json'], env)).stdout) as Array<{ name: string, address: string, noiseKey: string }>
    assert.deepEqual(listed.map(({ name, address, noiseKey }) => ({ name, address, noiseKey })), [{ name: 'alice', address: created.address, noiseKey: created.noiseKey }])

    // The export is a polkadot-js keystore: polkadot-js loads it and unlocks it with the passphrase.
    const exported = ok(await datdot(['wallet', 'export', 'alice'], env)).stdout
    await cryptoWaitReady()
    const pair = new Keyring({ type: 'sr25519' }).addFromJson(JSON.parse(exported))
    pair.unlock(PASSPHRASE)
    assert.equal(pair.address, created.address)
    assert.equal(pair.meta.name, 'alice')

    const stored = readFileSync(created.file)
    const wrong = await datdot(['wallet', 'export', 'alice'], { ...env, DATDOT_PASSWORD: 'not it' })
    failed(wrong, 1, 'WRONG_PASSPHRASE')
    assert.equal(wrong.stdout, '')
    assert.deepEqual(readFileSync(created.file), stored)

    // --password-file takes the file's first line; --out writes a new 0600 file.
    const passwordFile = join(dir, 'password')
    writeFileSync(passwordFile, `${PASSPHRASE}\n`)
    const out = join(dir, 'alice.json')
    ok(await datdot(['wallet', 'export', '--identity', 'alice', '--out', out, '--password-file', passwordFile], { DATDOT_VAULT: env.DATDOT_VAULT }))
    assert.equal(readFileSync(out, 'utf8'), exported)
    assert.equal(statSync(out).mode & 0o777, 0o600)

    // Another vault: the mnemonic (on stdin) and the keystore both give the same address and noise key.
    const other = { ...env, DATDOT_VAULT: join(dir, 'other') }
    const fromMnemonic = JSON.parse(ok(await datdot(['wallet', 'import', 'm', '--json'], other, `${created.mnemonic}\n`)).stdout) as typeof created
    const fromKeystore = JSON.parse(ok(await datdot(['wallet', 'import', 'k', '--keystore', out, '--json'], other)).stdout) as typeof created
    for (const imported of [fromMnemonic, fromKeystore]) assert.deepEqual([imported.address, imported.noiseKey], [created.address, created.noiseKey])
  })

  it('transfer ratio from a dev account to a wallet and back; its ratio and history', async (t) => {
    const dir = tempDir(t)
    const chain = await startChainProcess(t, { args: ['--instant'] })
    const env = { DATDOT_VAULT: join(dir, 'vault'), DATDOT_CHAIN: chain.url }
    const passwordFile = join(dir, 'password')
    writeFileSync(passwordFile, PASSPHRASE)
    const { address } = JSON.parse(ok(await datdot(['wallet', 'create', 'carol', '--json', '--password-file', passwordFile], env)).stdout) as { address: string }

    // To the identity by its name, from //Alice (a dev URI, so --dev).
    const sent = JSON.parse(ok(await datdot(['wallet', 'transfer', 'carol', '1000', '--dev', '--account', '//Alice', '--json'], env)).stdout) as { from: string, to: string, amount: string, block: number }
    assert.deepEqual([sent.from, sent.to, sent.amount], [ALICE, address, '1000'])

    // Back, signed with the vault identity (unlocked with its passphrase).
    const withIdentity = { ...env, DATDOT_IDENTITY: 'carol', DATDOT_PASSWORD: PASSPHRASE }
    const back = ok(await datdot(['wallet', 'transfer', ALICE, '400'], withIdentity)).stdout
    assert.match(back, new RegExp(`^transferred 400 ratio from ${address} to ${ALICE} in block #\\d+\\n$`))
    failed(await datdot(['wallet', 'transfer', ALICE, '601'], withIdentity), 1, 'INSUFFICIENT_RATIO')
    failed(await datdot(['wallet', 'transfer', ALICE, '1'], { ...withIdentity, DATDOT_PASSWORD: 'not it' }), 1, 'WRONG_PASSPHRASE')
    const refused = await datdot(['wallet', 'support', '99', '5'], withIdentity)
    failed(refused, 1, 'EXTRINSIC_FAILED')
    assert.match(refused.stderr, /plans\.PlanNotFound/)

    const ratio = JSON.parse(ok(await datdot(['wallet', 'ratio', '--json'], { ...env, DATDOT_IDENTITY: 'carol' })).stdout) as {
      address: string, free: string, reserved: string, history: { changes: Array<{ block: number, kind: string, amount: string, counterparty: string }> }
    }
    const fees = ratio.history.changes.filter((c) => c.kind === 'fee')
    assert.equal(fees.length, 3, 'the transfer back, the transfer of more than it held and the support of no plan each paid a fee, failed or not')
    const free = 600n + fees.reduce((sum, c) => sum + BigInt(c.amount), 0n)
    assert.deepEqual([ratio.address, ratio.free, ratio.reserved], [address, String(free), '0'])
    assert.deepEqual(ratio.history.changes.filter((c) => c.kind !== 'fee').map(({ kind, amount, counterparty }) => ({ kind, amount, counterparty })), [
      { kind: 'received', amount: '1000', counterparty: ALICE },
      { kind: 'sent', amount: '-400', counterparty: ALICE }
    ])
    assert.equal(ratio.history.changes[0].block, sent.block)

    const table = ok(await datdot(['wallet', 'ratio', 'carol'], env)).stdout
    assert.match(table, new RegExp(`^free +${free}$`, 'm'))
    assert.match(table, new RegExp(`\\+1000 +received +from ${ALICE}`))
  })
})

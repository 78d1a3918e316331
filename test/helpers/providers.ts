import type { ApiPromise } from '@polkadot/api'
import type { KeyringPair } from '@polkadot/keyring/types'
import { u8aToHex } from '@polkadot/util'
import { ed25519PairFromSeed, blake2AsU8a } from '@polkadot/util-crypto'
import { devAccount } from './api.js'
import { inBlock } from './blocks.js'
import { fund } from './faucet.js'

export interface TestProvider {
  readonly account: KeyringPair
  /** ed25519 noise key pair, derived from the name so that runs are repeatable. */
  readonly noise: { publicKey: Uint8Array, secretKey: Uint8Array }
}

/**
 * The account `//name` with a noise key of its own (one name, one key: the chain refuses a noise key another
 * account holds). `noiseOf` names another provider's noise key, for tests of accounts that share a machine.
 */
export function testProvider (name: string, noiseOf = name): TestProvider {
  return { account: devAccount(`//${name}`), noise: ed25519PairFromSeed(blake2AsU8a(noiseOf, 256)) }
}

/**
 * Funds (test/helpers/faucet.ts) and registers hosters (with `capacity` bytes each) and attesters in one
 * block; fails the test on any refusal.
 */
export async function registerProviders (api: ApiPromise, hosters: TestProvider[], attesters: TestProvider[], capacity = 1n << 30n): Promise<void> {
  await fund(api, [...hosters, ...attesters].map((p) => p.account.address))
  const outcomes = await inBlock(api, [
    ...hosters.map((h) => [api.tx.roles.registerHoster(u8aToHex(h.noise.publicKey), capacity), h.account] as const),
    ...attesters.map((a) => [api.tx.roles.registerAttester(u8aToHex(a.noise.publicKey)), a.account] as const)
  ].map(([tx, who]) => [tx, who]))
  const refused = outcomes.filter((o) => o.result !== 'ok')
  if (refused.length > 0) throw new Error(`registration refused: ${refused.map((o) => o.result).join(', ')}`)
}

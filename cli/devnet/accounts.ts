/**
 * Who is who on a devnet. The sponsor (the publisher of the sample feed) is //Alice. The services take the
 * other dev accounts of the chain spec, hosters first, then attesters, then encoders; beyond them, accounts derived from
 * //Alice and numbered within their role (`//Alice//hoster/6` is the sixth hoster). Those the spec does not give
 * ratio are given some by the sponsor before they start (fund-services.ts): registering costs a fee. Their
 * proofs and reports are free; hosters earn ratio from the sponsor and attesters are rewarded by the network.
 */
export const SPONSOR_URI = '//Alice'
const DEV_ACCOUNTS = ['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']

export type ServiceRole = 'hoster' | 'attester' | 'encoder'

export interface DevnetService {
  readonly role: ServiceRole
  /** Secret URI of its account (`--dev --account URI`). */
  readonly uri: string
}

export function devnetServices (counts: { hosters: number, attesters: number, encoders: number }): DevnetService[] {
  const roles: ServiceRole[] = [
    ...Array<ServiceRole>(counts.hosters).fill('hoster'),
    ...Array<ServiceRole>(counts.attesters).fill('attester'),
    ...Array<ServiceRole>(counts.encoders).fill('encoder')
  ]
  return roles.map((role, i) => ({ role, uri: DEV_ACCOUNTS[i] ?? `${SPONSOR_URI}//${role}/${roles.slice(0, i + 1).filter((r) => r === role).length}` }))
}

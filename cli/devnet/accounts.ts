/**
 * Who is who on a devnet. The sponsor (the publisher of the sample feed) is //Alice. The services take the
 * other dev accounts of the chain spec, hosters first, then attesters; beyond them, accounts derived from
 * //Alice and numbered within their role (`//Alice//hoster/6` is the sixth hoster). None of them needs ratio to start: the chain charges no fees, roles are
 * registered for free, hosters earn ratio from the sponsor and attesters are rewarded by the network.
 */
export const SPONSOR_URI = '//Alice'
const DEV_ACCOUNTS = ['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie']

export type ServiceRole = 'hoster' | 'attester'

export interface DevnetService {
  readonly role: ServiceRole
  /** Secret URI of its account (`--dev --account URI`). */
  readonly uri: string
}

export function devnetServices (hosters: number, attesters: number): DevnetService[] {
  const roles: ServiceRole[] = [...Array<ServiceRole>(hosters).fill('hoster'), ...Array<ServiceRole>(attesters).fill('attester')]
  return roles.map((role, i) => ({ role, uri: DEV_ACCOUNTS[i] ?? `${SPONSOR_URI}//${role}/${role === 'hoster' ? i + 1 : i - hosters + 1}` }))
}

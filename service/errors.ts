/** An error of the service with a stable `code` (hypercore style: errors made by factories). */
export class ServiceError extends Error {
  constructor (readonly code: string, message: string, readonly hint?: string) {
    super(message)
    this.name = 'ServiceError'
  }
}

export const serviceErrors = {
  chainUnreachable: (url: string, cause: Error) => new ServiceError('CHAIN_UNREACHABLE',
    `cannot reach the chain at ${url}: ${cause.message}`, 'start the chain (datdot chain start) or pass --chain URL'),
  noiseKeyMismatch: (account: string) => new ServiceError('NOISE_KEY_MISMATCH',
    `the account ${account} is registered with another noise key`, 'run the service with the keys it registered with'),
  noRatio: (address: string, held: bigint, needed: bigint) => new ServiceError('NO_RATIO',
    `the account ${address} holds ${held} ratio; registering its roles costs ${needed} in fees`,
    `have ratio transferred to it first: datdot wallet transfer ${address} 100 --identity FUNDED (a new account needs at least the existential deposit); its proofs and reports are free after that`),
  registrationRefused: (reason: string) => new ServiceError('REGISTRATION_REFUSED', `the chain refused to register the service: ${reason}`),
  publishRefused: (step: string, reason: string) => new ServiceError('PUBLISH_REFUSED', `the chain refused ${step}: ${reason}`),
  notFound: (path: string) => new ServiceError('PATH_NOT_FOUND', `no file or directory at ${path}`),
  heldCoresUnreadable: (file: string, why: string) => new ServiceError('HELD_CORES_UNREADABLE',
    `cannot read the hoster's list of the cores on its disk (${file}): ${why}`, 'restore the file from a backup, or remove it (cores let go before then then stay on disk)')
}

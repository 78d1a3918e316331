/** An error of the chain node with a stable `code` (hypercore style: errors made by factories). */
export class ChainError extends Error {
  constructor (readonly code: string, message: string) {
    super(message)
    this.name = 'ChainError'
  }
}

export const chainErrors = {
  chainMismatch: (basePath: string, specId: string) => new ChainError('CHAIN_MISMATCH',
    `the base path ${basePath} holds another chain than "${specId}"; choose another --base-path or start with --tmp`),
  unknownBlock: (hash: string) => new ChainError('UNKNOWN_BLOCK', `no block with hash ${hash}`),
  closed: () => new ChainError('NODE_CLOSED', 'the node is shutting down')
}

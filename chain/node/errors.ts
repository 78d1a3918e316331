/** An error of the chain node with a stable `code` (hypercore style: errors made by factories). */
export class ChainError extends Error {
  constructor (readonly code: string, message: string, readonly hint?: string) {
    super(message)
    this.name = 'ChainError'
  }
}

export const chainErrors = {
  chainMismatch: (basePath: string, specId: string) => new ChainError('CHAIN_MISMATCH',
    `the base path ${basePath} holds another chain than "${specId}"; choose another --base-path or start with --tmp`),
  unknownBlock: (hash: string) => new ChainError('UNKNOWN_BLOCK', `no block with hash ${hash}`),
  closed: () => new ChainError('NODE_CLOSED', 'the node is shutting down'),
  authorityKeyNotFound: (file: string) => new ChainError('AUTHORITY_KEY_NOT_FOUND', `no authority key file at ${file}`,
    '--authority-key takes a file holding the ed25519 secret seed as 0x-prefixed hex (32 bytes)'),
  authorityKeyUnreadable: (file: string, reason: string) => new ChainError('AUTHORITY_KEY_UNREADABLE', `cannot read or write the authority key ${file}: ${reason}`,
    'check the permissions of the file and of the base path'),
  authorityKeyInvalid: (file: string) => new ChainError('AUTHORITY_KEY_INVALID', `${file} is not an authority key`,
    'the file must hold the ed25519 secret seed as 0x-prefixed hex (64 hex characters), e.g. made by: node -e "console.log(\'0x\'+require(\'crypto\').randomBytes(32).toString(\'hex\'))"'),
  authorityMismatch: (basePath: string) => new ChainError('AUTHORITY_MISMATCH', `the chain in ${basePath} was authored with another key than this node's`,
    'start it with the key it was made with (--authority-key FILE, or the authority-key file in its base path), or choose another --base-path, or --tmp')
}

/** Names of identities: they name files, so no separators, no leading dot, and a bounded length. */
const IDENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export const IDENTITY_NAME_RULE = '1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit'

export function isIdentityName (name: string): boolean {
  return IDENTITY_NAME.test(name)
}

import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

/** Secrets with 256 bits of entropy need no slow hash: SHA-256 is enough and allows an index lookup. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')

/** A readable random password for generated logins (demo owner, CLI). */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url')
}

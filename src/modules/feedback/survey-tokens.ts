import { createHash, randomBytes } from 'node:crypto'

/** A public survey link token: 256 random bits, url-safe. Only its SHA-256 is stored. */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url')
}

export const hashSurveyToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Shape check before any lookup: a malformed token is simply not found. */
export const looksLikeSurveyToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token)

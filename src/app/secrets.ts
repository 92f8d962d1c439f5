import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies, CSRF tokens and API tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a secret: what is stored, so that a database leak does not leak credentials. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

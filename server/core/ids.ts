import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A 26-character, time-ordered, URL-safe id (ULID layout, lower case):
 * 10 characters of milliseconds then 16 random ones. Ids sort by creation time,
 * which keeps cursor pagination stable and indexes compact.
 */
export function newId(now = Date.now()): string {
  let time = '';
  let ms = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return time + rand;
}

/** A random secret in base64url, for tokens and keys. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let time = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  return time;
}

/**
 * A 26-character, time-ordered, URL-safe id (ULID layout, lower case): 10 characters of milliseconds,
 * then 16 random ones. Within one millisecond the random part counts up (monotonic ULID), so ids made
 * one after the other always sort in creation order — cursors and "newest first" rely on it.
 */
export function newId(now = Date.now()): string {
  if (now <= lastTime) {
    let i = lastRandom.length - 1;
    while (i >= 0 && lastRandom[i] === 31) lastRandom[i--] = 0;
    if (i >= 0) lastRandom[i] = (lastRandom[i] as number) + 1;
  } else {
    lastTime = now;
    lastRandom = [...randomBytes(16)].map((b) => b % 32);
    lastRandom[0] = (lastRandom[0] as number) % 16; // headroom so counting up never overflows in practice
  }
  return encodeTime(lastTime) + lastRandom.map((d) => ALPHABET[d]).join('');
}

/** A random secret in base64url, for tokens and keys. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

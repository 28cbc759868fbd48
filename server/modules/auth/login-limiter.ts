import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../http/errors.ts';

const WINDOW_MS = 60_000;
/** One address may try this many times more failures across all e-mails (password spraying). */
const PER_CLIENT_FACTOR = 5;

/**
 * Failed logins per client and e-mail within a minute (and per client across e-mails). Only failures
 * count: an office whose staff all log in from one address (behind NAT, or an integration test run)
 * is never locked out by its successful logins. Kept in memory: a restart forgets, which is fine for a
 * one-minute window.
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
  ) {}

  /** Throws 429 when this client has failed too often for this e-mail (or at all) within the window. */
  check(ip: string, email: string): void {
    const now = this.clock.now().getTime();
    const forEmail = this.#recent(`${ip}|${email.trim().toLowerCase()}`, now);
    const forClient = this.#recent(ip, now);
    if (forEmail.length >= this.limit || forClient.length >= this.limit * PER_CLIENT_FACTOR) {
      const oldest = Math.min(...(forEmail.length >= this.limit ? forEmail : forClient));
      const seconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
      throw new AppError('rate_limited', `Too many failed logins; try again in ${seconds} s`);
    }
  }

  failed(ip: string, email: string): void {
    const now = this.clock.now().getTime();
    if (this.#failures.size > 10_000) for (const key of [...this.#failures.keys()]) this.#recent(key, now);
    for (const key of [`${ip}|${email.trim().toLowerCase()}`, ip]) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  succeeded(ip: string, email: string): void {
    this.#failures.delete(`${ip}|${email.trim().toLowerCase()}`);
  }

  #recent(key: string, now: number): number[] {
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
    return recent;
  }
}

import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Reads `If-Match: "<version>"` (quotes and W/ optional); undefined when absent. */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(String(raw));
  if (!match) {
    throw new AppError('validation_failed', 'If-Match must be the record version in quotes, e.g. "3"', [
      { path: 'If-Match', message: 'expected "<version>"' },
    ]);
  }
  return Number(match[1]);
}

/** 412: the record changed since the client read it. With `record`, the problem carries the fresh data as `current`. */
export function versionMismatch(current: number, record?: unknown): AppError {
  return new AppError(
    'version_mismatch',
    `The record was changed by someone else (now at version ${current}). Reload it and try again.`,
    [],
    record === undefined ? {} : { current: record },
  );
}

import { expect } from 'vitest';

/** Asserts an RFC 9457 problem+json answer with the given status and code. */
export function expectProblem(
  res: { status: number; headers: Record<string, unknown>; body: any },
  status: number,
  code: string,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body).toMatchObject({
    status,
    code,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.any(String),
  });
  expect(Array.isArray(res.body.errors)).toBe(true);
}

import { describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.ts';

describe('newId', () => {
  it('is 26 URL-safe characters and sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newId(1_800_000_000_000));
    expect(ids.every((id) => /^[0-9a-hjkmnp-tv-z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = newId(1_800_000_000_001);
    expect(later > (ids.at(-1) as string)).toBe(true);
  });
});

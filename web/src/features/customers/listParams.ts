import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import type { ListQuery } from '../../api/customers.ts';
import type { CustomerEntity } from '../../api/types.ts';

/** Filters each list understands besides q, sort and customFields.<key> (the API's documented ones). */
export const LIST_FILTERS: Record<CustomerEntity, readonly string[]> = {
  contact: ['ownerId', 'companyId', 'tag', 'source', 'city'],
  company: ['ownerId', 'tag', 'city', 'country'],
};

export const DEFAULT_SORT: Record<CustomerEntity, string> = { contact: 'lastName', company: 'name' };

/** "Mine" is stored as ownerId=me so a saved view keeps meaning the viewer. */
export const ME = 'me';

const CUSTOM = /^customFields\.[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

export function isCustomParam(key: string): boolean {
  return CUSTOM.test(key);
}

/**
 * The list's state lives in the URL (?q=…&tag=…&customFields.x=…&sort=…): it survives reloads, can be
 * shared, saved as a view and sent as it is to the export.
 */
export function useListParams(entity: CustomerEntity) {
  const [params, setParams] = useSearchParams();
  const me = useCurrentUser();

  const values: ListQuery = useMemo(() => {
    const allowed = new Set(['q', 'sort', ...LIST_FILTERS[entity]]);
    const out: ListQuery = {};
    for (const [key, value] of params) if (value !== '' && (allowed.has(key) || isCustomParam(key))) out[key] = value;
    return out;
  }, [params, entity]);

  /** What goes to the API: "me" resolved to the viewer. */
  const apiQuery: ListQuery = useMemo(() => (values.ownerId === ME ? { ...values, ownerId: me.id } : values), [values, me.id]);

  const set = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const replace = useCallback((query: ListQuery) => setParams(new URLSearchParams(query), { replace: true }), [setParams]);

  const sort = values.sort ?? DEFAULT_SORT[entity];
  const filtered = Object.keys(values).some((key) => key !== 'sort');
  return { values, apiQuery, set, replace, sort, filtered };
}

export type ListParams = ReturnType<typeof useListParams>;

/** Two list queries are the same view when they hold the same parameters (order aside). */
export function sameQuery(a: ListQuery, b: ListQuery): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? '') !== (b[key] ?? '')) return false;
  return true;
}

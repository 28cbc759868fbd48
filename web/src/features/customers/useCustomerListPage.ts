import { useMemo } from 'react';
import { useCurrentUser } from '../../api/auth.ts';
import { type CustomerRecord, useCustomerList } from '../../api/customers.ts';
import { useEntityFields } from '../../api/customFields.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { useHiddenColumns } from './ColumnsMenu.tsx';
import { useListParams } from './listParams.ts';
import { useSelection } from './selection.ts';
import { useUserNames } from './useUserNames.ts';

const distinct = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/** Everything a contacts or companies list page works with: URL state, rows, fields, columns and selection. */
export function useCustomerListPage<E extends CustomerEntity>(entity: E) {
  const me = useCurrentUser();
  const params = useListParams(entity);
  const fields = useEntityFields(entity);
  const [hidden, setHidden] = useHiddenColumns(entity);
  const list = useCustomerList(entity, params.apiQuery);
  const owners = useUserNames();
  const selection = useSelection();
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]) as CustomerRecord[E][];
  const columns = useMemo(() => fields.filter((field) => !hidden.includes(field.key)), [fields, hidden]);
  const suggestions = useMemo(
    () => ({
      tag: distinct(rows.flatMap((row) => row.tags)),
      source: distinct(rows.map((row) => ('source' in row ? row.source : null))),
    }),
    [rows],
  );
  // Owners change in bulk for the admin (anyone) and heads (their team); others own only their own records.
  const canBulk = me.role === 'admin' || me.role === 'head';
  return { params, fields, columns, hidden, setHidden, list, rows, owners, selection, suggestions, canBulk };
}

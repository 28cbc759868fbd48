import { useCallback, useState } from 'react';

/** Ticked rows of a list, for bulk actions. */
export function useSelection() {
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((current) => (on ? [...new Set([...current, id])] : current.filter((x) => x !== id))),
    [],
  );
  const setAll = useCallback(
    (ids: string[], on: boolean) =>
      setSelected((current) => (on ? [...new Set([...current, ...ids])] : current.filter((x) => !ids.includes(x)))),
    [],
  );
  const clear = useCallback(() => setSelected([]), []);
  return { selected, toggle, setAll, clear };
}

export type Selection = ReturnType<typeof useSelection>;

import {
  type Icon,
  IconCalculator,
  IconChecklist,
  IconPhone,
  IconRuler,
  IconSquareCheck,
  IconTool,
  IconUsers,
} from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTaskTypes } from '../../api/tasks.ts';
import type { TaskType } from '../../api/types.ts';

const ICONS: Record<string, Icon> = {
  call: IconPhone,
  meeting: IconUsers,
  measurement: IconRuler,
  calculation: IconCalculator,
  installation: IconTool,
  todo: IconChecklist,
};

/** The icon of a task type; types an admin added get a plain check box. */
export function TaskTypeIcon({ type, size = 18 }: { type: string; size?: number }) {
  const TypeIcon = ICONS[type] ?? IconSquareCheck;
  return <TypeIcon size={size} stroke={1.6} aria-hidden="true" />;
}

export function typeName(type: TaskType | undefined, key: string, language: string): string {
  if (!type) return key;
  return language === 'en' ? type.nameEn : type.nameDe;
}

/** Task types with a lookup of their name in the UI language. */
export function useTaskTypeNames() {
  const { i18n } = useTranslation();
  const types = useTaskTypes();
  const byKey = useMemo(() => new Map((types.data ?? []).map((type) => [type.key, type])), [types.data]);
  const nameOf = useCallback((key: string) => typeName(byKey.get(key), key, i18n.language), [byKey, i18n.language]);
  const options = useMemo(
    () => (types.data ?? []).map((type) => ({ value: type.key, label: typeName(type, type.key, i18n.language) })),
    [types.data, i18n.language],
  );
  return { types: types.data ?? [], byKey, nameOf, options, isPending: types.isPending };
}

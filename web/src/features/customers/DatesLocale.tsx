import '@mantine/dates/styles.css';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Date pickers in the UI language: German months and Monday first. */
export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'de', firstDayOfWeek: 1 }}>{children}</DatesProvider>
  );
}

/** Input formats of the date fields: 31.12.2026 (de) or 31/12/2026 (en). */
export function dateFormat(language: string): string {
  return language === 'en' ? 'DD/MM/YYYY' : 'DD.MM.YYYY';
}

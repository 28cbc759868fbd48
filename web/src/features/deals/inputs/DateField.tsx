import '@mantine/dates/styles.css';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseDateInput } from '../../customers/CustomFieldInput.tsx';
import { dateFormat } from '../../customers/DatesLocale.tsx';

/** A calendar date (YYYY-MM-DD) that can be typed in the local notation (15.12.2026) or picked. */
export function DateField(props: DateInputProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      valueFormat={dateFormat(i18n.language)}
      locale={i18n.language === 'en' ? 'en-gb' : 'de'}
      dateParser={parseDateInput}
      firstDayOfWeek={1}
      clearable
      placeholder={t('customers.datePlaceholder')}
      {...props}
    />
  );
}

import { Group, Paper, Select, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportSettings, useUpdateReportSettings } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The weekly summary e-mail to heads (admin): on/off, weekday and time; saved on every change. */
export function WeeklySummarySettings() {
  const { t } = useTranslation();
  const settings = useReportSettings();
  const update = useUpdateReportSettings();
  const weekly = settings.data?.weeklySummary;
  const [time, setTime] = useState('');
  useEffect(() => setTime(weekly?.time ?? ''), [weekly?.time]);

  const change = (changes: { enabled?: boolean; weekday?: number; time?: string }) =>
    update.mutate(
      { weeklySummary: changes },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('reports.weekly.saved') }) },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="weekly-summary-settings">
      <Title order={2} size="h4" mb={4}>
        {t('reports.weekly.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.weekly.description')}
      </Text>
      {settings.error && <ErrorAlert error={settings.error} />}
      {weekly && (
        <Group align="flex-end" gap="md" wrap="wrap">
          <Switch
            label={t('reports.weekly.enabled')}
            checked={weekly.enabled}
            onChange={(e) => change({ enabled: e.currentTarget.checked })}
            disabled={update.isPending}
          />
          <Select
            label={t('reports.weekly.weekday')}
            data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`reports.weekdays.${d}`) }))}
            value={String(weekly.weekday)}
            onChange={(v) => v && change({ weekday: Number(v) })}
            allowDeselect={false}
            w={160}
          />
          <TextInput
            label={t('reports.weekly.time')}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            onBlur={() => time !== weekly.time && TIME.test(time) && change({ time })}
            error={time && !TIME.test(time) ? t('reports.weekly.timeFormat') : undefined}
            placeholder="08:00"
            w={110}
          />
          <Text size="sm" c="dimmed" data-testid="weekly-next">
            {settings.data?.nextWeeklySummaryAt
              ? t('reports.weekly.next', { at: formatDateTime(settings.data.nextWeeklySummaryAt) })
              : t('reports.weekly.off')}
          </Text>
        </Group>
      )}
      {update.error && <ErrorAlert error={update.error} />}
    </Paper>
  );
}

import { Button, Divider, Group, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkSettings } from '../../api/types.ts';
import { useUpdateWorkSettings } from '../../api/workSettings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DatesLocale } from '../customers/DatesLocale.tsx';
import { useActiveUsers } from '../customers/useUserNames.ts';
import { HolidaysField } from './HolidaysField.tsx';
import { invalidRanges, OpeningHoursFields } from './OpeningHoursFields.tsx';

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Business hours (on/off, time zone, opening hours, holidays) and the escalation fallback. */
export function WorkSettingsForm({ settings }: { settings: WorkSettings }) {
  const { t } = useTranslation();
  const users = useActiveUsers();
  const update = useUpdateWorkSettings();
  const [values, setValues] = useState(settings);
  const hours = values.businessHours;
  const zones = useMemo(() => timeZones(hours.timeZone), [hours.timeZone]);
  const setHours = (patch: Partial<WorkSettings['businessHours']>) =>
    setValues((v) => ({ ...v, businessHours: { ...v.businessHours, ...patch } }));
  const invalid = invalidRanges(hours.days).size > 0;
  const dirty = JSON.stringify(values) !== JSON.stringify(settings);

  const save = () =>
    update.mutate(
      { version: settings.version, changes: { businessHours: values.businessHours, escalationUserId: values.escalationUserId } },
      {
        onSuccess: (saved) => {
          setValues(saved);
          notifications.show({ color: 'teal', message: t('workSettings.saved') });
        },
      },
    );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack>
        <Title order={2} size="h4">
          {t('workSettings.businessHours')}
        </Title>
        {update.error && <ErrorAlert error={update.error} />}
        <Switch
          label={t('workSettings.enabled')}
          description={t('workSettings.enabledHint')}
          checked={hours.enabled}
          onChange={(event) => setHours({ enabled: event.currentTarget.checked })}
        />
        <Select
          label={t('workSettings.timeZone')}
          searchable
          allowDeselect={false}
          // Some 400 zones: type to find one ("Berlin"); only the first matches are listed.
          limit={40}
          data={zones}
          value={hours.timeZone}
          onChange={(zone) => zone && setHours({ timeZone: zone })}
          w={{ base: '100%', xs: 320 }}
        />
        <div>
          <Text fw={600} size="sm" mb="xs">
            {t('workSettings.openingHours')}
          </Text>
          <OpeningHoursFields value={hours.days} onChange={(days) => setHours({ days })} />
        </div>
        <div>
          <Text fw={600} size="sm" mb="xs">
            {t('workSettings.holidays')}
          </Text>
          <DatesLocale>
            <HolidaysField value={hours.holidays} onChange={(holidays) => setHours({ holidays })} />
          </DatesLocale>
        </div>
        <Divider />
        <Title order={2} size="h4">
          {t('workSettings.escalation')}
        </Title>
        <Select
          label={t('workSettings.escalationUser')}
          description={t('workSettings.escalationHint')}
          placeholder="—"
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={users.map((user) => ({ value: user.id, label: user.name }))}
          value={values.escalationUserId}
          onChange={(escalationUserId) => setValues((v) => ({ ...v, escalationUserId }))}
          w={{ base: '100%', xs: 320 }}
        />
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty || update.isPending} onClick={() => setValues(settings)}>
            {t('common.discard')}
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={!dirty || invalid}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePutTargets, useTargets } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { eurosToCents } from '../deals/format.ts';
import { formatMonth } from './format.ts';
import { useReportPeople } from './useReportPeople.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The current month, the two before and the nine after: the months one plans targets for. */
function monthChoices(now = new Date()): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - 2 + i, 1);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
  });
}

/** Monthly revenue targets per person (admin: everyone; head: the team). An empty field removes a target. */
export function TargetsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const months = useMemo(() => monthChoices(), []);
  const [month, setMonth] = useState(months[2] as string);
  const people = useReportPeople().users.filter((u) => u.role === 'manager' || u.role === 'head');
  const targets = useTargets({ from: month, to: month });
  const save = usePutTargets();
  const [values, setValues] = useState<Record<string, number | string>>({});

  useEffect(() => {
    setValues(Object.fromEntries((targets.data ?? []).map((x) => [x.userId, x.amountCents / 100])));
  }, [targets.data]);

  const submit = () => {
    const before = new Map((targets.data ?? []).map((x) => [x.userId, x.amountCents]));
    const changes = people
      .map((u) => ({ userId: u.id, month, amountCents: eurosToCents(values[u.id] ?? null) }))
      .filter((c) => c.amountCents !== (before.get(c.userId) ?? null));
    if (changes.length === 0) return onClose();
    save.mutate(
      { targets: changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('reports.targets.saved') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.targets.title')} size="md">
      <Stack gap="sm">
        <Select
          label={t('reports.columns.month')}
          data={months.map((m) => ({ value: m, label: formatMonth(m, 'long') }))}
          value={month}
          onChange={(v) => v && setMonth(v)}
          allowDeselect={false}
        />
        <Text size="sm" c="dimmed">
          {t('reports.targets.hint')}
        </Text>
        {people.map((u) => (
          <NumberInput
            key={u.id}
            label={u.name}
            value={values[u.id] ?? ''}
            onChange={(v) => setValues((prev) => ({ ...prev, [u.id]: v }))}
            min={0}
            decimalScale={2}
            thousandSeparator={t('reports.targets.thousands')}
            decimalSeparator={t('reports.targets.decimal')}
            suffix=" €"
            disabled={targets.isPending}
          />
        ))}
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMergeCustomers } from '../../api/customers.ts';
import type { CustomerEntity, Duplicate } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const PATH: Record<CustomerEntity, string> = { contact: '/contacts', company: '/companies' };

interface Props {
  entity: CustomerEntity;
  current: { id: string; title: string; subtitle: string | null };
  other: Duplicate | null;
  onClose: () => void;
}

/** Merges two records: the user picks the one to keep; everything of the other moves onto it. */
export function MergeModal({ entity, current, other, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeCustomers(entity);
  const [keep, setKeep] = useState<string>(current.id);
  // Each time the dialog opens for a pair, the record on screen is the one kept unless the user picks the other.
  useEffect(() => {
    if (other) setKeep(current.id);
  }, [other, current.id]);

  const close = () => {
    merge.reset();
    setKeep(current.id);
    onClose();
  };

  const confirm = () => {
    if (!other) return;
    const keepId = keep;
    const otherId = keepId === current.id ? other.id : current.id;
    merge.mutate(
      { keepId, otherId },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('customers.merged') });
          close();
          if (keepId !== current.id) void navigate(`${PATH[entity]}/${keepId}`, { replace: true });
        },
      },
    );
  };

  const option = (record: { id: string; title: string; subtitle: string | null }) => (
    <Radio.Card key={record.id} value={record.id} p="sm" radius="md">
      <Group wrap="nowrap" align="flex-start">
        <Radio.Indicator />
        <div>
          <Text fw={600} size="sm">
            {record.title}
          </Text>
          {record.subtitle && (
            <Text size="xs" c="dimmed">
              {record.subtitle}
            </Text>
          )}
        </div>
      </Group>
    </Radio.Card>
  );

  return (
    <Modal opened={other !== null} onClose={close} title={t('customers.mergeTitle')} centered>
      {other && (
        <Stack>
          {merge.error && <ErrorAlert error={merge.error} />}
          <Text size="sm">{t('customers.mergeText')}</Text>
          <Radio.Group value={keep} onChange={setKeep} label={t('customers.mergeKeep')}>
            <Stack gap="xs" mt="xs">
              {option(current)}
              {option(other)}
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            {t('customers.mergeHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={merge.isPending}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={confirm} loading={merge.isPending}>
              {t('customers.mergeConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandover } from '../../api/handover.ts';
import type { User } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useActiveUsers } from './useUserNames.ts';

/** "Arbeit übergeben": everything a user owns and their open tasks go to a colleague, e.g. when they leave. */
export function HandoverModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const colleagues = useActiveUsers().filter((candidate) => candidate.id !== user?.id);
  const handover = useHandover();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const result = handover.data;
  const target = colleagues.find((candidate) => candidate.id === toUserId);

  const close = () => {
    setToUserId(null);
    setConfirming(false);
    handover.reset();
    onClose();
  };

  const submit = () => {
    if (!user || !toUserId) return;
    handover.mutate({ fromUserId: user.id, toUserId }, { onSettled: () => setConfirming(false) });
  };

  return (
    <Modal opened={user !== null} onClose={close} title={t('handover.title', { name: user?.name ?? '' })} centered>
      {user && result ? (
        <Stack>
          <Alert color="teal" icon={<IconCircleCheck />} title={t('handover.done', { name: target?.name ?? '' })}>
            <List size="sm" data-testid="handover-result">
              <List.Item>{t('handover.contacts', { count: result.contacts, n: formatNumber(result.contacts) })}</List.Item>
              <List.Item>{t('handover.companies', { count: result.companies, n: formatNumber(result.companies) })}</List.Item>
              <List.Item>{t('handover.deals', { count: result.deals, n: formatNumber(result.deals) })}</List.Item>
              <List.Item>{t('handover.tasks', { count: result.tasks, n: formatNumber(result.tasks) })}</List.Item>
            </List>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : user ? (
        <Stack>
          <Text size="sm">{t('handover.text', { name: user.name })}</Text>
          {handover.error && <ErrorAlert error={handover.error} hideFields={['toUserId']} />}
          <Select
            label={t('handover.to')}
            placeholder={t('handover.toPlaceholder')}
            searchable
            data={colleagues.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={toUserId}
            onChange={(value) => {
              setToUserId(value);
              setConfirming(false);
            }}
            error={fieldErrorsOf(t, handover.error).toUserId}
            data-autofocus
          />
          {confirming && target && (
            <Alert color="orange" title={t('handover.confirmTitle')}>
              {t('handover.confirmText', { from: user.name, to: target.name })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={handover.isPending}>
              {t('common.cancel')}
            </Button>
            {confirming ? (
              <Button color="orange" onClick={submit} loading={handover.isPending}>
                {t('handover.confirm')}
              </Button>
            ) : (
              <Button onClick={() => setConfirming(true)} disabled={!toUserId}>
                {t('handover.next')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

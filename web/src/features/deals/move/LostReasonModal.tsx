import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLostReasons } from '../../../api/pipelines.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

interface Props {
  /** The deal about to be lost and the lost stage; null keeps the dialog closed. */
  target: { title: string; stageName: string } | null;
  loading: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why a deal was lost before it enters a lost stage (the reasons the admin keeps, or free text). */
export function LostReasonModal({ target, loading, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onCancel} title={t('board.lost.title')} centered>
      {target && <LostReasonForm target={target} loading={loading} error={error} onConfirm={onConfirm} onCancel={onCancel} />}
    </Modal>
  );
}

function LostReasonForm({ target, loading, error, onConfirm, onCancel }: Props & { target: NonNullable<Props['target']> }) {
  const { t } = useTranslation();
  const reasons = useLostReasons();
  const active = (reasons.data ?? []).filter((reason) => reason.active);
  const [reason, setReason] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const missing = touched && !reason?.trim();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (reason?.trim()) onConfirm(reason.trim());
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">{t('board.lost.text', { title: target.title, stage: target.stageName })}</Text>
        {error !== null && error !== undefined && <ErrorAlert error={error} hideFields={['lostReason']} />}
        {reasons.isSuccess && active.length === 0 ? (
          <TextInput
            label={t('deals.fields.lostReason')}
            required
            data-autofocus
            value={reason ?? ''}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={missing ? t('board.lost.required') : undefined}
          />
        ) : (
          <Select
            label={t('deals.fields.lostReason')}
            placeholder={t('board.lost.placeholder')}
            required
            data-autofocus
            data={active.map((r) => r.name)}
            value={reason}
            onChange={setReason}
            disabled={reasons.isPending}
            error={missing ? t('board.lost.required') : undefined}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={loading}>
            {t('board.lost.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

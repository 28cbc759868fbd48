import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type DocumentRecord, useCancelDocument } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../i18n/format.ts';

/** Confirms cancelling an invoice: it stays as issued, a cancellation invoice with negated amounts corrects it. */
export function CancelDocumentModal({ doc, onClose }: { doc: DocumentRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelDocument();
  const confirm = () =>
    cancel.mutate(doc.id, {
      onSuccess: (correction) => {
        notifications.show({ color: 'teal', message: t('documents.cancel.done', { number: correction.number }) });
        onClose();
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('documents.cancel.title', { number: doc.number })} centered>
      <Stack gap="sm">
        {cancel.error && <ErrorAlert error={cancel.error} />}
        <Text size="sm">
          {t('documents.cancel.text', { number: doc.number, amount: formatMoney(-doc.grossCents, doc.currency) })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={cancel.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={cancel.isPending} data-autofocus>
            {t('documents.cancel.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

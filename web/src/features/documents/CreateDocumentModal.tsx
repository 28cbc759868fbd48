import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_KINDS, useCreateDocument, useTemplates } from '../../api/documents.ts';
import type { Deal } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../i18n/format.ts';
import { todayIso } from '../deals/format.ts';
import { DateField } from '../deals/inputs/DateField.tsx';
import { kindLabel } from './kinds.ts';

interface Props {
  deal: Deal;
  opened: boolean;
  onClose: () => void;
}

/** Picks a template (grouped by kind, German and English) and issues the document for the deal. */
export function CreateDocumentModal({ deal, opened, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const create = useCreateDocument(deal.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const [deliveryDate, setDeliveryDate] = useState<string | null>(todayIso());

  const active = (templates.data ?? []).filter((template) => template.active);
  const fallback =
    active.find((x) => x.kind === 'offer' && x.isDefault && x.locale === i18n.language) ??
    active.find((x) => x.kind === 'offer') ??
    active[0];
  const templateId = chosen ?? fallback?.id ?? null;
  const template = active.find((x) => x.id === templateId);
  const kinds = [
    ...TEMPLATE_KINDS,
    ...active.map((x) => x.kind).filter((k) => !(TEMPLATE_KINDS as readonly string[]).includes(k)),
  ];
  const data = [...new Set(kinds)]
    .map((kind) => ({
      group: kindLabel(t, kind),
      items: active.filter((x) => x.kind === kind).map((x) => ({ value: x.id, label: `${x.name} (${x.locale.toUpperCase()})` })),
    }))
    .filter((group) => group.items.length > 0);

  const close = () => {
    create.reset();
    setChosen(null);
    onClose();
  };

  const submit = () => {
    if (!template) return;
    create.mutate(
      { templateId: template.id, ...(template.kind === 'invoice' ? { deliveryDate } : {}) },
      {
        onSuccess: (doc) => {
          notifications.show({
            color: 'teal',
            message: t('documents.create.done', { kind: kindLabel(t, doc.kind), number: doc.number }),
          });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('documents.create.title')} centered>
      <Stack gap="sm">
        {templates.isError && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
        {create.error && <ErrorAlert error={create.error} />}
        <Select
          label={t('documents.create.template')}
          data={data}
          value={templateId}
          onChange={setChosen}
          allowDeselect={false}
          disabled={templates.isPending}
          placeholder={templates.isPending ? t('common.loading') : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        {template?.kind === 'invoice' && (
          <DateField
            label={t('documents.create.deliveryDate')}
            description={t('documents.create.deliveryDateHint')}
            value={deliveryDate}
            onChange={(value) => setDeliveryDate(value)}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('documents.create.hint', { amount: formatMoney(deal.grossCents, deal.currency) })}
        </Text>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={close} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={!template}>
            {t('documents.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

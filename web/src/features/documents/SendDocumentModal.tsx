import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError, api } from '../../api/client.ts';
import { type DocumentRecord, useSendDocument } from '../../api/documents.ts';
import { useCompanySettings } from '../../api/settings.ts';
import type { Contact, Deal } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';

interface Values {
  to: string;
  subject: string;
  message: string;
}

function useDealContact(id: string | null) {
  return useQuery({
    queryKey: ['contacts', 'detail', id],
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/**
 * E-mails the PDF: the recipient comes from the deal's contact, subject and message are the standard
 * text in the document's language, all editable. Without SMTP the server answers 503 and we say so.
 */
export function SendDocumentModal({ doc, deal, onClose }: { doc: DocumentRecord; deal: Deal; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const contact = useDealContact(deal.contactId);
  const company = useCompanySettings();
  const send = useSendDocument();
  const form = useForm<Values>({
    initialValues: { to: '', subject: '', message: '' },
    validate: {
      to: (value) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email')),
      subject: (value) => (value.trim() ? null : t('validation.required')),
    },
  });

  const legalName = company.data?.legalName ?? '';
  const name = contact.data?.name ?? deal.contactName ?? '';
  const ready = (deal.contactId === null || !contact.isPending) && !company.isPending;
  // Prefilled once what it is made from has arrived; the user's edits are never overwritten.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the sources are ready
  useEffect(() => {
    if (!ready || form.isDirty()) return;
    const lng = doc.locale;
    const values = {
      to: contact.data?.email ?? '',
      subject: `${doc.title} ${doc.number}${legalName ? ` – ${legalName}` : ''}`,
      message: [
        name ? t('documents.send.greeting', { lng, name }) : t('documents.send.greetingNone', { lng }),
        t('documents.send.body', { lng, title: doc.title, number: doc.number }),
        t('documents.send.closing', { lng, sender: me.name || legalName }),
      ].join('\n\n'),
    };
    form.setInitialValues(values);
    form.setValues(values);
  }, [ready]);

  const unavailable = send.error instanceof ApiError && send.error.status === 503;
  const submit = form.onSubmit((values) =>
    send.mutate(
      { id: doc.id, input: { to: values.to.trim(), subject: values.subject.trim(), message: values.message } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('documents.send.done', { number: doc.number, to: values.to.trim() }) });
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={t('documents.send.title', { number: doc.number })} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {unavailable ? (
            <Alert color="orange" variant="light" icon={<IconMailOff />} title={t('documents.send.noSmtpTitle')} role="alert">
              {t('documents.send.noSmtp')}
            </Alert>
          ) : (
            send.error && <ErrorAlert error={send.error} hideFields={['to', 'subject', 'message']} />
          )}
          <TextInput label={t('documents.send.to')} type="email" required {...form.getInputProps('to')} />
          <TextInput label={t('documents.send.subject')} required maxLength={300} {...form.getInputProps('subject')} />
          <Textarea
            label={t('documents.send.message')}
            autosize
            minRows={6}
            maxRows={14}
            maxLength={20_000}
            {...form.getInputProps('message')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={send.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} disabled={!ready}>
              {t('documents.send.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

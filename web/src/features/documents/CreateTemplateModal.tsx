import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type DocumentLocale, type DocumentTemplate, TEMPLATE_KINDS, useCreateTemplate } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { kindLabel } from './kinds.ts';

interface Values {
  name: string;
  kind: string;
  locale: DocumentLocale;
}

const STARTER = '# {{document.title}} {{document.number}}\n\n[[items]]\n[[totals]]\n\n{{company.paymentTerms}}\n';

/** A new template starts as a copy of the default of its kind and language (or a bare skeleton). */
export function CreateTemplateModal({ templates, onClose }: { templates: DocumentTemplate[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTemplate();
  const form = useForm<Values>({
    initialValues: { name: '', kind: 'offer', locale: i18n.language === 'en' ? 'en' : 'de' },
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
  });

  const submit = form.onSubmit((values) => {
    const same = templates.filter((x) => x.kind === values.kind && x.locale === values.locale);
    const base = same.find((x) => x.isDefault) ?? same[0];
    create.mutate(
      { name: values.name.trim(), kind: values.kind, locale: values.locale, source: base?.source ?? STARTER },
      {
        onSuccess: (template) => navigate(`/admin/document-templates/${template.id}`),
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('documents.templates.create')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {create.error && <ErrorAlert error={create.error} hideFields={['name', 'kind', 'locale']} />}
          <TextInput label={t('documents.editor.name')} required maxLength={100} data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <Select
              label={t('documents.templates.kind')}
              data={TEMPLATE_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('common.language')}
              data={[
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('documents.templates.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

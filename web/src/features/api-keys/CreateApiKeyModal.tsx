import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiKey } from '../../api/apiKeys.ts';
import { useCurrentUser } from '../../api/auth.ts';
import { type CreatedApiKey, type Role, rolesAtOrBelow } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';

/** Creates a key, then shows its secret exactly once with a copy button. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('apiKeys.createdTitle') : t('apiKeys.create')}
      closeOnClickOutside={!created}
      size="lg"
    >
      {opened && !created && <CreateForm onCreated={setCreated} onCancel={close} />}
      {created && <ShowKey apiKey={created} onDone={close} />}
    </Modal>
  );
}

function CreateForm({ onCreated, onCancel }: { onCreated: (key: CreatedApiKey) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateApiKey();
  const v = useValidators();
  const roles = rolesAtOrBelow(me.role);
  const form = useForm<{ name: string; role: Role }>({
    initialValues: { name: '', role: roles.includes('manager') ? 'manager' : me.role },
    validate: { name: v.required },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), role: values.role },
      { onSuccess: onCreated, onError: (error) => form.setErrors(fieldErrorsOf(t, error)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.error && <ErrorAlert error={create.error} hideFields={['name', 'role']} />}
        <TextInput
          label={t('fields.name')}
          description={t('apiKeys.nameHint')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label={t('fields.role')}
          description={t('apiKeys.roleHint')}
          required
          allowDeselect={false}
          data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...form.getInputProps('role')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('apiKeys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShowKey({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title={t('apiKeys.onceTitle')}>
        {t('apiKeys.onceText')}
      </Alert>
      <Text size="sm" fw={500} id="new-api-key-label">
        {t('apiKeys.keyFor', { name: apiKey.name })}
      </Text>
      <Code block aria-labelledby="new-api-key-label" data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>
        {apiKey.key}
      </Code>
      <Text size="xs" c="dimmed">
        {t('apiKeys.usage')} <Code>Authorization: Bearer {apiKey.prefix}…</Code>
      </Text>
      <Group justify="space-between">
        <CopyButton value={apiKey.key}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : 'blue'}
              leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              onClick={copy}
            >
              {copied ? t('common.copied') : t('apiKeys.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t('common.done')}
        </Button>
      </Group>
    </Stack>
  );
}

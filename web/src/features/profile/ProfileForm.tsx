import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../../api/auth.ts';
import type { UpdateProfile, User } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const v = useValidators();
  const form = useForm({
    initialValues: { name: user.name, email: user.email },
    validate: { name: v.required, email: v.email },
  });

  const submit = form.onSubmit((values) => {
    const changes: UpdateProfile = {};
    if (values.name.trim() !== user.name) changes.name = values.name.trim();
    if (values.email.trim().toLowerCase() !== user.email) changes.email = values.email.trim();
    if (Object.keys(changes).length === 0) return;
    update.mutate(changes, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('profile.saved') }),
      onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {update.error && <ErrorAlert error={update.error} hideFields={['name', 'email']} />}
        <TextInput label={t('fields.name')} required autoComplete="name" {...form.getInputProps('name')} />
        <TextInput label={t('fields.email')} type="email" required autoComplete="email" {...form.getInputProps('email')} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

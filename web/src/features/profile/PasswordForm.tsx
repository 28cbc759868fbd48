import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';

/** Changing the password ends every other session; this one continues with fresh cookies. */
export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const v = useValidators();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: v.required,
      newPassword: v.password,
      repeat: (value, values) => v.sameAs(values.newPassword)(value),
    },
  });

  const submit = form.onSubmit((values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
        },
        onError: (error) => {
          // A wrong current password answers 401 (invalid_credentials) or a field error on currentPassword.
          if (error instanceof ApiError && error.status === 401) {
            form.setFieldError('currentPassword', t('profile.currentPasswordWrong'));
          } else form.setErrors(fieldErrorsOf(t, error));
        },
      },
    ),
  );

  const wrongCurrent = change.error instanceof ApiError && change.error.status === 401;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('profile.passwordHint')}
        </Text>
        {change.error && !wrongCurrent && <ErrorAlert error={change.error} hideFields={['currentPassword', 'newPassword']} />}
        <PasswordInput
          label={t('profile.currentPassword')}
          required
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          description={t('validation.minLength', { count: 8 })}
          required
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('fields.passwordRepeat')}
          required
          autoComplete="new-password"
          {...form.getInputProps('repeat')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useSetupState } from '../../api/setup.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useValidators } from '../../components/forms.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { CenteredCard } from './CenteredCard.tsx';

function safeTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const setup = useSetupState();
  const login = useLogin();
  const v = useValidators();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: v.required, password: v.required },
  });

  useEffect(() => {
    document.title = `${t('login.title')} · Kontor`;
  }, [t]);

  if (me.data) return <Navigate to={safeTarget(location.state)} replace />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isPending || setup.isPending) return <LoadingState fullScreen />;

  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (session) => {
          setLanguage(session.user.locale);
          void navigate(safeTarget(location.state), { replace: true });
        },
        onError: () => form.setFieldValue('password', ''),
      },
    );
  });

  const invalid = login.error instanceof ApiError && login.error.status === 401;

  return (
    <CenteredCard>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between" align="center">
            <Title order={1} size="h3">
              {t('login.title')}
            </Title>
            <LanguageSwitch />
          </Group>
          <Text size="sm" c="dimmed">
            {t('login.subtitle')}
          </Text>
          {invalid && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
              {t('login.invalid')}
            </Alert>
          )}
          {login.error && !invalid && <ErrorAlert error={login.error} />}
          <TextInput label={t('fields.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}

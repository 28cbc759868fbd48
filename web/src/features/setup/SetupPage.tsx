import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useRunSetup, useSetupState } from '../../api/setup.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage, isLanguage, LANGUAGES, type Language, setLanguage } from '../../i18n/index.ts';
import { CenteredCard } from '../auth/CenteredCard.tsx';

interface Values {
  companyName: string;
  name: string;
  email: string;
  password: string;
  passwordRepeat: string;
  locale: Language;
  demoData: boolean;
}

/** First run: the company and its first administrator; ends logged in. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const state = useSetupState();
  const runSetup = useRunSetup();
  const v = useValidators();
  const form = useForm<Values>({
    initialValues: {
      companyName: '',
      name: '',
      email: '',
      password: '',
      passwordRepeat: '',
      locale: currentLanguage(),
      demoData: false,
    },
    validate: {
      companyName: v.required,
      name: v.required,
      email: v.email,
      password: v.password,
      passwordRepeat: (value, values) => v.sameAs(values.password)(value),
    },
  });

  useEffect(() => {
    document.title = `${t('setup.title')} · Kontor`;
  }, [t]);

  if (state.isPending) return <LoadingState fullScreen />;
  if (state.isError) {
    return (
      <CenteredCard>
        <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />
      </CenteredCard>
    );
  }
  if (!state.data.needed) return <Navigate to={me.data ? '/' : '/login'} replace />;

  const fieldLabels = {
    companyName: t('setup.companyName'),
    name: t('fields.name'),
    email: t('fields.email'),
    password: t('fields.password'),
  };

  const submit = form.onSubmit(({ passwordRepeat: _repeat, ...values }) => {
    runSetup.mutate(
      { ...values, companyName: values.companyName.trim(), name: values.name.trim(), email: values.email.trim() },
      {
        onSuccess: (session) => {
          setLanguage(session.user.locale);
          notifications.show({ color: 'teal', title: t('setup.doneTitle'), message: t('setup.doneMessage') });
          void navigate('/', { replace: true });
        },
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    );
  });

  return (
    <CenteredCard width={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between" align="center">
            <Title order={1} size="h3">
              {t('setup.title')}
            </Title>
            <LanguageSwitch onChange={(lng) => form.setFieldValue('locale', lng)} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('setup.intro')}
          </Text>
          {runSetup.error && (
            <ErrorAlert error={runSetup.error} fieldLabels={fieldLabels} hideFields={Object.keys(fieldLabels)} />
          )}
          <TextInput label={t('setup.companyName')} required autoComplete="organization" {...form.getInputProps('companyName')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.name')} required autoComplete="name" {...form.getInputProps('name')} />
            <TextInput label={t('fields.email')} type="email" required autoComplete="email" {...form.getInputProps('email')} />
            <PasswordInput
              label={t('fields.password')}
              description={t('validation.minLength', { count: 8 })}
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('fields.passwordRepeat')}
              required
              autoComplete="new-password"
              {...form.getInputProps('passwordRepeat')}
            />
          </SimpleGrid>
          <Select
            label={t('fields.language')}
            data={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
            onChange={(value) => {
              if (!isLanguage(value)) return;
              form.setFieldValue('locale', value);
              setLanguage(value);
            }}
          />
          <Checkbox
            label={t('setup.demoData')}
            description={t('setup.demoDataHint')}
            {...form.getInputProps('demoData', { type: 'checkbox' })}
          />
          <Button type="submit" loading={runSetup.isPending} fullWidth mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}

import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError, api } from '../../api/client.ts';
import { useTeams } from '../../api/teams.ts';
import { type Locale, type Role, rolesAtOrBelow, type UpdateUser, type User } from '../../api/types.ts';
import { useCreateUser, usersKey, useUpdateUser } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';
import { LANGUAGES } from '../../i18n/index.ts';

interface Values {
  name: string;
  email: string;
  password: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  active: boolean;
}

const FIELDS = ['name', 'email', 'password', 'role', 'teamId', 'locale', 'active'];

function valuesOf(user: User | null): Values {
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    password: '',
    role: user?.role ?? 'manager',
    teamId: user?.teamId ?? null,
    locale: user?.locale ?? 'de',
    active: user?.active ?? true,
  };
}

function changesOf(base: User, values: Values): UpdateUser {
  const changes: UpdateUser = {};
  if (values.name.trim() !== base.name) changes.name = values.name.trim();
  if (values.email.trim().toLowerCase() !== base.email) changes.email = values.email.trim();
  if (values.password !== '') changes.password = values.password;
  if (values.role !== base.role) changes.role = values.role;
  if (values.teamId !== base.teamId) changes.teamId = values.teamId;
  if (values.locale !== base.locale) changes.locale = values.locale;
  if (values.active !== base.active) changes.active = values.active;
  return changes;
}

/** Create or edit a user; edits send only changed fields, guarded by the record's version. */
export function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const teams = useTeams();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = user ? updateUser : createUser;
  const [base, setBase] = useState(user);
  const [reloading, setReloading] = useState(false);
  const v = useValidators();
  const form = useForm<Values>({
    initialValues: valuesOf(user),
    validate: { name: v.required, email: v.email, password: user ? v.optionalPassword : v.password },
  });

  const labels: Record<string, string> = {
    name: t('fields.name'),
    email: t('fields.email'),
    password: user ? t('users.newPassword') : t('fields.password'),
    role: t('fields.role'),
    teamId: t('fields.team'),
    locale: t('fields.language'),
    active: t('users.active'),
  };

  const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));

  async function reload() {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await qc.fetchQuery({
        queryKey: [...usersKey, 'detail', base.id],
        queryFn: () => api.get<User>(`/users/${encodeURIComponent(base.id)}`),
        staleTime: 0,
      });
      setBase(fresh);
      form.setValues(valuesOf(fresh));
      form.resetDirty(valuesOf(fresh));
      updateUser.reset();
    } finally {
      setReloading(false);
    }
  }

  const submit = form.onSubmit((values) => {
    if (!base) {
      createUser.mutate(
        {
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
          role: values.role,
          teamId: values.teamId,
          locale: values.locale,
        },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'teal', message: t('users.created', { name: created.name }) });
            onDone();
          },
          onError,
        },
      );
      return;
    }
    const changes = changesOf(base, values);
    if (Object.keys(changes).length === 0) return onDone();
    updateUser.mutate(
      { id: base.id, version: base.version, changes },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'teal', message: t('users.updated', { name: updated.name }) });
          onDone();
        },
        onError,
      },
    );
  });

  const stale = mutation.error instanceof ApiError && mutation.error.status === 412;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && (
          <ErrorAlert
            error={mutation.error}
            fieldLabels={labels}
            hideFields={FIELDS}
            onRetry={stale ? () => void reload() : undefined}
            retryLabel={t('common.reload')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={labels.name} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={labels.email} type="email" required autoComplete="off" {...form.getInputProps('email')} />
          <PasswordInput
            label={labels.password}
            description={user ? t('users.newPasswordHint') : t('validation.minLength', { count: 8 })}
            required={!user}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Select
            label={labels.role}
            required
            allowDeselect={false}
            data={rolesAtOrBelow(me.role).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <Select
            label={labels.teamId}
            placeholder={t('users.noTeam')}
            clearable
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            disabled={teams.isPending}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            {...form.getInputProps('teamId')}
          />
          <Select
            label={labels.locale}
            allowDeselect={false}
            data={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        {user && (
          <Switch
            label={labels.active}
            description={t('users.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending || reloading} disabled={stale}>
            {user ? t('common.save') : t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateTeam, useUpdateTeam } from '../../api/teams.ts';
import type { Team, UpdateTeam } from '../../api/types.ts';
import { useUserDirectory } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';

interface Props {
  opened: boolean;
  /** The team to edit; null creates a new one. */
  team: Team | null;
  onClose: () => void;
}

export function TeamFormModal({ opened, team, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={team ? t('teams.editTitle', { name: team.name }) : t('teams.create')}>
      {opened && <TeamForm key={team?.id ?? 'new'} team={team} onDone={onClose} />}
    </Modal>
  );
}

function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  const mutation = team ? updateTeam : createTeam;
  const v = useValidators();
  const form = useForm({
    initialValues: { name: team?.name ?? '', headId: team?.headId ?? null },
    validate: { name: v.required },
  });
  const labels = { name: t('fields.name'), headId: t('teams.head') };

  // Only active users can lead a team; a current head who was deactivated stays listed so the form shows them.
  const candidates = (users.data ?? []).filter((user) => user.active || user.id === team?.headId);

  const submit = form.onSubmit((values) => {
    const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));
    const name = values.name.trim();
    if (!team) {
      createTeam.mutate(
        { name, headId: values.headId },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'teal', message: t('teams.created', { name: created.name }) });
            onDone();
          },
          onError,
        },
      );
      return;
    }
    const changes: UpdateTeam = {};
    if (name !== team.name) changes.name = name;
    if (values.headId !== team.headId) changes.headId = values.headId;
    if (Object.keys(changes).length === 0) return onDone();
    updateTeam.mutate(
      { id: team.id, version: team.version, changes },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'teal', message: t('teams.updated', { name: updated.name }) });
          onDone();
        },
        onError,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && <ErrorAlert error={mutation.error} fieldLabels={labels} hideFields={['name', 'headId']} />}
        <TextInput label={labels.name} required data-autofocus {...form.getInputProps('name')} />
        <Select
          label={labels.headId}
          description={t('teams.headHint')}
          placeholder={t('teams.noHead')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          disabled={users.isPending}
          data={candidates.map((user) => ({ value: user.id, label: user.name }))}
          {...form.getInputProps('headId')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {team ? t('common.save') : t('teams.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { ActionIcon, Button, Group, Paper, Skeleton, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateLostReason, useLostReasons, useUpdateLostReason } from '../../api/pipelines.ts';
import type { LostReason } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';

function ReasonRow({ reason }: { reason: LostReason }) {
  const { t } = useTranslation();
  const update = useUpdateLostReason();
  const [name, setName] = useState(reason.name);
  const changed = name.trim() !== '' && name.trim() !== reason.name;
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorSummary(t, error) });
  const rename = () => changed && update.mutate({ id: reason.id, changes: { name: name.trim() } }, { onError: fail });

  return (
    <Group gap="sm" wrap="nowrap" data-reason={reason.name}>
      <TextInput
        aria-label={t('pipelines.lostReasons.nameOf', { name: reason.name })}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Enter' && rename()}
        style={{ flex: 1 }}
        c={reason.active ? undefined : 'dimmed'}
        rightSection={
          changed && (
            <Tooltip label={t('common.save')} withArrow>
              <ActionIcon size="sm" onClick={rename} loading={update.isPending} aria-label={t('pipelines.lostReasons.rename')}>
                <IconCheck size={14} />
              </ActionIcon>
            </Tooltip>
          )
        }
      />
      <Switch
        label={t('common.active')}
        checked={reason.active}
        onChange={(event) =>
          update.mutate({ id: reason.id, changes: { active: event.currentTarget.checked } }, { onError: fail })
        }
      />
    </Group>
  );
}

/** The reasons a deal can be lost (asked for when a deal enters a lost stage); retired ones stay on old deals. */
export function LostReasonsPanel() {
  const { t } = useTranslation();
  const reasons = useLostReasons();
  const create = useCreateLostReason();
  const [name, setName] = useState('');

  const add = () => {
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), position: reasons.data?.length ?? 0 },
      { onSuccess: () => setName(''), onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }) },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lost-reasons-title" maw={640}>
      <Title order={2} size="h4" id="lost-reasons-title">
        {t('pipelines.lostReasons.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('pipelines.lostReasons.description')}
      </Text>
      {reasons.isPending ? (
        <Skeleton height={120} />
      ) : reasons.isError ? (
        <ErrorAlert error={reasons.error} onRetry={() => void reasons.refetch()} />
      ) : (
        <Stack gap="xs">
          {reasons.data.map((reason) => (
            <ReasonRow key={`${reason.id}:${reason.version}`} reason={reason} />
          ))}
        </Stack>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Group gap="sm" mt="md" wrap="nowrap">
          <TextInput
            aria-label={t('pipelines.lostReasons.new')}
            placeholder={t('pipelines.lostReasons.newPlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            disabled={!name.trim()}
          >
            {t('pipelines.lostReasons.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

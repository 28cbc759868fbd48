import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkKind } from '../../../api/tasks.ts';
import { type Trigger, useRunWorkflow } from '../../../api/workflows.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { RecordSelect } from '../../tasks/RecordSelect.tsx';
import { RunList } from '../runs/RunList.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  workflowId: string;
  trigger: Trigger;
}

/** Runs the saved workflow now on a chosen deal, contact or company and shows the run that resulted. */
export function TestRunModal({ opened, onClose, workflowId, trigger }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LinkKind>(
    trigger.entity === 'contact' || trigger.entity === 'company' ? trigger.entity : 'deal',
  );
  const [recordId, setRecordId] = useState<string | null>(null);
  const run = useRunWorkflow();
  return (
    <Modal opened={opened} onClose={onClose} title={t('automation.test.title')} size="xl">
      <Stack gap="sm">
        <Alert color="yellow" variant="light">
          {t('automation.test.warning')}
        </Alert>
        <SegmentedControl
          aria-label={t('automation.runs.recordKind')}
          value={kind}
          data={[
            { value: 'deal', label: t('automation.entities.deal') },
            { value: 'contact', label: t('automation.entities.contact') },
            { value: 'company', label: t('automation.entities.company') },
          ]}
          onChange={(v) => {
            setKind(v as LinkKind);
            setRecordId(null);
          }}
          style={{ alignSelf: 'flex-start' }}
        />
        <RecordSelect key={kind} kind={kind} label={t('automation.test.record')} value={recordId} onChange={setRecordId} />
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            disabled={!recordId}
            loading={run.isPending}
            onClick={() => recordId && run.mutate({ id: workflowId, target: { entityType: kind, entityId: recordId } })}
          >
            {t('automation.test.run')}
          </Button>
        </Group>
        {run.isError && <ErrorAlert error={run.error} />}
        {run.data && (
          <Stack gap="xs" data-testid="test-run-result">
            <Text fw={500}>{t('automation.test.result')}</Text>
            <RunList runs={[run.data]} defaultOpen={[run.data.id]} />
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

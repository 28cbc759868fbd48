import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBolt, IconChevronDown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type TriggerEntity, useManualWorkflows, useRunWorkflow } from '../../api/workflows.ts';
import { errorSummary } from '../../components/errors.ts';

interface Props {
  entityType: TriggerEntity;
  entityId: string;
}

/**
 * "Workflow starten" on a record: the enabled manual workflows for its kind. Everyone who can see the
 * record may start them (the server answers 404 for a record the user cannot see).
 */
export function StartWorkflowMenu({ entityType, entityId }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const workflows = useManualWorkflows(entityType);
  const run = useRunWorkflow();
  const manual = workflows.data ?? [];
  if (manual.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconBolt size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={run.isPending}
        >
          {t('automation.manual.start')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {manual.map((w) => (
          <Menu.Item
            key={w.id}
            title={w.description ?? undefined}
            onClick={() =>
              run.mutate(
                { id: w.id, target: { entityType, entityId } },
                {
                  onSuccess: (result) => {
                    notifications.show({
                      color: result.status === 'failed' ? 'red' : 'teal',
                      message: t('automation.manual.started', {
                        name: w.name,
                        status: t(`automation.runStatus.${result.status}`),
                      }),
                    });
                    // steps may have changed the record, its tasks and its timeline
                    void qc.invalidateQueries({ queryKey: ['deals'] });
                    void qc.invalidateQueries({ queryKey: ['contacts'] });
                    void qc.invalidateQueries({ queryKey: ['companies'] });
                    void qc.invalidateQueries({ queryKey: ['tasks'] });
                    void qc.invalidateQueries({ queryKey: ['timeline'] });
                  },
                  onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
                },
              )
            }
          >
            {w.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

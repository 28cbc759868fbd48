import { Accordion, Anchor, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRetryRun, type WorkflowRun } from '../../../api/workflows.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';

interface Props {
  runs: WorkflowRun[];
  /** Workflow names by id, when runs of several workflows are listed. */
  names?: Map<string, string>;
  /** Open these runs at first (a test run's result). */
  defaultOpen?: string[];
}

/** A step's place in the workflow: [3,"then",0] → "4 › dann › 1". */
function stepPath(branch: { then: string; else: string }, raw: string): string {
  try {
    const parts = JSON.parse(raw) as (number | 'then' | 'else')[];
    return parts.map((p) => (typeof p === 'number' ? String(p + 1) : branch[p])).join(' › ');
  } catch {
    return raw;
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function recordLink(entityType: string | null, entityId: string | null, dealId: string | null) {
  if (dealId) return `/deals/${encodeURIComponent(dealId)}`;
  if (entityType === 'contact' && entityId) return `/contacts/${encodeURIComponent(entityId)}`;
  if (entityType === 'company' && entityId) return `/companies/${encodeURIComponent(entityId)}`;
  if (entityType === 'task' && entityId) return `/tasks/${encodeURIComponent(entityId)}`;
  return null;
}

/** Runs with their status; opened, every step with its result or error, and a retry for failed runs. */
export function RunList({ runs, names, defaultOpen }: Props) {
  const { t } = useTranslation();
  const retry = useRetryRun();
  // biome-ignore lint/suspicious/noThenProperty: branch names of a step path, never a thenable
  const branch = { then: t('automation.steps.if.then'), else: t('automation.steps.if.else') };
  return (
    <Stack gap="xs">
      {retry.isError && <ErrorAlert error={retry.error} />}
      <Accordion variant="separated" multiple defaultValue={defaultOpen}>
        {runs.map((run) => {
          const link = recordLink(run.entityType, run.entityId, run.dealId);
          return (
            <Accordion.Item key={run.id} value={run.id} data-run={run.id} data-status={run.status}>
              <Accordion.Control>
                <Group gap="sm" wrap="wrap">
                  <RunStatusBadge status={run.status} />
                  {names && (
                    <Text size="sm" fw={500}>
                      {names.get(run.workflowId) ?? '…'}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {formatDateTime(run.startedAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('automation.runs.version', { version: run.workflowVersion })}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Group gap="lg" wrap="wrap">
                    <Text size="sm">
                      {t('automation.runs.trigger')}: {run.trigger?.type ?? '—'}
                    </Text>
                    {link && (
                      <Anchor component={Link} to={link} size="sm">
                        {t('automation.runs.openRecord')}
                      </Anchor>
                    )}
                    {run.finishedAt && (
                      <Text size="sm">
                        {t('automation.runs.finished')}: {formatDateTime(run.finishedAt)}
                      </Text>
                    )}
                    {run.waitUntil && (
                      <Text size="sm">
                        {t('automation.runs.waitUntil')}: {formatDateTime(run.waitUntil)}
                      </Text>
                    )}
                  </Group>
                  {run.error && (
                    <Text size="sm" c="red" data-testid="run-error">
                      {run.error}
                    </Text>
                  )}
                  {run.status === 'failed' && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconRefresh size={14} />}
                      style={{ alignSelf: 'flex-start' }}
                      loading={retry.isPending && retry.variables === run.id}
                      onClick={() =>
                        retry.mutate(run.id, {
                          onSuccess: () => notifications.show({ color: 'teal', message: t('automation.runs.retried') }),
                        })
                      }
                    >
                      {t('automation.runs.retry')}
                    </Button>
                  )}
                  <details>
                    <summary>
                      <Text span size="sm">
                        {t('automation.runs.input')}
                      </Text>
                    </summary>
                    <Code block>{json(run.trigger?.data ?? {})}</Code>
                  </details>
                  <Table.ScrollContainer minWidth={480}>
                    <Table verticalSpacing={4} fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('automation.runs.step')}</Table.Th>
                          <Table.Th>{t('automation.runs.status')}</Table.Th>
                          <Table.Th>{t('automation.runs.result')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {run.steps.map((step) => (
                          <Table.Tr key={`${step.path}-${step.at}-${step.status}`} data-step-type={step.type}>
                            <Table.Td>
                              <Text size="sm">{stepPath(branch, step.path)}</Text>
                              <Text size="xs" c="dimmed">
                                {step.type === 'run'
                                  ? t('automation.runs.wholeRun')
                                  : t(`automation.stepTypes.${step.type}` as 'automation.stepTypes.wait', {
                                      defaultValue: step.type,
                                    })}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text
                                size="sm"
                                c={step.status === 'failed' ? 'red' : isSkipped(step.output) ? 'dimmed' : undefined}
                              >
                                {isSkipped(step.output)
                                  ? t('automation.stepStatus.skipped')
                                  : t(`automation.stepStatus.${step.status}` as 'automation.stepStatus.done', {
                                      defaultValue: step.status,
                                    })}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {formatDateTime(step.at)}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              {step.error ? (
                                <Text size="sm" c="red">
                                  {step.error}
                                </Text>
                              ) : (
                                <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                                  {json(step.output)}
                                </Code>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}

/** A step whose guard (onlyIf) did not hold when its turn came. */
const isSkipped = (output: unknown) =>
  typeof output === 'object' && output !== null && (output as { skipped?: unknown }).skipped === true;

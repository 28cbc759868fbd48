import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconRefresh } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { type StepType, useRotateWebhookSecret, type Workflow } from '../../../api/workflows.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

/*
 * A workflow's webhook signing secret is answered once: by the save that first adds a webhook step and by
 * a rotation. It is held here, in memory only, until the admin closes the dialog — outside the editor,
 * because saving a new workflow navigates to its own page (a new editor).
 */
let shown: string | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

export function showWebhookSecret(secret: string): void {
  shown = secret;
  notify();
}

function useShownSecret(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => shown,
  );
}

/** Whether any step, also inside if-branches, calls a webhook. */
interface StepTree {
  type: StepType;
  then?: StepTree[];
  else?: StepTree[];
}
export function hasWebhookStep(steps: StepTree[] | undefined): boolean {
  return (steps ?? []).some((s) => s.type === 'webhook' || hasWebhookStep(s.then) || hasWebhookStep(s.else));
}

/** The dialog that shows a new secret once, with a copy button. */
export function WebhookSecretModal() {
  const { t } = useTranslation();
  const secret = useShownSecret();
  const close = () => {
    shown = null;
    notify();
  };
  return (
    <Modal opened={secret !== null} onClose={close} title={t('automation.webhookSecret.modalTitle')} centered size="lg">
      <Stack gap="sm">
        <Alert color="yellow" variant="light" icon={<IconKey size={18} />}>
          {t('automation.webhookSecret.onlyOnce')}
        </Alert>
        <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret ?? ''}
        </Code>
        <Text size="sm" c="dimmed">
          {t('automation.webhookSecret.usage')}
        </Text>
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('automation.webhookSecret.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={close}>{t('automation.webhookSecret.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** On the editor of a workflow with webhook steps: is a signing secret set, and a way to make a new one. */
export function WebhookSecretPanel({ workflow }: { workflow: Workflow | null }) {
  const { t } = useTranslation();
  const rotate = useRotateWebhookSecret();
  const title = t('automation.webhookSecret.title');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          {workflow?.webhookSecretSet ? (
            <Badge color="teal" variant="light" data-testid="webhook-secret-status">
              {t('automation.webhookSecret.set')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" data-testid="webhook-secret-status">
              {t('automation.webhookSecret.notSet')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {workflow?.webhookSecretSet ? t('automation.webhookSecret.setHint') : t('automation.webhookSecret.onSaveHint')}
        </Text>
        {workflow && hasWebhookStep(workflow.steps) && (
          <Group>
            <ConfirmButton
              label={t('automation.webhookSecret.rotate')}
              title={t('automation.webhookSecret.rotateTitle')}
              message={t('automation.webhookSecret.rotateConfirm')}
              confirmLabel={t('automation.webhookSecret.rotate')}
              color="orange"
              icon={<IconRefresh size={16} />}
              loading={rotate.isPending}
              onConfirm={async () => {
                const { secret } = await rotate.mutateAsync(workflow.id);
                showWebhookSecret(secret);
              }}
            />
          </Group>
        )}
        {rotate.isError && <ErrorAlert error={rotate.error} />}
      </Stack>
    </Paper>
  );
}

import { Code, Grid, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StepBase } from '../../../api/workflows.ts';

interface Props {
  step: StepBase;
  onChange: (changes: Partial<StepBase>) => void;
  error: (field: string) => string | undefined;
}

export const WEBHOOK_TIMEOUT = { min: 1, max: 30, default: 10 } as const;

/** The server's webhook refusals are English; the ones an admin meets when saving are said in their language. */
export function webhookUrlMessage(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const refused = /resolves to a private, loopback or link-local address \(([^)]+)\)/.exec(message);
  if (refused) return t('automation.steps.webhook.refusedPrivate', { address: refused[1] });
  const unresolved = /cannot resolve (\S+)/.exec(message);
  if (unresolved) return t('automation.steps.webhook.unresolved', { host: unresolved[1] });
  if (/not a valid URL|only http and https/.test(message)) return t('automation.steps.webhook.invalidUrl');
  if (/credentials in the URL/.test(message)) return t('automation.steps.webhook.credentials');
  return message;
}

/**
 * The webhook step's own fields, kept apart so its shape ({type:'webhook', url, timeoutSeconds?}) follows
 * the server's definition in one place. The signing secret belongs to the workflow, not to the step.
 */
export function WebhookStepFields({ step, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <TextInput
            label={t('automation.steps.webhook.url')}
            placeholder="https://example.com/hooks/kontor"
            required
            type="url"
            value={step.url ?? ''}
            error={webhookUrlMessage(t, error('url'))}
            onChange={(e) => onChange({ url: e.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <NumberInput
            label={t('automation.steps.webhook.timeout')}
            min={WEBHOOK_TIMEOUT.min}
            max={WEBHOOK_TIMEOUT.max}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            suffix=" s"
            placeholder={`${WEBHOOK_TIMEOUT.default} s`}
            value={step.timeoutSeconds ?? ''}
            error={error('timeoutSeconds')}
            onChange={(v) => onChange({ timeoutSeconds: typeof v === 'number' ? v : undefined })}
          />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed">
        {t('automation.steps.webhook.hint')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('automation.steps.webhook.signatureHint')} <Code>{'X-Kontor-Signature: t=<unix>,v1=<hex>'}</Code>{' '}
        {t('automation.steps.webhook.signatureHow')}
      </Text>
    </Stack>
  );
}

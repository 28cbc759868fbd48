import { PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepBase } from '../../../api/workflows.ts';

interface Props {
  step: StepBase;
  onChange: (changes: Partial<StepBase>) => void;
  error: (field: string) => string | undefined;
}

/**
 * The webhook step's own fields, kept apart so its shape ({type:'webhook', url, secret?}) can follow the
 * server's definition in one place.
 */
export function WebhookStepFields({ step, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('automation.steps.webhook.url')}
        placeholder="https://example.com/hooks/kontor"
        required
        type="url"
        value={step.url ?? ''}
        error={error('url')}
        onChange={(e) => onChange({ url: e.currentTarget.value })}
      />
      <PasswordInput
        label={t('automation.steps.webhook.secret')}
        description={t('automation.steps.webhook.secretHint')}
        value={step.secret ?? ''}
        error={error('secret')}
        autoComplete="off"
        onChange={(e) => onChange({ secret: e.currentTarget.value || undefined })}
      />
      <Text size="xs" c="dimmed">
        {t('automation.steps.webhook.hint')}
      </Text>
    </Stack>
  );
}

import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorSummary, translateFieldMessage } from './errors.ts';

const DETAIL_STATUSES = new Set([400, 409, 422]);

interface Props {
  error: unknown;
  /** Labels for field paths, e.g. { email: 'E-Mail' }; listed field errors use them. */
  fieldLabels?: Record<string, string>;
  /** Field errors already shown next to their inputs are left out here. */
  hideFields?: readonly string[];
  onRetry?: () => void;
  retryLabel?: string;
}

/** Shows an API problem: a translated summary, the server's detail and any field errors. */
export function ErrorAlert({ error, fieldLabels = {}, hideFields = [], onRetry, retryLabel }: Props) {
  const { t } = useTranslation();
  const summary = errorSummary(t, error);
  const apiError = error instanceof ApiError ? error : null;
  const fieldErrors = apiError?.errors.filter((e) => !hideFields.includes(e.path)) ?? [];
  // The server's detail (English) adds to the summary only for conflicts and rejected input without field errors.
  const detail = apiError && DETAIL_STATUSES.has(apiError.status) && apiError.errors.length === 0 ? apiError.detail : '';

  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={summary} role="alert">
      {detail && detail !== summary && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
      {fieldErrors.length > 0 && (
        <List size="sm" mt={4}>
          {fieldErrors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              <strong>{fieldLabels[e.path] ?? e.path}</strong>: {translateFieldMessage(t, e.message)}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {retryLabel ?? t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}

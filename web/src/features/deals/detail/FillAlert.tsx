import { Alert, Button, CloseButton, Group, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDealFieldLabel } from '../fieldLabels.ts';

interface Props {
  stageName: string;
  missing: string[];
  /** Opens the edit form with the missing fields marked (absent when only line items are missing). */
  onFill?: () => void;
  onMove: () => void;
  onDismiss: () => void;
  moving: boolean;
}

/** After a stage gate refused a move: what the stage still needs, the form to fill it, and the move again. */
export function FillAlert({ stageName, missing, onFill, onMove, onDismiss, moving }: Props) {
  const { t } = useTranslation();
  const label = useDealFieldLabel();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconListCheck />}
      title={t('deals.fill.title', { stage: stageName })}
      mb="md"
      data-testid="fill-alert"
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm">{t('deals.fill.text', { fields: missing.map(label).join(', ') })}</Text>
        <CloseButton size="sm" onClick={onDismiss} aria-label={t('deals.fill.dismiss')} />
      </Group>
      <Group gap="xs" mt="sm">
        {onFill && (
          <Button size="xs" onClick={onFill}>
            {t('deals.fill.open')}
          </Button>
        )}
        <Button size="xs" variant="light" onClick={onMove} loading={moving}>
          {t('deals.fill.move', { stage: stageName })}
        </Button>
      </Group>
    </Alert>
  );
}

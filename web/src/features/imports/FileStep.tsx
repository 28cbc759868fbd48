import { Alert, FileInput, List, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../api/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Props {
  entity: ImportEntity;
  file: File | null;
  onFile: (file: File | null) => void;
  loading: boolean;
  error: unknown;
}

/** Step one: choose a CSV or Excel file; it is read at once for a preview. */
export function FileStep({ entity, file, onFile, loading, error }: Props) {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <FileInput
        label={t('imports.file')}
        description={t('imports.fileHint')}
        placeholder={t('imports.filePlaceholder')}
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}
        value={file}
        onChange={onFile}
        clearable
        disabled={loading}
        size="md"
      />
      {loading && (
        <Text size="sm" c="dimmed" role="status">
          {t('imports.reading')}
        </Text>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} title={t('imports.tipsTitle')}>
        <List size="sm" spacing={2}>
          <List.Item>{t('imports.tipHeader')}</List.Item>
          <List.Item>{t('imports.tipFormats')}</List.Item>
          <List.Item>{t('imports.tipValues')}</List.Item>
          {entity === 'deal' && <List.Item>{t('imports.tipDeals')}</List.Item>}
        </List>
      </Alert>
    </Stack>
  );
}

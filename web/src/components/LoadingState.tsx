import { Center, Loader, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A centred spinner with a label, for whole pages and panels. */
export function LoadingState({ label, fullScreen = false }: { label?: string; fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih={fullScreen ? '100dvh' : 200} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader />
        <Text size="sm" c="dimmed">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ columns, rows = 5 }: { columns: number; rows?: number }) {
  const { t } = useTranslation();
  return (
    <Table aria-busy="true" aria-label={t('common.loading')}>
      <Table.Tbody>
        {Array.from({ length: rows }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          <Table.Tr key={row}>
            {Array.from({ length: columns }, (_, col) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells
              <Table.Td key={col}>
                <Skeleton height={14} radius="sm" width={col === 0 ? '70%' : '50%'} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

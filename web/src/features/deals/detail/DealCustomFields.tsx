import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEntityFields } from '../../../api/customFields.ts';
import type { Deal } from '../../../api/types.ts';
import { CustomFieldValue } from '../../customers/CustomFieldValue.tsx';
import { Panel } from '../../customers/Panel.tsx';

/** The deal's custom fields, each shown by its type (money in euros, dates in local notation …). */
export function DealCustomFields({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const fields = useEntityFields('deal');
  if (fields.length === 0) return null;
  return (
    <Panel title={t('deals.detail.customFields')}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {fields.map((field) => (
          <Stack key={field.key} gap={2} data-field={field.key}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {field.label}
            </Text>
            <CustomFieldValue field={field} value={deal.customFields[field.key]} />
          </Stack>
        ))}
      </SimpleGrid>
    </Panel>
  );
}

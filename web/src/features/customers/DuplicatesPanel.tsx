import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDuplicates } from '../../api/customers.ts';
import type { CustomerEntity, Duplicate } from '../../api/types.ts';
import { MergeModal } from './MergeModal.tsx';
import { DuplicateReasons } from './PossibleDuplicates.tsx';

const PATH: Record<CustomerEntity, string> = { contact: '/contacts', company: '/companies' };

interface Props {
  entity: CustomerEntity;
  current: { id: string; title: string; subtitle: string | null };
  /** Field staff may not merge (it deletes a record). */
  canMerge: boolean;
}

/** A hint when the record has likely duplicates, each with a way to merge. */
export function DuplicatesPanel({ entity, current, canMerge }: Props) {
  const { t } = useTranslation();
  const duplicates = useDuplicates(entity, current.id);
  const [merging, setMerging] = useState<Duplicate | null>(null);
  const rows = duplicates.data ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <Alert color="yellow" icon={<IconCopy />} title={t('customers.possibleDuplicates')} data-testid="duplicates">
        <Stack gap="xs">
          {rows.map((duplicate) => (
            <Group key={duplicate.id} justify="space-between" gap="xs" wrap="wrap">
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`${PATH[entity]}/${duplicate.id}`} size="sm" fw={600}>
                  {duplicate.title}
                </Anchor>
                {duplicate.subtitle && (
                  <Text span size="xs" c="dimmed">
                    {duplicate.subtitle}
                  </Text>
                )}
                <DuplicateReasons reasons={duplicate.reasons} />
              </Group>
              {canMerge && (
                <Button size="compact-sm" variant="light" color="orange" onClick={() => setMerging(duplicate)}>
                  {t('customers.merge')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Alert>
      <MergeModal entity={entity} current={current} other={merging} onClose={() => setMerging(null)} />
    </>
  );
}

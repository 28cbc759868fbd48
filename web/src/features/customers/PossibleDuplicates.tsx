import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerEntity, Duplicate } from '../../api/types.ts';

const PATH: Record<CustomerEntity, string> = { contact: '/contacts', company: '/companies' };

/** Why a record looks like a duplicate: same e-mail, same phone, similar name. */
export function DuplicateReasons({ reasons }: { reasons: Duplicate['reasons'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="span">
      {reasons.map((reason) => (
        <Badge key={reason} size="xs" variant="outline" color="yellow" tt="none">
          {t(`customers.reasons.${reason}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** "Mögliche Dubletten: …" with links, after a create. */
export function PossibleDuplicates({ entity, duplicates }: { entity: CustomerEntity; duplicates: Duplicate[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconCopy />} title={t('customers.possibleDuplicates')} role="status">
      <Text size="sm" mb="xs">
        {t('customers.possibleDuplicatesText')}
      </Text>
      <List size="sm" spacing={4}>
        {duplicates.map((duplicate) => (
          <List.Item key={duplicate.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`${PATH[entity]}/${duplicate.id}`} fw={600} size="sm">
                {duplicate.title}
              </Anchor>
              {duplicate.subtitle && (
                <Text span size="xs" c="dimmed">
                  {duplicate.subtitle}
                </Text>
              )}
              <DuplicateReasons reasons={duplicate.reasons} />
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

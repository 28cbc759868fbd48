import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../api/types.ts';

const COLOR: Record<Deal['status'], string> = { open: 'blue', won: 'teal', lost: 'red' };

/** offen / gewonnen / verloren, and "bezahlt" once the payments reached the gross amount. */
export function StatusBadge({ deal, size = 'sm' }: { deal: Pick<Deal, 'status' | 'paidAt'>; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Badge color={COLOR[deal.status]} variant="light" size={size} miw="max-content" data-testid="deal-status">
        {t(`deals.status.${deal.status}`)}
      </Badge>
      {deal.paidAt && (
        <Badge color="teal" variant="filled" size={size} miw="max-content" data-testid="deal-paid">
          {t('deals.paid')}
        </Badge>
      )}
    </Group>
  );
}

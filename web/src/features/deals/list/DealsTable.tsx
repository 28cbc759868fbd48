import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deal, Pipeline } from '../../../api/types.ts';
import { formatDate, formatDateTime, formatMoney } from '../../../i18n/format.ts';
import { SortableTh } from '../../customers/SortableTh.tsx';
import { useUserNames } from '../../customers/useUserNames.ts';
import { STAGE_KIND_COLOR, stageLabel } from '../../pipelines/stages.ts';
import { todayIso } from '../format.ts';
import { StatusBadge } from '../StatusBadge.tsx';

interface Props {
  deals: Deal[];
  pipeline: Pipeline;
  sort: string;
  onSort: (sort: string) => void;
}

export function DealsTable({ deals, pipeline, sort, onSort }: Props) {
  const { t } = useTranslation();
  const names = useUserNames();
  const stages = new Map(pipeline.stages.map((stage) => [stage.id, stage]));
  const today = todayIso();
  const sortable = { sort, onSort };

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('deals.title')}>
        <Table.Thead>
          <Table.Tr>
            <SortableTh label={t('deals.fields.title')} field="title" {...sortable} />
            <Table.Th>{t('deals.fields.stage')}</Table.Th>
            <SortableTh label={t('deals.fields.amount')} field="amountCents" {...sortable} />
            <Table.Th>{t('deals.fields.customer')}</Table.Th>
            <Table.Th>{t('deals.fields.owner')}</Table.Th>
            <SortableTh label={t('deals.fields.expectedCloseDate')} field="expectedCloseDate" {...sortable} />
            <Table.Th>{t('deals.fields.status')}</Table.Th>
            <SortableTh label={t('deals.fields.updatedAt')} field="updatedAt" {...sortable} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((deal) => {
            const stage = stages.get(deal.stageId);
            const overdue = deal.status === 'open' && deal.expectedCloseDate !== null && deal.expectedCloseDate < today;
            return (
              <Table.Tr key={deal.id} data-deal={deal.title}>
                <Table.Td fw={500}>
                  <Anchor component={Link} to={`/deals/${encodeURIComponent(deal.id)}`} size="sm" fw={600}>
                    {deal.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {stage && (
                    <Badge variant="light" color={STAGE_KIND_COLOR[stage.kind]} tt="none" miw="max-content">
                      {stageLabel(t, stage)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} ta="right">
                  {formatMoney(deal.amountCents, deal.currency)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{deal.contactName ?? ''}</Text>
                  {deal.companyName && (
                    <Text size="xs" c="dimmed">
                      {deal.companyName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{(deal.ownerId && names.get(deal.ownerId)) || '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
                    {formatDate(deal.expectedCloseDate) || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge deal={deal} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(deal.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Company, TimelineItem } from '../../api/types.ts';
import { type ChangeContext, EMPTY, fieldLabel, valueText } from './changeValues.ts';

type Change = NonNullable<TimelineItem['changes']>[number];

/** A company named by its id in the change log, linked when the viewer may see it. */
function CompanyRef({ id }: { id: unknown }) {
  const valid = typeof id === 'string' && id !== '';
  const company = useQuery({
    queryKey: ['companies', 'detail', id],
    queryFn: ({ signal }) => api.get<Company>(`/companies/${encodeURIComponent(String(id))}`, { signal }),
    enabled: valid,
    retry: false,
    staleTime: 60_000,
  });
  if (!valid) return <>{EMPTY}</>;
  return company.data ? (
    <Anchor component={Link} to={`/companies/${company.data.id}`} size="sm">
      {company.data.name}
    </Anchor>
  ) : (
    <>…</>
  );
}

function ChangeValue({ ctx, field, value }: { ctx: ChangeContext; field: string; value: unknown }) {
  if (field === 'companyId') return <CompanyRef id={value} />;
  return <>{valueText(ctx, field, value)}</>;
}

/** "Telefon: – → 030 555" */
export function ChangeLine({ ctx, change }: { ctx: ChangeContext; change: Change }) {
  return (
    <>
      <strong>{fieldLabel(ctx, change.field)}</strong>: <ChangeValue ctx={ctx} field={change.field} value={change.from} /> →{' '}
      <ChangeValue ctx={ctx} field={change.field} value={change.to} />
    </>
  );
}

/** A change-log entry: created, changed fields (one line each), merged, owner changed. */
export function ChangeEntry({ item, ctx, noun }: { item: TimelineItem; ctx: ChangeContext; noun: string }) {
  const { t } = useTranslation();
  const who = item.userName ?? t('timeline.system');
  // a workflow's change names the workflow: said in words, not as an id
  const byWorkflow = (item.changes ?? []).some((change) => change.field === 'workflow');
  const changes = (item.changes ?? []).filter((change) => change.field !== 'workflow');
  if (item.action === 'created') return <Text size="sm">{t('timeline.created', { user: who, noun })}</Text>;
  if (item.action === 'document_created') {
    const doc = changes.find((change) => change.field === 'document');
    return <Text size="sm">{t('documents.timeline.created', { user: who, document: String(doc?.to ?? '') })}</Text>;
  }
  if (item.action === 'line_items') {
    const note = changes.find((change) => change.field === 'note');
    const amount = changes.find((change) => change.field === 'lineItems');
    return (
      <Text size="sm">
        {t('timeline.lineItems', { user: who, note: String(note?.to ?? '') })}
        {amount && (
          <>
            {' · '}
            <ChangeLine ctx={ctx} change={amount} />
          </>
        )}
      </Text>
    );
  }
  if (item.action === 'task_completed') {
    const task = changes.find((change) => change.field === 'task');
    return <Text size="sm">{t('timeline.taskCompleted', { user: who, title: String(task?.to ?? '') })}</Text>;
  }
  if (item.action === 'merged') {
    const from = changes.find((change) => change.field === 'mergedFrom');
    return <Text size="sm">{t('timeline.merged', { user: who, name: String(from?.to ?? '') })}</Text>;
  }
  if (changes.length === 0) return <Text size="sm">{t('timeline.other', { user: who, action: item.action ?? item.title })}</Text>;
  if (changes.length === 1) {
    return (
      <Text size="sm">
        {t('timeline.changed', { user: who })} <ChangeLine ctx={ctx} change={changes[0] as Change} />
        {byWorkflow && ` ${t('timeline.byWorkflow')}`}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">
        {t('timeline.changed', { user: who })}
        {byWorkflow && ` ${t('timeline.byWorkflow')}`}
      </Text>
      <List size="sm" spacing={2} mt={2}>
        {changes.map((change) => (
          <List.Item key={change.field}>
            <ChangeLine ctx={ctx} change={change} />
          </List.Item>
        ))}
      </List>
    </>
  );
}

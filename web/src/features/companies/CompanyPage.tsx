import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import { useCustomer } from '../../api/customers.ts';
import { useEntityFields } from '../../api/customFields.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { StartWorkflowMenu } from '../automation/StartWorkflowMenu.tsx';
import { CustomFieldsPanel } from '../customers/CustomFieldsPanel.tsx';
import { DuplicatesPanel } from '../customers/DuplicatesPanel.tsx';
import { WebsiteLink } from '../customers/links.tsx';
import { RecordDeleteButton } from '../customers/RecordDeleteButton.tsx';
import { RecordHeader } from '../customers/RecordHeader.tsx';
import { RelatedDeals } from '../customers/RelatedDeals.tsx';
import { RelatedTasks } from '../customers/RelatedTasks.tsx';
import { StatsPanel } from '../customers/StatsPanel.tsx';
import { TagBadges } from '../customers/TagBadges.tsx';
import { useUserNames } from '../customers/useUserNames.ts';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { CompanyContacts } from './CompanyContacts.tsx';
import { CompanyDetails } from './CompanyDetails.tsx';
import { CompanyFormModal } from './CompanyFormModal.tsx';

/** A company's card: data, its people, custom fields, figures, deals, duplicates and the timeline. */
export function CompanyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const company = useCustomer('company', id);
  const fields = useEntityFields('company');
  const owners = useUserNames();
  const [editing, setEditing] = useState(false);

  if (company.isPending) return <LoadingState />;
  if (company.isError) {
    return (
      <Stack>
        <ErrorAlert error={company.error} onRetry={() => void company.refetch()} />
        <Anchor component={Link} to="/companies">
          {t('companies.backToList')}
        </Anchor>
      </Stack>
    );
  }
  const c = company.data;
  const ownerName = c.ownerId ? (owners.get(c.ownerId) ?? '…') : '—';
  const mayDelete = me.role !== 'specialist';

  return (
    <>
      <RecordHeader
        title={c.name}
        back={{ to: '/companies', label: t('companies.title') }}
        meta={
          <>
            {c.website && <WebsiteLink url={c.website} />}
            <Group gap={4} wrap="nowrap">
              <IconUser size={16} aria-hidden="true" />
              <Text size="sm">
                {t('customers.ownerLabel')} {ownerName}
              </Text>
            </Group>
            <TagBadges tags={c.tags} />
          </>
        }
        actions={
          <>
            <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <StartWorkflowMenu entityType="company" entityId={c.id} />
            {mayDelete && <RecordDeleteButton entity="company" id={c.id} name={c.name} />}
          </>
        }
      />
      <Stack gap="md">
        <DuplicatesPanel
          entity="company"
          current={{ id: c.id, title: c.name, subtitle: c.email ?? c.address.city }}
          canMerge={mayDelete}
        />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <CompanyDetails company={c} ownerName={ownerName} />
              <CompanyContacts companyId={c.id} />
              <CustomFieldsPanel fields={fields} values={c.customFields} />
              <StatsPanel entity="company" id={c.id} />
              <RelatedDeals entity="company" id={c.id} />
              <RelatedTasks entity="company" id={c.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TimelinePanel entity="company" id={c.id} />
          </Grid.Col>
        </Grid>
      </Stack>
      <CompanyFormModal opened={editing} company={c} onClose={() => setEditing(false)} />
    </>
  );
}

import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconBuilding, IconPencil, IconUser } from '@tabler/icons-react';
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
import { RecordDeleteButton } from '../customers/RecordDeleteButton.tsx';
import { RecordHeader } from '../customers/RecordHeader.tsx';
import { RelatedDeals } from '../customers/RelatedDeals.tsx';
import { RelatedTasks } from '../customers/RelatedTasks.tsx';
import { StatsPanel } from '../customers/StatsPanel.tsx';
import { TagBadges } from '../customers/TagBadges.tsx';
import { useUserNames } from '../customers/useUserNames.ts';
import { ContactDocumentsPanel } from '../documents/ContactDocumentsPanel.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { ContactDetails } from './ContactDetails.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';

/** A contact's card: data, custom fields, figures, deals, duplicates and the timeline with quick add. */
export function ContactPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const contact = useCustomer('contact', id);
  const fields = useEntityFields('contact');
  const owners = useUserNames();
  const [editing, setEditing] = useState(false);

  if (contact.isPending) return <LoadingState />;
  if (contact.isError) {
    return (
      <Stack>
        <ErrorAlert error={contact.error} onRetry={() => void contact.refetch()} />
        <Anchor component={Link} to="/contacts">
          {t('contacts.backToList')}
        </Anchor>
      </Stack>
    );
  }
  const c = contact.data;
  const ownerName = c.ownerId ? (owners.get(c.ownerId) ?? '…') : '—';
  const mayDelete = me.role !== 'specialist';

  return (
    <>
      <RecordHeader
        title={c.name}
        back={{ to: '/contacts', label: t('contacts.title') }}
        meta={
          <>
            {c.companyId && (
              <Group gap={4} wrap="nowrap">
                <IconBuilding size={16} aria-hidden="true" />
                <Anchor component={Link} to={`/companies/${c.companyId}`} size="sm">
                  {c.companyName}
                </Anchor>
              </Group>
            )}
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
            <StartWorkflowMenu entityType="contact" entityId={c.id} />
            {mayDelete && <RecordDeleteButton entity="contact" id={c.id} name={c.name} />}
          </>
        }
      />
      <Stack gap="md">
        <DuplicatesPanel
          entity="contact"
          current={{ id: c.id, title: c.name, subtitle: c.email ?? c.companyName }}
          canMerge={mayDelete}
        />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <ContactDetails contact={c} ownerName={ownerName} />
              <CustomFieldsPanel fields={fields} values={c.customFields} />
              <StatsPanel entity="contact" id={c.id} />
              <RelatedDeals entity="contact" id={c.id} />
              <ContactDocumentsPanel contactId={c.id} />
              <RelatedTasks entity="contact" id={c.id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TimelinePanel entity="contact" id={c.id} />
          </Grid.Col>
        </Grid>
      </Stack>
      <ContactFormModal opened={editing} contact={c} onClose={() => setEditing(false)} />
    </>
  );
}

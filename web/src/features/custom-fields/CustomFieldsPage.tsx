import { Button, Modal, Paper, Tabs } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fieldsOf, useCustomFields } from '../../api/customFields.ts';
import type { CustomField, CustomFieldEntity } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CustomFieldForm } from './CustomFieldForm.tsx';
import { CustomFieldsTable } from './CustomFieldsTable.tsx';

const ENTITIES: readonly CustomFieldEntity[] = ['contact', 'company', 'deal'];
const isEntity = (value: string | null): value is CustomFieldEntity => ENTITIES.includes(value as CustomFieldEntity);

/** The admin defines the extra fields of contacts, companies and deals. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('entity');
  const entity: CustomFieldEntity = isEntity(tab) ? tab : 'contact';
  const all = useCustomFields();
  const [editing, setEditing] = useState<CustomField | null>(null);
  const [creating, setCreating] = useState(false);
  const fields = fieldsOf(all.data, entity);
  const close = () => {
    setEditing(null);
    setCreating(false);
  };

  return (
    <>
      <PageHeader
        title={t('customFields.title')}
        description={t('customFields.description')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('customFields.create')}
          </Button>
        }
      />
      <Tabs value={entity} onChange={(value) => setParams(value ? { entity: value } : {}, { replace: true })} mb="md">
        <Tabs.List>
          {ENTITIES.map((candidate) => (
            <Tabs.Tab key={candidate} value={candidate}>
              {t(`customFields.entities.${candidate}`)} ({fieldsOf(all.data, candidate).length})
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper withBorder radius="md">
        {all.isPending ? (
          <TableSkeleton columns={5} rows={3} />
        ) : all.isError ? (
          <ErrorAlert error={all.error} onRetry={() => void all.refetch()} />
        ) : fields.length === 0 ? (
          <EmptyState
            icon={<IconForms />}
            title={t('customFields.empty')}
            description={t(`customFields.emptyText.${entity}`)}
            action={
              <Button variant="light" onClick={() => setCreating(true)}>
                {t('customFields.create')}
              </Button>
            }
          />
        ) : (
          <CustomFieldsTable fields={fields} onEdit={setEditing} />
        )}
      </Paper>
      <Modal
        opened={creating || editing !== null}
        onClose={close}
        title={
          editing
            ? t('customFields.editTitle', { name: editing.label })
            : t('customFields.createFor', { entity: t(`customFields.entities.${entity}`) })
        }
        size="lg"
      >
        {(creating || editing) && <CustomFieldForm key={editing?.id ?? 'new'} entity={entity} field={editing} onDone={close} />}
      </Modal>
    </>
  );
}

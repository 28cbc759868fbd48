import { Button, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../api/auth.ts';
import { ApiError } from '../../../api/client.ts';
import { useEntityFields } from '../../../api/customFields.ts';
import { useCreateDeal, useUpdateDeal } from '../../../api/deals.ts';
import { useLostReasons, usePipelines } from '../../../api/pipelines.ts';
import type { Deal } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { translateFieldMessage } from '../../../components/errors.ts';
import { useValidators } from '../../../components/forms.ts';
import { CompanySelect } from '../../customers/CompanySelect.tsx';
import { CustomFieldsFieldset } from '../../customers/CustomFieldsFieldset.tsx';
import { OwnerSelect } from '../../customers/OwnerSelect.tsx';
import { stageLabel } from '../../pipelines/stages.ts';
import { useDealFieldLabel } from '../fieldLabels.ts';
import { ContactSelect } from '../inputs/ContactSelect.tsx';
import { DateField } from '../inputs/DateField.tsx';
import { MoneyInput } from '../inputs/MoneyInput.tsx';
import { createInput, type DealFormValues, FORM_FIELDS, formPath, TAX_RATES, updateInput, valuesOf } from './dealFormValues.ts';

export interface DealFormProps {
  /** The deal to edit; null opens a new one. */
  deal: Deal | null;
  defaults?: Partial<DealFormValues>;
  /** Fields a stage asked for (?fill=…): marked at once so the user sees what to fill in. */
  highlight?: { fields: string[]; stageName: string };
  onDone: (deal?: Deal) => void;
  onReload?: () => Promise<Deal | undefined>;
}

/** Create or edit a deal; edits send only the changes, guarded by the deal's version. */
export function DealForm({ deal, defaults, highlight, onDone, onReload }: DealFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pipelines = usePipelines();
  const reasons = useLostReasons();
  const fields = useEntityFields('deal');
  const label = useDealFieldLabel();
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const mutation = deal ? update : create;
  const [base, setBase] = useState(deal);
  const v = useValidators();
  const form = useForm<DealFormValues>({
    initialValues: valuesOf(deal, fields, defaults),
    validate: { title: v.required },
  });

  // Definitions may arrive after the form opened; their inputs then start from the deal's values.
  const fieldKeys = fields.map((f) => f.key).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the set of custom fields changes
  useEffect(() => {
    form.setFieldValue('customFields', valuesOf(base, fields).customFields);
  }, [fieldKeys]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: mark once when the form opens
  useEffect(() => {
    if (!highlight) return;
    const message = t('deals.form.requiredForStage', { stage: highlight.stageName });
    form.setErrors(Object.fromEntries(highlight.fields.map((path) => [formPath(path), message])));
  }, []);

  const pipeline = pipelines.data?.find((p) => p.id === form.values.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === (form.values.stageId || pipeline.stages[0]?.id));
  const gate = new Set(stage?.requiredFields ?? []);
  const mayAssign = me.role === 'admin' || me.role === 'head';
  const lostStage = !deal && stage?.kind === 'lost';

  const onError = (error: Error) => {
    if (!(error instanceof ApiError)) return;
    form.setErrors(Object.fromEntries(error.errors.map((e) => [formPath(e.path), translateFieldMessage(t, e.message)])));
  };

  const submit = form.onSubmit((values) => {
    if (!base) {
      create.mutate(createInput(values, fields, lostStage), {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('deals.created', { title: created.title }) });
          onDone(created);
        },
        onError,
      });
      return;
    }
    const changes = updateInput(base, values, fields);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(
      { id: base.id, version: base.version, changes },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'teal', message: t('deals.updated', { title: updated.title }) });
          onDone(updated);
        },
        onError,
      },
    );
  });

  async function reload() {
    const fresh = await onReload?.();
    if (!fresh) return;
    setBase(fresh);
    form.setValues(valuesOf(fresh, fields));
    form.resetDirty(valuesOf(fresh, fields));
    update.reset();
  }

  const stale = mutation.error instanceof ApiError && mutation.error.status === 412;
  const shownAtFields = [...FORM_FIELDS, ...fields.map((f) => `customFields.${f.key}`)];
  const labels = Object.fromEntries(
    ['lineItems', ...FORM_FIELDS, ...fields.map((f) => `customFields.${f.key}`)].map((p) => [p, label(p)]),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && (
          <ErrorAlert
            error={mutation.error}
            fieldLabels={labels}
            hideFields={shownAtFields}
            onRetry={stale && onReload ? () => void reload() : undefined}
            retryLabel={t('common.reload')}
          />
        )}
        <TextInput label={label('title')} required data-autofocus {...form.getInputProps('title')} />
        {!deal && pipelines.data && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={label('pipelineId')}
              allowDeselect={false}
              data={pipelines.data.map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('pipelineId')}
              onChange={(value) => {
                form.setFieldValue('pipelineId', value ?? '');
                form.setFieldValue('stageId', '');
              }}
            />
            <Select
              label={label('stageId')}
              allowDeselect={false}
              data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: stageLabel(t, s) }))}
              {...form.getInputProps('stageId')}
              value={stage?.id ?? null}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ContactSelect currentName={base?.contactName} required={gate.has('contactId')} {...form.getInputProps('contactId')} />
          <CompanySelect
            label={label('companyId')}
            currentName={base?.companyName}
            required={gate.has('companyId')}
            {...form.getInputProps('companyId')}
          />
          <MoneyInput
            label={label('amountCents')}
            required={gate.has('amountCents')}
            disabled={base?.hasLineItems}
            description={base?.hasLineItems ? t('deals.form.amountFromLines') : undefined}
            {...form.getInputProps('amount')}
          />
          <Select
            label={label('taxRate')}
            allowDeselect={false}
            data={TAX_RATES.map((rate) => ({ value: rate, label: `${rate} %` }))}
            disabled={base?.hasLineItems}
            {...form.getInputProps('taxRate')}
          />
          <DateField
            label={label('expectedCloseDate')}
            required={gate.has('expectedCloseDate')}
            {...form.getInputProps('expectedCloseDate')}
          />
          {mayAssign && <OwnerSelect label={label('ownerId')} placeholder={me.name} {...form.getInputProps('ownerId')} />}
          <TextInput label={label('source')} required={gate.has('source')} {...form.getInputProps('source')} />
          <TagsInput label={label('tags')} clearable {...form.getInputProps('tags')} />
          {(lostStage || base?.status === 'lost') && (
            <Select
              label={label('lostReason')}
              required
              data={(reasons.data ?? []).filter((r) => r.active || r.name === base?.lostReason).map((r) => r.name)}
              {...form.getInputProps('lostReason')}
            />
          )}
        </SimpleGrid>
        <CustomFieldsFieldset fields={fields} form={form} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => onDone()} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={stale}>
            {deal ? t('common.save') : t('deals.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

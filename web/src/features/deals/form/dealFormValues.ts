import type { CreateDeal, CustomField, Deal, UpdateDeal } from '../../../api/types.ts';
import { customFieldChanges, type FormValues, toFormValues } from '../../customers/customFieldForm.ts';
import { centsToEuros, eurosToCents } from '../format.ts';

export interface DealFormValues {
  title: string;
  pipelineId: string;
  stageId: string;
  contactId: string | null;
  companyId: string | null;
  /** Euros as typed; cents on the wire. */
  amount: number | string;
  taxRate: string;
  expectedCloseDate: string | null;
  ownerId: string | null;
  source: string;
  tags: string[];
  lostReason: string | null;
  customFields: FormValues;
}

export const TAX_RATES = ['19', '7', '0'] as const;

export function valuesOf(deal: Deal | null, fields: CustomField[], defaults: Partial<DealFormValues> = {}): DealFormValues {
  return {
    title: deal?.title ?? '',
    pipelineId: deal?.pipelineId ?? defaults.pipelineId ?? '',
    stageId: deal?.stageId ?? defaults.stageId ?? '',
    contactId: deal?.contactId ?? defaults.contactId ?? null,
    companyId: deal?.companyId ?? defaults.companyId ?? null,
    amount: centsToEuros(deal?.amountCents ?? null),
    taxRate: String(deal?.taxRate ?? 19),
    expectedCloseDate: deal?.expectedCloseDate ?? null,
    ownerId: deal?.ownerId ?? defaults.ownerId ?? null,
    source: deal?.source ?? '',
    tags: deal?.tags ?? [],
    lostReason: deal?.lostReason ?? null,
    customFields: toFormValues(fields, deal?.customFields),
  };
}

/** A new deal: every filled field. */
export function createInput(values: DealFormValues, fields: CustomField[], lost: boolean): CreateDeal {
  const input: CreateDeal = { title: values.title.trim(), pipelineId: values.pipelineId };
  if (values.stageId) input.stageId = values.stageId;
  if (values.contactId) input.contactId = values.contactId;
  if (values.companyId) input.companyId = values.companyId;
  const amount = eurosToCents(values.amount);
  if (amount !== null) input.amountCents = amount;
  input.taxRate = Number(values.taxRate);
  if (values.expectedCloseDate) input.expectedCloseDate = values.expectedCloseDate;
  if (values.ownerId) input.ownerId = values.ownerId;
  if (values.source.trim()) input.source = values.source.trim();
  if (values.tags.length > 0) input.tags = values.tags;
  if (lost && values.lostReason) input.lostReason = values.lostReason;
  const custom = customFieldChanges(fields, values.customFields);
  if (custom) input.customFields = custom;
  return input;
}

/** An edit: only what changed against the deal as loaded. */
export function updateInput(deal: Deal, values: DealFormValues, fields: CustomField[]): UpdateDeal {
  const changes: UpdateDeal = {};
  if (values.title.trim() !== deal.title) changes.title = values.title.trim();
  if (values.contactId !== deal.contactId) changes.contactId = values.contactId;
  if (values.companyId !== deal.companyId) changes.companyId = values.companyId;
  const amount = eurosToCents(values.amount) ?? 0;
  if (!deal.hasLineItems && amount !== deal.amountCents) changes.amountCents = amount;
  if (Number(values.taxRate) !== deal.taxRate) changes.taxRate = Number(values.taxRate);
  if (values.expectedCloseDate !== deal.expectedCloseDate) changes.expectedCloseDate = values.expectedCloseDate;
  if (values.ownerId && values.ownerId !== deal.ownerId) changes.ownerId = values.ownerId;
  if (values.source.trim() !== (deal.source ?? '')) changes.source = values.source.trim();
  if (JSON.stringify(values.tags) !== JSON.stringify(deal.tags)) changes.tags = values.tags;
  if (deal.status === 'lost' && values.lostReason && values.lostReason !== deal.lostReason)
    changes.lostReason = values.lostReason;
  const custom = customFieldChanges(fields, values.customFields, deal.customFields);
  if (custom) changes.customFields = custom;
  return changes;
}

/** Server field paths → form paths (the amount is typed in euros). */
export function formPath(path: string): string {
  return path === 'amountCents' ? 'amount' : path;
}

export const FORM_FIELDS = [
  'title',
  'pipelineId',
  'stageId',
  'contactId',
  'companyId',
  'amountCents',
  'taxRate',
  'expectedCloseDate',
  'ownerId',
  'source',
  'tags',
  'lostReason',
];

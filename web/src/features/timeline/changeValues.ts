import type { TFunction } from 'i18next';
import type { CustomField } from '../../api/types.ts';
import { formatDate, formatMoney } from '../../i18n/format.ts';
import { customValueText } from '../customers/CustomFieldValue.tsx';
import { formatAddress } from '../customers/format.ts';

export const EMPTY = '–';

/** Field names the change log uses, with their labels (custom fields go by their definition's label). */
const KNOWN_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'website',
  'companyId',
  'contactId',
  'ownerId',
  'assigneeId',
  'source',
  'address',
  'tags',
  'externalId',
  'title',
  'amountCents',
  'status',
  'stageId',
  'pipelineId',
  'expectedCloseDate',
  'lostReason',
  'paidCents',
  'lineItems',
] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];

const isKnown = (field: string): field is KnownField => (KNOWN_FIELDS as readonly string[]).includes(field);

export interface ChangeContext {
  t: TFunction;
  fields: CustomField[];
  userName: (id: string) => string | undefined;
  stageName: (id: string) => string | undefined;
  pipelineName: (id: string) => string | undefined;
}

export function fieldLabel(ctx: ChangeContext, field: string): string {
  if (field.startsWith('customFields.')) {
    const key = field.slice('customFields.'.length);
    return ctx.fields.find((def) => def.key === key)?.label ?? key;
  }
  return isKnown(field) ? ctx.t(`timeline.fields.${field}`) : field;
}

/** A logged value as text: names for users, formatted money, dates and addresses, – for nothing. */
export function valueText(ctx: ChangeContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
  if (field.startsWith('customFields.')) {
    const def = ctx.fields.find((candidate) => `customFields.${candidate.key}` === field);
    if (def) return customValueText(def, value, [ctx.t('customers.yes'), ctx.t('customers.no')]);
  }
  if ((field === 'ownerId' || field === 'assigneeId') && typeof value === 'string') return ctx.userName(value) ?? '…';
  if (field === 'stageId' && typeof value === 'string') return ctx.stageName(value) ?? '…';
  if (field === 'pipelineId' && typeof value === 'string') return ctx.pipelineName(value) ?? '…';
  if ((field.endsWith('Cents') || field === 'lineItems') && typeof value === 'number') return formatMoney(value);
  if (field === 'expectedCloseDate' && typeof value === 'string') return formatDate(value);
  if (field === 'status' && typeof value === 'string' && ['open', 'won', 'lost'].includes(value)) {
    return ctx.t(`customers.dealStatus.${value as 'open' | 'won' | 'lost'}`);
  }
  if (field === 'address' && typeof value === 'object') {
    return formatAddress({ street: null, zip: null, city: null, country: null, ...(value as object) }) || EMPTY;
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

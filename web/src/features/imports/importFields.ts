import type { TFunction } from 'i18next';
import type { CustomField } from '../../api/types.ts';

const STANDARD = [
  'firstName',
  'lastName',
  'name',
  'title',
  'pipeline',
  'stage',
  'amount',
  'amountCents',
  'currency',
  'taxRate',
  'expectedCloseDate',
  'email',
  'phone',
  'website',
  'contactEmail',
  'contactExternalId',
  'contactId',
  'company',
  'companyId',
  'ownerEmail',
  'ownerId',
  'source',
  'tags',
  'lostReason',
  'street',
  'zip',
  'city',
  'country',
  'externalId',
] as const;
type Standard = (typeof STANDARD)[number];

const isStandard = (field: string): field is Standard => (STANDARD as readonly string[]).includes(field);

/** A mapping target's label: "Vorname", "Firma (Name)", a custom field's own label … */
export function targetLabel(t: TFunction, field: string, fields: CustomField[]): string {
  if (field.startsWith('customFields.')) {
    const key = field.slice('customFields.'.length);
    const def = fields.find((candidate) => candidate.key === key);
    return `${def?.label ?? key} (${t('imports.customField')})`;
  }
  return isStandard(field) ? t(`imports.targets.${field}`) : field;
}

/** The server's field list in a sensible order: its standard fields first, custom fields after. */
export function orderedTargets(fields: string[]): string[] {
  const standard = STANDARD.filter((field) => fields.includes(field));
  const rest = fields.filter((field) => !isStandard(field));
  return [...standard, ...rest];
}

import type { CustomField } from '../../api/types.ts';
import { type AddressValues, addressChanges, addressValues, EMPTY_ADDRESS } from './AddressFields.tsx';
import { customFieldChanges, type FormValues, toFormValues } from './customFieldForm.ts';

// The form values contacts and companies share, and how they become create and update input.

export interface CustomerValues {
  email: string;
  phone: string;
  ownerId: string | null;
  tags: string[];
  address: AddressValues;
  externalId: string;
  customFields: FormValues;
}

interface CustomerFields {
  email: string | null;
  phone: string | null;
  ownerId: string | null;
  tags: string[];
  address: { [K in keyof AddressValues]: string | null };
  externalId: string | null;
  customFields: Record<string, unknown>;
}

type SharedInput = Partial<Omit<CustomerFields, 'address' | 'ownerId' | 'tags'>> & {
  ownerId?: string;
  address?: ReturnType<typeof addressChanges>;
  tags?: string[];
};

/** Trimmed text, or null for an empty field. */
export const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The shared values of a record, or of a new one owned by `ownerId`. */
export function customerValues(record: CustomerFields | null, fields: CustomField[], ownerId: string): CustomerValues {
  return {
    email: record?.email ?? '',
    phone: record?.phone ?? '',
    ownerId: record ? record.ownerId : ownerId,
    tags: record?.tags ?? [],
    address: record ? addressValues(record.address) : EMPTY_ADDRESS,
    externalId: record?.externalId ?? '',
    customFields: toFormValues(fields, record?.customFields),
  };
}

/** The shared part of a create request: only what was filled in. */
export function sharedCreateInput(values: CustomerValues, fields: CustomField[]): SharedInput {
  const input: SharedInput = { tags: values.tags };
  if (text(values.email)) input.email = values.email.trim();
  if (text(values.phone)) input.phone = values.phone.trim();
  if (values.ownerId) input.ownerId = values.ownerId;
  if (text(values.externalId)) input.externalId = values.externalId.trim();
  const address = addressChanges(values.address);
  if (address) input.address = address;
  const custom = customFieldChanges(fields, values.customFields);
  if (custom) input.customFields = custom;
  return input;
}

/** The shared part of an update: only what changed against the record, so a concurrent edit of another field is not overwritten. */
export function sharedUpdateInput(base: CustomerFields, values: CustomerValues, fields: CustomField[]): SharedInput {
  const changes: SharedInput = {};
  if (text(values.email) !== (base.email ?? null)) changes.email = text(values.email);
  if (text(values.phone) !== (base.phone ?? null)) changes.phone = text(values.phone);
  if (values.ownerId && values.ownerId !== base.ownerId) changes.ownerId = values.ownerId;
  if (JSON.stringify(values.tags) !== JSON.stringify(base.tags)) changes.tags = values.tags;
  if (text(values.externalId) !== (base.externalId ?? null)) changes.externalId = text(values.externalId);
  const address = addressChanges(values.address, addressValues(base.address));
  if (address) changes.address = address;
  const custom = customFieldChanges(fields, values.customFields, base.customFields);
  if (custom) changes.customFields = custom;
  return changes;
}

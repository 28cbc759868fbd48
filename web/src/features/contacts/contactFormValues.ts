import type { Contact, CreateContact, CustomField, UpdateContact } from '../../api/types.ts';
import { type AddressValues, addressChanges, addressValues, EMPTY_ADDRESS } from '../customers/AddressFields.tsx';
import { customFieldChanges, type FormValues, toFormValues } from '../customers/customFieldForm.ts';

export interface ContactValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  companyId: string | null;
  ownerId: string | null;
  source: string;
  tags: string[];
  address: AddressValues;
  externalId: string;
  customFields: FormValues;
}

export function contactValues(contact: Contact | null, fields: CustomField[], ownerId: string): ContactValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    companyId: contact?.companyId ?? null,
    ownerId: contact ? contact.ownerId : ownerId,
    source: contact?.source ?? '',
    tags: contact?.tags ?? [],
    address: contact ? addressValues(contact.address) : EMPTY_ADDRESS,
    externalId: contact?.externalId ?? '',
    customFields: toFormValues(fields, contact?.customFields),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

export function createInput(values: ContactValues, fields: CustomField[]): CreateContact {
  const input: CreateContact = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    tags: values.tags,
  };
  if (text(values.email)) input.email = values.email.trim();
  if (text(values.phone)) input.phone = values.phone.trim();
  if (values.companyId) input.companyId = values.companyId;
  if (values.ownerId) input.ownerId = values.ownerId;
  if (text(values.source)) input.source = values.source.trim();
  if (text(values.externalId)) input.externalId = values.externalId.trim();
  const address = addressChanges(values.address);
  if (address) input.address = address;
  const custom = customFieldChanges(fields, values.customFields);
  if (custom) input.customFields = custom;
  return input;
}

/** Only what changed against the record, so a concurrent edit of another field is not overwritten. */
export function updateInput(base: Contact, values: ContactValues, fields: CustomField[]): UpdateContact {
  const changes: UpdateContact = {};
  if (values.firstName.trim() !== base.firstName) changes.firstName = values.firstName.trim();
  if (values.lastName.trim() !== base.lastName) changes.lastName = values.lastName.trim();
  if (text(values.email) !== (base.email ?? null)) changes.email = text(values.email);
  if (text(values.phone) !== (base.phone ?? null)) changes.phone = text(values.phone);
  if (values.companyId !== base.companyId) changes.companyId = values.companyId;
  if (values.ownerId && values.ownerId !== base.ownerId) changes.ownerId = values.ownerId;
  if (text(values.source) !== (base.source ?? null)) changes.source = text(values.source);
  if (JSON.stringify(values.tags) !== JSON.stringify(base.tags)) changes.tags = values.tags;
  if (text(values.externalId) !== (base.externalId ?? null)) changes.externalId = text(values.externalId);
  const address = addressChanges(values.address, addressValues(base.address));
  if (address) changes.address = address;
  const custom = customFieldChanges(fields, values.customFields, base.customFields);
  if (custom) changes.customFields = custom;
  return changes;
}

import type { Contact, CreateContact, CustomField, UpdateContact } from '../../api/types.ts';
import {
  type CustomerValues,
  customerValues,
  sharedCreateInput,
  sharedUpdateInput,
  text,
} from '../customers/customerFormValues.ts';

export interface ContactValues extends CustomerValues {
  firstName: string;
  lastName: string;
  companyId: string | null;
  source: string;
}

export function contactValues(contact: Contact | null, fields: CustomField[], ownerId: string): ContactValues {
  return {
    ...customerValues(contact, fields, ownerId),
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    companyId: contact?.companyId ?? null,
    source: contact?.source ?? '',
  };
}

export function createInput(values: ContactValues, fields: CustomField[]): CreateContact {
  const input: CreateContact = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    ...sharedCreateInput(values, fields),
  };
  if (values.companyId) input.companyId = values.companyId;
  if (text(values.source)) input.source = values.source.trim();
  return input;
}

/** Only what changed against the record, so a concurrent edit of another field is not overwritten. */
export function updateInput(base: Contact, values: ContactValues, fields: CustomField[]): UpdateContact {
  const changes: UpdateContact = sharedUpdateInput(base, values, fields);
  if (values.firstName.trim() !== base.firstName) changes.firstName = values.firstName.trim();
  if (values.lastName.trim() !== base.lastName) changes.lastName = values.lastName.trim();
  if (values.companyId !== base.companyId) changes.companyId = values.companyId;
  if (text(values.source) !== (base.source ?? null)) changes.source = text(values.source);
  return changes;
}

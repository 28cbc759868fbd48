import { normalizePhone } from '../../core/phone.ts';
import { type Address, addressColumns, cleanTags, optionalText, parseCustom } from '../../core/record-fields.ts';
import { type CustomerEntity, checkedCustomFields, emailOf } from './customer-records.ts';
import type { Db } from './customers.repository.ts';

// How the input fields contacts and companies share become columns, on create and on update.

export interface SharedInput {
  email?: string | null;
  phone?: string | null;
  ownerId?: string;
  tags?: string[];
  externalId?: string | null;
  address?: Partial<Address>;
  customFields?: Record<string, unknown>;
}

export interface SharedColumns {
  email: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
  ownerId: string | null;
  tags: string;
  customFields: string;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The shared columns of a new record; `customFields` already checked. */
export function newCustomerColumns(
  input: SharedInput,
  ownerId: string,
  customFields: Record<string, unknown>,
  now: string,
): SharedColumns {
  const phone = optionalText(input.phone) ?? null;
  return {
    email: emailOf(input.email) ?? null,
    phone,
    phoneNormalized: normalizePhone(phone),
    street: null,
    zip: null,
    city: null,
    country: null,
    ...addressColumns(input.address),
    ownerId,
    tags: JSON.stringify(cleanTags(input.tags ?? [])),
    customFields: JSON.stringify(customFields),
    externalId: optionalText(input.externalId) ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The shared columns an update changes: only those given; custom fields are checked on top of the current ones. */
export async function customerUpdateColumns(
  db: Db,
  entity: CustomerEntity,
  input: SharedInput,
  current: { customFields: string },
): Promise<Partial<SharedColumns>> {
  const changes: Partial<SharedColumns> = { ...addressColumns(input.address) };
  if (input.email !== undefined) changes.email = emailOf(input.email) ?? null;
  if (input.phone !== undefined) {
    changes.phone = optionalText(input.phone) ?? null;
    changes.phoneNormalized = normalizePhone(changes.phone);
  }
  if (input.ownerId !== undefined) changes.ownerId = input.ownerId;
  if (input.tags !== undefined) changes.tags = JSON.stringify(cleanTags(input.tags));
  if (input.externalId !== undefined) changes.externalId = optionalText(input.externalId) ?? null;
  if (input.customFields !== undefined) {
    const customFields = await checkedCustomFields(db, entity, input.customFields, parseCustom(current.customFields));
    changes.customFields = JSON.stringify(customFields);
  }
  return changes;
}

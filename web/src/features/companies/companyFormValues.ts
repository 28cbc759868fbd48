import type { Company, CreateCompany, CustomField, UpdateCompany } from '../../api/types.ts';
import { type AddressValues, addressChanges, addressValues, EMPTY_ADDRESS } from '../customers/AddressFields.tsx';
import { customFieldChanges, type FormValues, toFormValues } from '../customers/customFieldForm.ts';

export interface CompanyValues {
  name: string;
  email: string;
  phone: string;
  website: string;
  ownerId: string | null;
  tags: string[];
  address: AddressValues;
  externalId: string;
  customFields: FormValues;
}

export function companyValues(company: Company | null, fields: CustomField[], ownerId: string): CompanyValues {
  return {
    name: company?.name ?? '',
    email: company?.email ?? '',
    phone: company?.phone ?? '',
    website: company?.website ?? '',
    ownerId: company ? company.ownerId : ownerId,
    tags: company?.tags ?? [],
    address: company ? addressValues(company.address) : EMPTY_ADDRESS,
    externalId: company?.externalId ?? '',
    customFields: toFormValues(fields, company?.customFields),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

export function createInput(values: CompanyValues, fields: CustomField[]): CreateCompany {
  const input: CreateCompany = { name: values.name.trim(), tags: values.tags };
  if (text(values.email)) input.email = values.email.trim();
  if (text(values.phone)) input.phone = values.phone.trim();
  if (text(values.website)) input.website = values.website.trim();
  if (values.ownerId) input.ownerId = values.ownerId;
  if (text(values.externalId)) input.externalId = values.externalId.trim();
  const address = addressChanges(values.address);
  if (address) input.address = address;
  const custom = customFieldChanges(fields, values.customFields);
  if (custom) input.customFields = custom;
  return input;
}

export function updateInput(base: Company, values: CompanyValues, fields: CustomField[]): UpdateCompany {
  const changes: UpdateCompany = {};
  if (values.name.trim() !== base.name) changes.name = values.name.trim();
  if (text(values.email) !== (base.email ?? null)) changes.email = text(values.email);
  if (text(values.phone) !== (base.phone ?? null)) changes.phone = text(values.phone);
  if (text(values.website) !== (base.website ?? null)) changes.website = text(values.website);
  if (values.ownerId && values.ownerId !== base.ownerId) changes.ownerId = values.ownerId;
  if (JSON.stringify(values.tags) !== JSON.stringify(base.tags)) changes.tags = values.tags;
  if (text(values.externalId) !== (base.externalId ?? null)) changes.externalId = text(values.externalId);
  const address = addressChanges(values.address, addressValues(base.address));
  if (address) changes.address = address;
  const custom = customFieldChanges(fields, values.customFields, base.customFields);
  if (custom) changes.customFields = custom;
  return changes;
}

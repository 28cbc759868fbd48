import type { Company, CreateCompany, CustomField, UpdateCompany } from '../../api/types.ts';
import {
  type CustomerValues,
  customerValues,
  sharedCreateInput,
  sharedUpdateInput,
  text,
} from '../customers/customerFormValues.ts';

export interface CompanyValues extends CustomerValues {
  name: string;
  website: string;
}

export function companyValues(company: Company | null, fields: CustomField[], ownerId: string): CompanyValues {
  return {
    ...customerValues(company, fields, ownerId),
    name: company?.name ?? '',
    website: company?.website ?? '',
  };
}

export function createInput(values: CompanyValues, fields: CustomField[]): CreateCompany {
  const input: CreateCompany = { name: values.name.trim(), ...sharedCreateInput(values, fields) };
  if (text(values.website)) input.website = values.website.trim();
  return input;
}

export function updateInput(base: Company, values: CompanyValues, fields: CustomField[]): UpdateCompany {
  const changes: UpdateCompany = sharedUpdateInput(base, values, fields);
  if (values.name.trim() !== base.name) changes.name = values.name.trim();
  if (text(values.website) !== (base.website ?? null)) changes.website = text(values.website);
  return changes;
}

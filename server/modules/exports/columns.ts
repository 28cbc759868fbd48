import type { CustomFieldRow, CustomFieldType } from '../../db/schema.ts';
import type { Company } from '../companies/companies.schemas.ts';
import type { Contact } from '../contacts/contacts.schemas.ts';
import type { Deal } from '../deals/deals.schemas.ts';
import type { ColumnType, Lang, SheetColumn, SheetValue } from './spreadsheet.ts';

/** A column of an export: German and English header, type, and where its value is in the presented record. */
export interface ExportColumn<R> {
  de: string;
  en: string;
  type: ColumnType;
  value: (record: R, ownerName: (id: string | null) => string | null) => SheetValue;
}

const text = <R>(de: string, en: string, value: ExportColumn<R>['value']): ExportColumn<R> => ({ de, en, type: 'text', value });
const stamp = <R>(de: string, en: string, value: ExportColumn<R>['value']): ExportColumn<R> => ({
  de,
  en,
  type: 'datetime',
  value,
});

type Addressed = { address: { street: string | null; zip: string | null; city: string | null; country: string | null } };
const addressColumns = <R extends Addressed>(): ExportColumn<R>[] => [
  text('Straße', 'Street', (r) => r.address.street),
  text('PLZ', 'Zip', (r) => r.address.zip),
  text('Ort', 'City', (r) => r.address.city),
  text('Land', 'Country', (r) => r.address.country),
];

export const CONTACT_COLUMNS: ExportColumn<Contact>[] = [
  text('ID', 'ID', (c) => c.id),
  text('Vorname', 'First name', (c) => c.firstName),
  text('Nachname', 'Last name', (c) => c.lastName),
  text('E-Mail', 'Email', (c) => c.email),
  text('Telefon', 'Phone', (c) => c.phone),
  text('Firma', 'Company', (c) => c.companyName),
  text('Quelle', 'Source', (c) => c.source),
  ...addressColumns<Contact>(),
  text('Tags', 'Tags', (c) => c.tags.join(', ')),
  text('Inhaber', 'Owner', (c, owner) => owner(c.ownerId)),
  text('Externe ID', 'External ID', (c) => c.externalId),
  stamp('Letzte Aktivität', 'Last activity', (c) => c.lastActivityAt),
  stamp('Erstellt am', 'Created', (c) => c.createdAt),
  stamp('Geändert am', 'Updated', (c) => c.updatedAt),
];

export const COMPANY_COLUMNS: ExportColumn<Company>[] = [
  text('ID', 'ID', (c) => c.id),
  text('Name', 'Name', (c) => c.name),
  text('E-Mail', 'Email', (c) => c.email),
  text('Telefon', 'Phone', (c) => c.phone),
  text('Website', 'Website', (c) => c.website),
  ...addressColumns<Company>(),
  text('Tags', 'Tags', (c) => c.tags.join(', ')),
  text('Inhaber', 'Owner', (c, owner) => owner(c.ownerId)),
  text('Externe ID', 'External ID', (c) => c.externalId),
  stamp('Erstellt am', 'Created', (c) => c.createdAt),
  stamp('Geändert am', 'Updated', (c) => c.updatedAt),
];

const money = <R>(de: string, en: string, value: ExportColumn<R>['value']): ExportColumn<R> => ({ de, en, type: 'money', value });

/** A deal as its export reads it: the API's deal plus what the reader sees for its pipeline, stage and status. */
export type DealExportRecord = Deal & { pipelineName: string | null; stageName: string | null; statusName: string };

/** The deal status as the UI names it. */
export const DEAL_STATUS_NAMES: Record<Deal['status'], Record<Lang, string>> = {
  open: { de: 'Offen', en: 'Open' },
  won: { de: 'Gewonnen', en: 'Won' },
  lost: { de: 'Verloren', en: 'Lost' },
};

export const DEAL_COLUMNS: ExportColumn<DealExportRecord>[] = [
  text('ID', 'ID', (d) => d.id),
  text('Titel', 'Title', (d) => d.title),
  text('Pipeline', 'Pipeline', (d) => d.pipelineName),
  text('Phase', 'Stage', (d) => d.stageName),
  text('Status', 'Status', (d) => d.statusName),
  money('Betrag netto', 'Amount (net)', (d) => d.amountCents),
  money('Steuer', 'Tax', (d) => d.taxCents),
  money('Betrag brutto', 'Gross', (d) => d.grossCents),
  text('Währung', 'Currency', (d) => d.currency),
  money('Bezahlt', 'Paid', (d) => d.paidCents),
  { de: 'Erwarteter Abschluss', en: 'Expected close', type: 'date', value: (d) => d.expectedCloseDate },
  text('Kontakt', 'Contact', (d) => d.contactName),
  text('Firma', 'Company', (d) => d.companyName),
  text('Inhaber', 'Owner', (d, owner) => owner(d.ownerId)),
  text('Quelle', 'Source', (d) => d.source),
  text('Tags', 'Tags', (d) => d.tags.join(', ')),
  text('Verlustgrund', 'Lost reason', (d) => d.lostReason),
  text('Externe ID', 'External ID', (d) => d.externalId),
  stamp('Erstellt am', 'Created', (d) => d.createdAt),
  stamp('Geändert am', 'Updated', (d) => d.updatedAt),
];

const CUSTOM_TYPES: Record<CustomFieldType, ColumnType> = {
  text: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  select: 'text',
  multiselect: 'text',
};

/** One column per custom field, headed by its label. */
export function customColumns<R extends { customFields: Record<string, unknown> }>(defs: CustomFieldRow[]): ExportColumn<R>[] {
  return defs.map((def) => ({
    de: def.label,
    en: def.label,
    type: CUSTOM_TYPES[def.type],
    value: (r) => {
      const v = r.customFields[def.key];
      if (Array.isArray(v)) return v.join(', ');
      return v === undefined ? null : (v as SheetValue);
    },
  }));
}

export function sheetColumns<R>(columns: ExportColumn<R>[], lang: Lang): SheetColumn[] {
  return columns.map((c) => ({ header: c[lang], type: c.type }));
}

import { stringify } from 'csv-stringify/sync';
import { type TObject, type TSchema, Type } from 'typebox';
import { customFieldFilterPattern } from '../../http/record-query.ts';
import { type Company, CompanyListQuery, CompanySchema } from '../companies/companies.schemas.ts';
import { type Contact, ContactListQuery, ContactSchema } from '../contacts/contacts.schemas.ts';
import { type Deal, DealListQuery, DealSchema } from '../deals/deals.schemas.ts';
import { COMPANY_COLUMNS, CONTACT_COLUMNS, DEAL_COLUMNS, type ExportColumn } from './columns.ts';
import { CSV_TYPE, csvText, XLSX_TYPE } from './spreadsheet.ts';

const ExportParams = {
  format: Type.Optional(
    Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], {
      default: 'csv',
      description: 'csv: UTF-8 with BOM, semicolons, CRLF (opens in German Excel); xlsx: one worksheet with typed cells',
    }),
  ),
  lang: Type.Optional(
    Type.Union([Type.Literal('de'), Type.Literal('en')], {
      description: 'Column headers and number/date notation; default from Accept-Language, else German',
    }),
  ),
};

/** The list's query (its filters, q and sort; no paging) plus format and lang. */
function exportQuery(list: TObject) {
  const filters: Record<string, TSchema> = {};
  for (const [key, schema] of Object.entries(list.properties)) if (key !== 'limit' && key !== 'cursor') filters[key] = schema;
  return Type.Object(
    { ...filters, ...ExportParams },
    { additionalProperties: false, patternProperties: customFieldFilterPattern },
  );
}

export const ContactExportQuery = exportQuery(ContactListQuery);
export const CompanyExportQuery = exportQuery(CompanyListQuery);
export const DealExportQuery = exportQuery(DealListQuery);

/** A German CSV of one record, written by the export's own columns: the example of the 200 answer. */
function csvExample<R>(columns: ExportColumn<R>[], record: R): string {
  const owner = () => 'Max Müller';
  const row = columns.map((c) => csvText(c.value(record, owner), c.type, 'de'));
  return stringify([columns.map((c) => c.de), row], { delimiter: ';', record_delimiter: 'windows' });
}

const exampleOf = <T>(schema: TSchema) => (schema as { examples: T[] }).examples[0] as T;

const CSV = CSV_TYPE.split(';')[0] as string;

/** The 200 answer of a file download. */
export const ExportFileResponse = {
  description:
    'The file, as an attachment (Content-Disposition). Formula-like cells (= + - @ tab CR at the start) are prefixed with an apostrophe.',
  content: {
    [CSV]: { schema: Type.String({ description: 'CSV text' }) },
    [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
  },
};

/** The 200 answer of a list export, its CSV with an example: the header and one record (custom field columns follow). */
function exportFileResponse(example: string) {
  return {
    ...ExportFileResponse,
    content: {
      ...ExportFileResponse.content,
      [CSV]: { schema: Type.String({ description: 'CSV text; one column per custom field follows', examples: [example] }) },
    },
  };
}

export const ContactExportResponse = exportFileResponse(csvExample(CONTACT_COLUMNS, exampleOf<Contact>(ContactSchema)));
export const CompanyExportResponse = exportFileResponse(csvExample(COMPANY_COLUMNS, exampleOf<Company>(CompanySchema)));
export const DealExportResponse = exportFileResponse(
  csvExample(DEAL_COLUMNS, {
    ...exampleOf<Deal>(DealSchema),
    pipelineName: 'Vertrieb',
    stageName: 'Angebot',
    statusName: 'Offen',
  }),
);

import { stringify } from 'csv-stringify/sync';
import { type TObject, type TSchema, Type } from 'typebox';
import { customFieldFilterPattern } from '../../http/record-query.ts';
import { CompanyListQuery } from '../companies/companies.schemas.ts';
import { ContactListQuery } from '../contacts/contacts.schemas.ts';
import { type Deal, DealListQuery, DealSchema } from '../deals/deals.schemas.ts';
import { DEAL_COLUMNS, type DealExportRecord } from './columns.ts';
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

/** The 200 answer of an export: a file download. */
export const ExportFileResponse = {
  description:
    'The file, as an attachment (Content-Disposition). Formula-like cells (= + - @ tab CR at the start) are prefixed with an apostrophe.',
  content: {
    [CSV_TYPE.split(';')[0] as string]: { schema: Type.String({ description: 'CSV text' }) },
    [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
  },
};

/** The deal export's CSV for the deal of the API's example, written by the export's own columns (no custom fields). */
function dealCsvExample(): string {
  const deal: DealExportRecord = {
    ...((DealSchema as unknown as { examples: Deal[] }).examples[0] as Deal),
    pipelineName: 'Vertrieb',
    stageName: 'Angebot',
    statusName: 'Offen',
  };
  const owner = () => 'Anna Schmidt';
  const row = DEAL_COLUMNS.map((c) => csvText(c.value(deal, owner), c.type, 'de'));
  return stringify([DEAL_COLUMNS.map((c) => c.de), row], { delimiter: ';', record_delimiter: 'windows' });
}

const CSV = CSV_TYPE.split(';')[0] as string;

/** The deal export's 200 answer: the file download, its CSV with a deal example. */
export const DealExportResponse = {
  ...ExportFileResponse,
  content: {
    ...ExportFileResponse.content,
    [CSV]: {
      ...ExportFileResponse.content[CSV],
      examples: {
        deals: {
          summary: 'GET /api/v1/deals/export (one column per deal custom field follows)',
          value: dealCsvExample(),
        },
      },
    },
  },
};

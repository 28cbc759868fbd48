import { type TObject, type TSchema, Type } from 'typebox';
import { customFieldFilterPattern } from '../../http/record-query.ts';
import { CompanyListQuery } from '../companies/companies.schemas.ts';
import { ContactListQuery } from '../contacts/contacts.schemas.ts';
import { CSV_TYPE, XLSX_TYPE } from './spreadsheet.ts';

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

/** The 200 answer of an export: a file download. */
export const ExportFileResponse = {
  description:
    'The file, as an attachment (Content-Disposition). Formula-like cells (= + - @ tab CR at the start) are prefixed with an apostrophe.',
  content: {
    [CSV_TYPE.split(';')[0] as string]: { schema: Type.String({ description: 'CSV text' }) },
    [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
  },
};

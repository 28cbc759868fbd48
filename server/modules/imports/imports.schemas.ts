import { type Static, Type } from 'typebox';
import { Id, Timestamp } from '../../http/schemas.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const ImportErrorSchema = Type.Object({
  row: Type.Integer({ description: 'Row number as a spreadsheet shows it (the header is row 1)' }),
  message: Type.String(),
});

const summary = {
  id: Id,
  userId: Id,
  entity: Type.String({ description: 'contact, company or deal' }),
  mode: Type.Union([Type.Literal('create'), Type.Literal('upsert')]),
  dryRun: Type.Boolean({ description: 'Validated only: the counts say what would have happened; nothing was written' }),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  fileName: Type.String(),
  total: Count('Data rows in the file (known once the import runs)'),
  processed: Count('Rows handled so far: for a progress bar, processed / total'),
  created: Count('Records created'),
  updated: Count('Existing records changed (upsert)'),
  unchanged: Count('Rows that matched a record that already had those values (upsert)'),
  failed: Count('Rows not imported; see errors'),
  companiesCreated: Count('Companies created because a contact row named a company that did not exist'),
  message: Nullable(Type.String({ description: 'Why a failed import stopped' })),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
  updatedAt: Timestamp,
};

export const ImportSummarySchema = Type.Object(summary, {
  examples: [
    {
      id: '01jdq3m6e2x7k9v4b8c1n5t0im',
      userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
      entity: 'contact',
      mode: 'create',
      dryRun: false,
      status: 'done',
      fileName: 'kontakte.csv',
      total: 3,
      processed: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 1,
      companiesCreated: 1,
      message: null,
      createdAt: '2026-11-28T09:15:00.000Z',
      startedAt: '2026-11-28T09:15:00.100Z',
      finishedAt: '2026-11-28T09:15:01.000Z',
      updatedAt: '2026-11-28T09:15:01.000Z',
    },
  ],
});

export const ImportSchema = Type.Object(
  {
    ...summary,
    errors: Type.Array(ImportErrorSchema, { description: 'The first 100 row errors, in row order' }),
    errorReport: Type.String({ description: 'Where to download every error with the row’s original values (CSV)' }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0im',
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        entity: 'contact',
        mode: 'create',
        dryRun: false,
        status: 'done',
        fileName: 'kontakte.csv',
        total: 3,
        processed: 3,
        created: 2,
        updated: 0,
        unchanged: 0,
        failed: 1,
        companiesCreated: 1,
        message: null,
        errors: [{ row: 3, message: 'E-Mail: is not a valid e-mail address' }],
        errorReport: '/api/v1/imports/01jdq3m6e2x7k9v4b8c1n5t0im/errors.csv',
        createdAt: '2026-11-28T09:15:00.000Z',
        startedAt: '2026-11-28T09:15:00.100Z',
        finishedAt: '2026-11-28T09:15:01.000Z',
        updatedAt: '2026-11-28T09:15:01.000Z',
      },
    ],
  },
);
export type Import = Static<typeof ImportSchema>;
export type ImportSummary = Static<typeof ImportSummarySchema>;

export const ErrorReportQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('de'), Type.Literal('en')])) },
  { additionalProperties: false },
);

/** The 200 answer of the error report: a CSV download (UTF-8 with BOM, semicolons, CRLF), never JSON. */
export const ImportErrorsFileResponse = {
  description: 'The failed rows as an attachment (Content-Disposition): row, message, then the file’s own columns',
  content: {
    'text/csv': {
      schema: Type.String({
        description: 'UTF-8 with BOM, semicolons, CRLF; formula-like cells get a leading apostrophe',
        examples: [
          'Zeile;Fehler;Vorname;Nachname;E-Mail;Firma\r\n3;E-Mail: is not a valid e-mail address;Bernd;Bauer;bauer@;Bauer Haustechnik\r\n',
        ],
      }),
    },
  },
};

const FileField = Type.String({ format: 'binary', description: 'CSV (UTF-8 or Windows-1252; ; , or tab) or XLSX (first sheet)' });

/** The multipart form of an import, for the OpenAPI document (the handler reads the parts itself). */
export const ImportUploadSchema = Type.Object(
  {
    entity: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')]),
    mapping: Type.String({
      description:
        'JSON object from a column header to a field: firstName, lastName, email, phone, companyId, company (a company name: linked or created), ownerId, ownerEmail, source, tags, street, zip, city, country, externalId, customFields.<key>; for companies name, website, …; for deals title, pipeline and stage (id or name), amount ("1.234,50") or amountCents, currency, taxRate, expectedCloseDate, ownerId, ownerEmail, contactId, contactEmail or contactExternalId, companyId or company (an existing company\'s name), source, tags, lostReason, externalId, customFields.<key>',
      examples: ['{"Vorname":"firstName","Nachname":"lastName","E-Mail":"email","Firma":"company"}'],
    }),
    mode: Type.Optional(
      Type.Union([Type.Literal('create'), Type.Literal('upsert')], {
        description:
          'upsert updates records matched by externalId if mapped, else by e-mail (contacts) or name (companies); deals by externalId only',
      }),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'Validate every row and count, write nothing' })),
    file: FileField,
  },
  { description: 'multipart/form-data: send the fields first, then the file' },
);

export const PreviewUploadSchema = Type.Object(
  {
    entity: Type.Optional(Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')])),
    file: FileField,
  },
  { description: 'multipart/form-data: entity (optional, default contact) first, then the file' },
);

export const PreviewSchema = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    encoding: Nullable(Type.String({ description: 'utf-8, utf-16le or windows-1252 (CSV)' })),
    delimiter: Nullable(Type.String({ description: 'The detected delimiter (CSV)' })),
    headers: Type.Array(Type.String()),
    rows: Type.Array(Type.Array(Type.String()), { description: 'The first 10 data rows as text, aligned with headers' }),
    suggestedMapping: Type.Record(Type.String(), Type.String(), { description: 'header → field, for headers recognised' }),
    fields: Type.Array(Type.String(), { description: 'Every field a column can be mapped to' }),
  },
  {
    examples: [
      {
        format: 'csv',
        encoding: 'utf-8',
        delimiter: ';',
        headers: ['Vorname', 'Nachname', 'E-Mail', 'Notiz'],
        rows: [['Anna', 'Müller', 'anna@example.de', '']],
        suggestedMapping: { Vorname: 'firstName', Nachname: 'lastName', 'E-Mail': 'email' },
        fields: ['firstName', 'lastName', 'email', 'customFields.branche'],
      },
    ],
  },
);
export type Preview = Static<typeof PreviewSchema>;

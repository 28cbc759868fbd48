import { type Static, Type } from 'typebox';
import { Id } from '../../http/schemas.ts';

// Shared pieces of every report: query parameters, the period answered, and the people columns.
// This file and its siblings import nothing but TypeBox, so the SPA can import their types.

const DateParam = (description: string, example: string) => Type.String({ format: 'date', description, examples: [example] });

const IdParam = (description: string) =>
  Type.String({ minLength: 1, maxLength: 64, description, examples: ['01jdq3m6e2x7k9v4b8c1n5t0aw'] });

/** ?from&to: the period. */
export const PeriodParams = {
  from: Type.Optional(
    DateParam(
      'First day of the period (YYYY-MM-DD, company time zone); default: the first day of the month eleven months back',
      '2026-01-01',
    ),
  ),
  to: Type.Optional(DateParam('Last day of the period, inclusive (YYYY-MM-DD); default: today', '2026-11-30')),
};

/** ?teamId&userId: whose figures, within what the caller may see. */
export const PeopleParams = {
  teamId: Type.Optional(IdParam('Only figures of this team’s members')),
  userId: Type.Optional(IdParam('Only figures of this user')),
};

export const PipelineParam = { pipelineId: Type.Optional(IdParam('Only deals of this pipeline')) };

/** ?format&lang: JSON, or a CSV/XLSX download. */
export const FileParams = {
  format: Type.Optional(
    Type.Enum(['json', 'csv', 'xlsx'], {
      description:
        'json (default), csv (UTF-8 with BOM, semicolons; the same as Accept: text/csv) or xlsx. Formula-like cells get a leading apostrophe.',
    }),
  ),
  lang: Type.Optional(
    Type.Enum(['de', 'en'], {
      description: 'Language of CSV/XLSX headers and number notation; default from Accept-Language, else German',
    }),
  ),
};

export interface ReportFilter {
  from?: string;
  to?: string;
  pipelineId?: string;
  teamId?: string;
  userId?: string;
}

export const PeriodSchema = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date', description: 'inclusive' }),
    timeZone: Type.String({ description: 'Days and months are counted in this time zone (work settings)' }),
  },
  { examples: [{ from: '2026-01-01', to: '2026-11-30', timeZone: 'Europe/Berlin' }] },
);
export type PeriodInfo = Static<typeof PeriodSchema>;

export const NullableId = Type.Union([Id, Type.Null()]);
export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const Ratio = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: 'A share between 0 and 1 (null when there is nothing to divide by)',
});
export const Count = Type.Integer({ minimum: 0 });
export const Cents = Type.Integer({ description: 'Net amount in cents' });

export const UserColumns = {
  userId: Type.Union([Id, Type.Null()], { description: 'null: records without an owner' }),
  userName: NullableString,
};

export const StageColumns = {
  stageId: Id,
  name: Type.String(),
  key: Type.Union([Type.String(), Type.Null()], { description: 'Built-in stage key (new, qualified, …) or null' }),
  kind: Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]),
};

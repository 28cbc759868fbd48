import { type Static, Type } from 'typebox';

// The weekly summary e-mail to heads: on/off, weekday and time (company time zone).

export const WeeklySummarySchema = Type.Object(
  {
    enabled: Type.Boolean(),
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' }),
    time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM in the company time zone' }),
  },
  { additionalProperties: false },
);
export type WeeklySummary = Static<typeof WeeklySummarySchema>;

export const ReportSettingsSchema = Type.Object(
  {
    weeklySummary: WeeklySummarySchema,
    nextWeeklySummaryAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the next summary goes out (null: off)',
    }),
  },
  {
    examples: [
      {
        weeklySummary: { enabled: true, weekday: 1, time: '08:00' },
        nextWeeklySummaryAt: '2026-11-30T07:00:00.000Z',
      },
    ],
  },
);
export type ReportSettings = Static<typeof ReportSettingsSchema>;

export const UpdateReportSettingsSchema = Type.Object(
  { weeklySummary: Type.Partial(WeeklySummarySchema, { additionalProperties: false, minProperties: 1 }) },
  { additionalProperties: false, examples: [{ weeklySummary: { enabled: true, weekday: 1, time: '08:00' } }] },
);
export type UpdateReportSettings = Static<typeof UpdateReportSettingsSchema>;

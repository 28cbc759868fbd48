import { type Static, Type } from 'typebox';
import { Id } from '../../http/schemas.ts';
import {
  Cents,
  Count,
  FileParams,
  NullableString,
  PeopleParams,
  PeriodParams,
  PeriodSchema,
  PipelineParam,
  Ratio,
  StageColumns,
  UserColumns,
} from './reports.schemas.ts';

// The sales reports: funnel, revenue, lead sources, lost reasons.

const closed = { additionalProperties: false } as const;
const EXAMPLE_PERIOD = { from: '2026-01-01', to: '2026-11-30', timeZone: 'Europe/Berlin' };

export const FunnelQuery = Type.Object({ ...PeriodParams, ...PipelineParam, ...PeopleParams, ...FileParams }, closed);

export const FunnelSchema = Type.Object(
  {
    period: PeriodSchema,
    pipelineId: Id,
    pipelineName: Type.String(),
    stages: Type.Array(
      Type.Object({
        ...StageColumns,
        entered: Type.Integer({ minimum: 0, description: 'Deals that entered the stage in the period (each deal once)' }),
        advanced: Type.Union([Count, Type.Null()], {
          description: 'Of those, deals that later moved on to a stage further right (not lost); null for won/lost stages',
        }),
        conversionRate: Ratio,
      }),
    ),
    won: Type.Integer({ minimum: 0, description: 'Deals won in the period (still won: reopened deals do not count)' }),
    lost: Type.Integer({ minimum: 0, description: 'Deals lost in the period (still lost)' }),
    winRate: Type.Union([Type.Number(), Type.Null()], { description: 'won / (won + lost)' }),
    wonAmountCents: Cents,
    lostAmountCents: Cents,
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        pipelineName: 'Vertrieb',
        stages: [
          {
            stageId: '01jdq3m6e2x7k9v4b8c1n5t0s1',
            name: 'Neu',
            key: 'new',
            kind: 'open',
            entered: 40,
            advanced: 30,
            conversionRate: 0.75,
          },
          {
            stageId: '01jdq3m6e2x7k9v4b8c1n5t0s5',
            name: 'Gewonnen',
            key: 'won',
            kind: 'won',
            entered: 12,
            advanced: null,
            conversionRate: null,
          },
        ],
        won: 12,
        lost: 8,
        winRate: 0.6,
        wonAmountCents: 4800000,
        lostAmountCents: 2100000,
      },
    ],
  },
);
export type FunnelReport = Static<typeof FunnelSchema>;

export const RevenueQuery = Type.Object(
  {
    groupBy: Type.Optional(Type.Enum(['user', 'month'], { description: 'user (default) or month' })),
    ...PeriodParams,
    ...PipelineParam,
    ...PeopleParams,
    ...FileParams,
  },
  closed,
);

const RevenueFigures = {
  wonCount: Count,
  wonAmountCents: Cents,
  targetCents: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Sum of the targets set; null: none set' }),
  attainment: Type.Union([Type.Number(), Type.Null()], { description: 'wonAmountCents / targetCents' }),
};

export const RevenueSchema = Type.Object(
  {
    period: PeriodSchema,
    groupBy: Type.Union([Type.Literal('user'), Type.Literal('month')]),
    currency: Type.String({ description: 'Amounts are summed as stored, in this currency' }),
    rows: Type.Array(
      Type.Object({
        key: Type.String({ description: 'The user id ("none": no owner) or the month YYYY-MM' }),
        label: Type.String(),
        ...UserColumns,
        month: Type.Union([Type.String(), Type.Null()]),
        ...RevenueFigures,
      }),
    ),
    total: Type.Object(RevenueFigures),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        groupBy: 'month',
        currency: 'EUR',
        rows: [
          {
            key: '2026-11',
            label: '2026-11',
            userId: null,
            userName: null,
            month: '2026-11',
            wonCount: 3,
            wonAmountCents: 1250000,
            targetCents: 1500000,
            attainment: 0.8333,
          },
        ],
        total: { wonCount: 3, wonAmountCents: 1250000, targetCents: 1500000, attainment: 0.8333 },
      },
    ],
  },
);
export type RevenueReport = Static<typeof RevenueSchema>;

export const SourcesQuery = Type.Object({ ...PeriodParams, ...PipelineParam, ...PeopleParams, ...FileParams }, closed);

const SourceFigures = {
  leads: Type.Integer({ minimum: 0, description: 'Deals created in the period' }),
  open: Count,
  won: Count,
  lost: Count,
  wonAmountCents: Cents,
  conversionRate: Ratio,
};

export const SourcesSchema = Type.Object(
  {
    period: PeriodSchema,
    rows: Type.Array(
      Type.Object({ source: Type.Union([Type.String(), Type.Null()], { description: 'null: unknown' }), ...SourceFigures }),
    ),
    total: Type.Object(SourceFigures),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        rows: [{ source: 'website', leads: 20, open: 5, won: 9, lost: 6, wonAmountCents: 3600000, conversionRate: 0.45 }],
        total: { leads: 20, open: 5, won: 9, lost: 6, wonAmountCents: 3600000, conversionRate: 0.45 },
      },
    ],
  },
);
export type SourcesReport = Static<typeof SourcesSchema>;

export const LostReasonsQuery = Type.Object({ ...PeriodParams, ...PipelineParam, ...PeopleParams, ...FileParams }, closed);

export const LostReasonsSchema = Type.Object(
  {
    period: PeriodSchema,
    rows: Type.Array(
      Type.Object(
        { reason: NullableString, count: Count, amountCents: Cents, share: Ratio },
        { description: 'Most frequent first' },
      ),
    ),
    total: Type.Object({ count: Count, amountCents: Cents }),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        rows: [{ reason: 'Zu teuer', count: 5, amountCents: 900000, share: 0.5 }],
        total: { count: 10, amountCents: 1500000 },
      },
    ],
  },
);
export type LostReasonsReport = Static<typeof LostReasonsSchema>;

import { type Static, Type } from 'typebox';
import { Id } from '../../http/schemas.ts';
import {
  Cents,
  Count,
  FileParams,
  PeopleParams,
  PeriodParams,
  PeriodSchema,
  PipelineParam,
  StageColumns,
} from './reports.schemas.ts';

// The pipeline reports: forecast by expected close month, the open pipeline now, time in stage.

const closed = { additionalProperties: false } as const;
const EXAMPLE_PERIOD = { from: '2026-01-01', to: '2026-11-30', timeZone: 'Europe/Berlin' };

export const ForecastQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date', description: 'Expected close date from (default: no limit)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Expected close date up to, inclusive (default: no limit)' })),
    ...PipelineParam,
    ...PeopleParams,
    ...FileParams,
  },
  closed,
);

const ForecastFigures = {
  count: Count,
  amountCents: Cents,
  weightedCents: Type.Integer({ description: 'Sum of amount × stage probability' }),
};

export const ForecastSchema = Type.Object(
  {
    from: Type.Union([Type.String(), Type.Null()]),
    to: Type.Union([Type.String(), Type.Null()]),
    rows: Type.Array(
      Type.Object({
        month: Type.Union([Type.String(), Type.Null()], { description: 'Expected close month YYYY-MM; null: no date set' }),
        ...ForecastFigures,
      }),
    ),
    total: Type.Object(ForecastFigures),
  },
  {
    examples: [
      {
        from: null,
        to: null,
        rows: [{ month: '2026-12', count: 4, amountCents: 2000000, weightedCents: 1100000 }],
        total: { count: 4, amountCents: 2000000, weightedCents: 1100000 },
      },
    ],
  },
);
export type ForecastReport = Static<typeof ForecastSchema>;

export const PipelineQuery = Type.Object({ ...PipelineParam, ...PeopleParams, ...FileParams }, closed);

export const PipelineSchema = Type.Object(
  {
    pipelineId: Id,
    pipelineName: Type.String(),
    rows: Type.Array(Type.Object({ ...StageColumns, ...ForecastFigures })),
    total: Type.Object(ForecastFigures, { description: 'Open stages only' }),
  },
  {
    examples: [
      {
        pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        pipelineName: 'Vertrieb',
        rows: [
          {
            stageId: '01jdq3m6e2x7k9v4b8c1n5t0s1',
            name: 'Neu',
            key: 'new',
            kind: 'open',
            count: 5,
            amountCents: 500000,
            weightedCents: 50000,
          },
        ],
        total: { count: 5, amountCents: 500000, weightedCents: 50000 },
      },
    ],
  },
);
export type PipelineReport = Static<typeof PipelineSchema>;

export const TimeInStageQuery = Type.Object({ ...PeriodParams, ...PipelineParam, ...PeopleParams, ...FileParams }, closed);

const Days = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);

export const TimeInStageSchema = Type.Object(
  {
    period: PeriodSchema,
    pipelineId: Id,
    pipelineName: Type.String(),
    rows: Type.Array(
      Type.Object({
        ...StageColumns,
        exits: Type.Integer({ minimum: 0, description: 'Stays in the stage that ended in the period' }),
        averageDays: Days,
        medianDays: Days,
        current: Type.Integer({ minimum: 0, description: 'Open deals in the stage now' }),
        currentAverageDays: Type.Union([Type.Number(), Type.Null()], { description: 'How long they have been there so far' }),
      }),
    ),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        pipelineName: 'Vertrieb',
        rows: [
          {
            stageId: '01jdq3m6e2x7k9v4b8c1n5t0s1',
            name: 'Neu',
            key: 'new',
            kind: 'open',
            exits: 30,
            averageDays: 2.4,
            medianDays: 1.5,
            current: 6,
            currentAverageDays: 3.1,
          },
        ],
      },
    ],
  },
);
export type TimeInStageReport = Static<typeof TimeInStageSchema>;

import { type Static, Type } from 'typebox';
import {
  Count,
  FileParams,
  PeopleParams,
  PeriodParams,
  PeriodSchema,
  PipelineParam,
  Ratio,
  UserColumns,
} from './reports.schemas.ts';

// The work reports: response time to new leads, tasks per employee, activities per employee and type.

const closed = { additionalProperties: false } as const;
const EXAMPLE_PERIOD = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Berlin' };
const USER = { userId: '01jdq3m6e2x7k9v4b8c1n5t0us', userName: 'Anna Schmidt' };

export const RESPONSE_BUCKETS = ['under15m', '15to60m', '1to4h', '4to24h', 'over24h', 'never'] as const;
export type ResponseBucket = (typeof RESPONSE_BUCKETS)[number];

export const ResponseTimeQuery = Type.Object({ ...PeriodParams, ...PipelineParam, ...PeopleParams, ...FileParams }, closed);

const Minutes = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: 'Minutes; null without any contacted lead',
});
const ResponseFigures = {
  leads: Type.Integer({ minimum: 0, description: 'Deals created in the period' }),
  contacted: Type.Integer({
    minimum: 0,
    description: 'Of those, reached: a call or e-mail, or a completed task, after creation',
  }),
  never: Type.Integer({ minimum: 0, description: 'Not contacted so far' }),
  medianMinutes: Minutes,
  averageMinutes: Minutes,
  p90Minutes: Minutes,
};

export const ResponseTimeSchema = Type.Object(
  {
    period: PeriodSchema,
    ...ResponseFigures,
    buckets: Type.Array(
      Type.Object({
        key: Type.Union([
          Type.Literal('under15m'),
          Type.Literal('15to60m'),
          Type.Literal('1to4h'),
          Type.Literal('4to24h'),
          Type.Literal('over24h'),
          Type.Literal('never'),
        ]),
        count: Count,
        share: Ratio,
      }),
      { description: 'under 15 min, 15–60 min, 1–4 h, 4–24 h, over 24 h, never' },
    ),
    byUser: Type.Array(Type.Object({ ...UserColumns, ...ResponseFigures })),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        leads: 4,
        contacted: 3,
        never: 1,
        medianMinutes: 20,
        averageMinutes: 110,
        p90Minutes: 290,
        buckets: [
          { key: 'under15m', count: 1, share: 0.25 },
          { key: '15to60m', count: 1, share: 0.25 },
          { key: '1to4h', count: 0, share: 0 },
          { key: '4to24h', count: 1, share: 0.25 },
          { key: 'over24h', count: 0, share: 0 },
          { key: 'never', count: 1, share: 0.25 },
        ],
        byUser: [{ ...USER, leads: 4, contacted: 3, never: 1, medianMinutes: 20, averageMinutes: 110, p90Minutes: 290 }],
      },
    ],
  },
);
export type ResponseTimeReport = Static<typeof ResponseTimeSchema>;

export const TasksQuery = Type.Object(
  {
    groupBy: Type.Optional(Type.Enum(['user'], { description: 'user (the only grouping so far)' })),
    ...PeriodParams,
    ...PeopleParams,
    ...FileParams,
  },
  closed,
);

const TaskFigures = {
  open: Type.Integer({ minimum: 0, description: 'Open now' }),
  overdue: Type.Integer({ minimum: 0, description: 'Open now and past due' }),
  dueToday: Type.Integer({ minimum: 0, description: 'Open now and due today' }),
  done: Type.Integer({ minimum: 0, description: 'Completed in the period' }),
  doneLate: Type.Integer({ minimum: 0, description: 'Of those, completed after they were due' }),
  canceled: Type.Integer({ minimum: 0, description: 'Canceled in the period' }),
};

export const TasksSchema = Type.Object(
  {
    period: PeriodSchema,
    groupBy: Type.Literal('user'),
    rows: Type.Array(Type.Object({ ...UserColumns, ...TaskFigures })),
    total: Type.Object(TaskFigures),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        groupBy: 'user',
        rows: [{ ...USER, open: 5, overdue: 2, dueToday: 1, done: 14, doneLate: 3, canceled: 0 }],
        total: { open: 5, overdue: 2, dueToday: 1, done: 14, doneLate: 3, canceled: 0 },
      },
    ],
  },
);
export type TasksReport = Static<typeof TasksSchema>;

export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;

export const ActivityQuery = Type.Object(
  {
    groupBy: Type.Optional(Type.Enum(['user', 'month'], { description: 'user (default) or month' })),
    ...PeriodParams,
    ...PeopleParams,
    ...FileParams,
  },
  closed,
);

const ActivityFigures = { call: Count, email: Count, meeting: Count, note: Count, total: Count };

export const ActivitySchema = Type.Object(
  {
    period: PeriodSchema,
    groupBy: Type.Union([Type.Literal('user'), Type.Literal('month')]),
    rows: Type.Array(
      Type.Object({
        key: Type.String({ description: 'The user id ("none": no author) or the month YYYY-MM' }),
        label: Type.String(),
        ...UserColumns,
        month: Type.Union([Type.String(), Type.Null()]),
        ...ActivityFigures,
      }),
    ),
    total: Type.Object(ActivityFigures),
  },
  {
    examples: [
      {
        period: EXAMPLE_PERIOD,
        groupBy: 'user',
        rows: [
          { key: USER.userId, label: USER.userName, ...USER, month: null, call: 12, email: 30, meeting: 4, note: 7, total: 53 },
        ],
        total: { call: 12, email: 30, meeting: 4, note: 7, total: 53 },
      },
    ],
  },
);
export type ActivityReport = Static<typeof ActivitySchema>;

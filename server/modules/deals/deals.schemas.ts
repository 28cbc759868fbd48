import { type Static, Type } from 'typebox';
import { recordListQuery } from '../../http/record-query.ts';
import { Id, OptionalText, Stamps, TagsSchema, Timestamp } from '../../http/schemas.ts';
import { CustomFieldValuesSchema } from '../custom-fields/custom-fields.schemas.ts';
import { DEAL_LIST } from './deals.repository.ts';

const NullableId = Type.Union([Id, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const DealStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, default EUR' });
const TaxRate = Type.Number({ minimum: 0, maximum: 100, description: 'Percent, e.g. 19, 7, 0' });

export const DealSchema = Type.Object(
  {
    ...Stamps,
    title: Type.String(),
    pipelineId: Id,
    stageId: Id,
    contactId: NullableId,
    contactName: NullableString,
    companyId: NullableId,
    companyName: NullableString,
    ownerId: NullableId,
    amountCents: Type.Integer({ description: 'Net amount in cents; follows the line items when the deal has any' }),
    currency: Type.String(),
    taxRate: Type.Number({ description: 'Used for the tax when the deal has no line items' }),
    taxCents: Type.Integer(),
    grossCents: Type.Integer(),
    hasLineItems: Type.Boolean(),
    paidCents: Type.Integer({ description: 'Sum of payments' }),
    paidAt: Type.Union([Timestamp, Type.Null()], { description: 'When the payments first reached the gross amount' }),
    expectedCloseDate: NullableString,
    status: DealStatusSchema,
    lostReason: NullableString,
    closedAt: Type.Union([Timestamp, Type.Null()]),
    stageEnteredAt: Timestamp,
    source: NullableString,
    tags: Type.Array(Type.String()),
    customFields: CustomFieldValuesSchema,
    externalId: NullableString,
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        title: 'Fenster Einfamilienhaus Schmidt',
        pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        stageId: '01jdq3m6e2x7k9v4b8c1n5t0s3',
        contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        contactName: 'Anna Schmidt',
        companyId: null,
        companyName: null,
        ownerId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        amountCents: 845000,
        currency: 'EUR',
        taxRate: 19,
        taxCents: 160550,
        grossCents: 1005550,
        hasLineItems: true,
        paidCents: 0,
        paidAt: null,
        expectedCloseDate: '2026-12-15',
        status: 'open',
        lostReason: null,
        closedAt: null,
        stageEnteredAt: '2026-11-28T09:15:00.000Z',
        source: 'website',
        tags: [],
        customFields: { measurements: '3 Fenster 120×140 cm' },
        externalId: null,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 3,
      },
    ],
  },
);
export type Deal = Static<typeof DealSchema>;

const writable = {
  pipelineId: Type.Optional(Id),
  stageId: Type.Optional(Id),
  contactId: Type.Optional(NullableId),
  companyId: Type.Optional(NullableId),
  ownerId: Type.Optional(Id),
  amountCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e13 })),
  currency: Type.Optional(Currency),
  taxRate: Type.Optional(TaxRate),
  expectedCloseDate: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  lostReason: OptionalText(200),
  source: OptionalText(100),
  tags: Type.Optional(TagsSchema),
  customFields: Type.Optional(CustomFieldValuesSchema),
  externalId: OptionalText(100),
};

export const CreateDealSchema = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), ...writable },
  {
    additionalProperties: false,
    description: 'pipelineId defaults to the default pipeline, stageId to its first stage, ownerId to you',
    examples: [
      {
        title: 'Fenster Einfamilienhaus Schmidt',
        contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        amountCents: 845000,
        expectedCloseDate: '2026-12-15',
      },
    ],
  },
);
export type CreateDeal = Static<typeof CreateDealSchema>;

export const UpdateDealSchema = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), status: Type.Optional(DealStatusSchema), ...writable },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Move a deal with {"stageId"}; status won/lost moves it to the pipeline’s first won/lost stage',
    examples: [{ stageId: '01jdq3m6e2x7k9v4b8c1n5t0s4' }, { stageId: '01jdq3m6e2x7k9v4b8c1n5t0s6', lostReason: 'Zu teuer' }],
  },
);
export type UpdateDeal = Static<typeof UpdateDealSchema>;

/** Paging, sort, q and the equality filters of DEAL_LIST (see server/http/list.ts). */
export const DealListQuery = recordListQuery(DEAL_LIST);

export const StageChangeSchema = Type.Object(
  {
    id: Id,
    pipelineId: Id,
    fromStageId: NullableId,
    toStageId: Id,
    userId: NullableId,
    userName: NullableString,
    at: Timestamp,
    secondsInPrevious: Type.Union([Type.Integer(), Type.Null()], { description: 'How long the deal was in the stage it left' }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0sd',
        pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        fromStageId: '01jdq3m6e2x7k9v4b8c1n5t0s1',
        toStageId: '01jdq3m6e2x7k9v4b8c1n5t0s3',
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        userName: 'Anna Schmidt',
        at: '2026-11-28T09:15:00.000Z',
        secondsInPrevious: 349_800,
      },
    ],
  },
);

export const BoardCardSchema = Type.Object({
  ...DealSchema.properties,
  daysInStage: Type.Integer(),
  rotting: Type.Boolean({ description: 'Longer in its stage than the stage’s time limit' }),
  overdue: Type.Boolean({ description: 'Open and past its expected close date' }),
  nextTask: Type.Optional(
    Type.Union(
      [Type.Object({ id: Type.String(), title: Type.String(), dueAt: Type.Union([Type.String(), Type.Null()]) }), Type.Null()],
      {
        description: 'The open task due first on this deal',
      },
    ),
  ),
});

export const BoardSchema = Type.Object(
  {
    pipelineId: Id,
    stages: Type.Array(
      Type.Object({
        stageId: Id,
        count: Type.Integer(),
        amountCents: Type.Integer(),
        weightedAmountCents: Type.Integer(),
        deals: Type.Array(BoardCardSchema),
      }),
    ),
  },
  {
    examples: [
      {
        pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        stages: [
          { stageId: '01jdq3m6e2x7k9v4b8c1n5t0s1', count: 0, amountCents: 0, weightedAmountCents: 0, deals: [] },
          {
            stageId: '01jdq3m6e2x7k9v4b8c1n5t0s3',
            count: 1,
            amountCents: 845000,
            weightedAmountCents: 422500,
            deals: [
              {
                id: '01jdq3m6e2x7k9v4b8c1n5t0dl',
                title: 'Fenster Einfamilienhaus Schmidt',
                pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pl',
                stageId: '01jdq3m6e2x7k9v4b8c1n5t0s3',
                contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct',
                contactName: 'Anna Schmidt',
                companyId: null,
                companyName: null,
                ownerId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
                amountCents: 845000,
                currency: 'EUR',
                taxRate: 19,
                taxCents: 160550,
                grossCents: 1005550,
                hasLineItems: true,
                paidCents: 0,
                paidAt: null,
                expectedCloseDate: '2026-12-15',
                status: 'open',
                lostReason: null,
                closedAt: null,
                stageEnteredAt: '2026-11-20T10:00:00.000Z',
                source: 'website',
                tags: [],
                customFields: { measurements: '3 Fenster 120×140 cm' },
                externalId: null,
                createdAt: '2026-11-18T14:30:00.000Z',
                updatedAt: '2026-11-28T09:15:00.000Z',
                version: 3,
                daysInStage: 8,
                rotting: false,
                overdue: false,
                nextTask: { id: '01jdq3m6e2x7k9v4b8c1n5t0tk', title: 'Angebot nachfassen', dueAt: '2026-12-01T09:00:00.000Z' },
              },
            ],
          },
        ],
      },
    ],
  },
);

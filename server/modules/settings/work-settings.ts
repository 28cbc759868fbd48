import type { Kysely, Transaction } from 'kysely';
import { type Static, Type } from 'typebox';
import { type Actor, isAdmin } from '../../core/actor.ts';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS } from '../../core/business-hours.ts';
import type { Ctx } from '../../core/context.ts';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { getSetting, putSetting } from './settings.repository.ts';

const HHMM = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
const BusinessHoursSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    timeZone: Type.String({ maxLength: 60, examples: ['Europe/Berlin'] }),
    days: Type.Record(Type.String({ pattern: '^[1-7]$' }), Type.Array(Type.Tuple([HHMM, HHMM]), { maxItems: 4 }), {
      description: 'ISO weekday 1 (Mon) … 7 (Sun) → opening ranges',
    }),
    holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export const WorkSettingsSchema = Type.Object(
  {
    businessHours: BusinessHoursSchema,
    escalationUserId: Type.Union([Type.String(), Type.Null()], {
      description: 'Told about expired tasks whose assignee has no head',
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        businessHours: {
          enabled: true,
          timeZone: 'Europe/Berlin',
          days: {
            '1': [
              ['07:30', '12:00'],
              ['13:00', '16:30'],
            ],
            '2': [
              ['07:30', '12:00'],
              ['13:00', '16:30'],
            ],
            '3': [
              ['07:30', '12:00'],
              ['13:00', '16:30'],
            ],
            '4': [
              ['07:30', '12:00'],
              ['13:00', '16:30'],
            ],
            '5': [['07:30', '13:00']],
          },
          holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'],
        },
        escalationUserId: '01jdq3m6e2x7k9v4b8c1n5t0hd',
      },
    ],
  },
);
export type WorkSettings = Static<typeof WorkSettingsSchema>;
const UpdateSchema = Type.Partial(WorkSettingsSchema, {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ escalationUserId: '01jdq3m6e2x7k9v4b8c1n5t0hd' }],
});

const KEY = 'work';

export async function getWorkSettings(db: Kysely<DB> | Transaction<DB>): Promise<WorkSettings> {
  const stored = await getSetting<Partial<WorkSettings>>(db, KEY);
  return {
    businessHours: stored?.value.businessHours ?? DEFAULT_BUSINESS_HOURS,
    escalationUserId: stored?.value.escalationUserId ?? null,
  };
}

export async function businessHours(db: Kysely<DB> | Transaction<DB>): Promise<BusinessHours> {
  return (await getWorkSettings(db)).businessHours;
}

async function updateWorkSettings(ctx: Ctx, actor: Actor, input: Partial<WorkSettings>): Promise<WorkSettings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change these settings');
  if (input.businessHours) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.businessHours.timeZone });
    } catch {
      throw new AppError('validation_failed', 'Unknown time zone', [
        { path: 'businessHours.timeZone', message: 'unknown time zone' },
      ]);
    }
    for (const [day, ranges] of Object.entries(input.businessHours.days)) {
      if (ranges.some(([a, b]) => a >= b))
        throw new AppError('validation_failed', 'Opening hours must end after they start', [
          { path: `businessHours.days.${day}`, message: 'from must be before to' },
        ]);
    }
  }
  if (input.escalationUserId) {
    const user = await ctx.db.selectFrom('users').select('active').where('id', '=', input.escalationUserId).executeTakeFirst();
    if (user?.active !== 1)
      throw new AppError('unprocessable', 'Unknown or inactive user', [{ path: 'escalationUserId', message: 'unknown user' }]);
  }
  const next = { ...(await getWorkSettings(ctx.db)), ...input };
  await putSetting(ctx.db, KEY, next, ctx.clock.now().toISOString());
  return next;
}

export function workSettingsRoutes(app: App, { ctx }: RouteDeps): void {
  const tags = ['Settings'];
  app.get(
    '/api/v1/settings/work',
    {
      schema: {
        tags,
        summary: 'Business hours (for SLAs and due times) and who is told about expired tasks without a head',
        response: { 200: WorkSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return getWorkSettings(ctx.db);
    },
  );
  app.patch(
    '/api/v1/settings/work',
    {
      schema: {
        tags,
        summary: 'Change business hours and the escalation fallback (admin)',
        body: UpdateSchema,
        response: { 200: WorkSettingsSchema, ...problemResponses },
      },
    },
    async (request) => updateWorkSettings(ctx, actorOf(request), request.body as Partial<WorkSettings>),
  );
}

import type { Kysely, Transaction } from 'kysely';
import { type Static, Type } from 'typebox';
import { type Actor, isAdmin } from '../../core/actor.ts';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS } from '../../core/business-hours.ts';
import type { Ctx } from '../../core/context.ts';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { expectedVersion, versionMismatch } from '../../http/if-match.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { ensureSetting, getSetting, putSetting } from './settings.repository.ts';

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
  { additionalProperties: false },
);
export type WorkSettings = Static<typeof WorkSettingsSchema>;
const WorkSettingsRecordSchema = Type.Object(
  {
    ...WorkSettingsSchema.properties,
    version: Type.Integer({ minimum: 1, description: 'Send it back as If-Match: "<version>" with a change' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        businessHours: {
          enabled: true,
          timeZone: 'Europe/Berlin',
          days: { '1': [['08:00', '17:00']], '2': [['08:00', '17:00']], '5': [['08:00', '14:00']] },
          holidays: ['2026-12-24', '2026-12-25'],
        },
        escalationUserId: null,
        version: 3,
        updatedAt: '2026-11-28T09:15:00.000Z',
      },
    ],
  },
);
type WorkSettingsRecord = Static<typeof WorkSettingsRecordSchema>;
const UpdateSchema = Type.Partial(WorkSettingsSchema, { additionalProperties: false, minProperties: 1 });

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

async function workSettingsRecord(db: Kysely<DB> | Transaction<DB>): Promise<WorkSettingsRecord> {
  const stored = await getSetting<Partial<WorkSettings>>(db, KEY);
  return {
    ...(await getWorkSettings(db)),
    version: stored?.version ?? 1,
    updatedAt: stored?.updatedAt ?? new Date(0).toISOString(),
  };
}

async function updateWorkSettings(
  ctx: Ctx,
  actor: Actor,
  input: Partial<WorkSettings>,
  expected?: number,
): Promise<WorkSettingsRecord> {
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
  const now = ctx.clock.now().toISOString();
  await ensureSetting(ctx.db, KEY, await getWorkSettings(ctx.db), now);
  const current = await workSettingsRecord(ctx.db);
  if (expected !== undefined && expected !== current.version) throw versionMismatch(current.version, current);
  const { version: _v, updatedAt: _u, ...settings } = current;
  // guarded by the version read above: two admins saving at once cannot overwrite each other unseen
  if (!(await putSetting(ctx.db, KEY, { ...settings, ...input }, now, current.version))) {
    const fresh = await workSettingsRecord(ctx.db);
    throw versionMismatch(fresh.version, fresh);
  }
  return workSettingsRecord(ctx.db);
}

export function workSettingsRoutes(app: App, { ctx }: RouteDeps): void {
  const tags = ['Settings'];
  app.get(
    '/api/v1/settings/work',
    {
      schema: {
        tags,
        summary: 'Business hours (for SLAs and due times) and who is told about expired tasks without a head',
        response: { 200: WorkSettingsRecordSchema, ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return workSettingsRecord(ctx.db);
    },
  );
  app.patch(
    '/api/v1/settings/work',
    {
      schema: {
        tags,
        summary: 'Change business hours and the escalation fallback (admin); If-Match: "<version>" guards it',
        body: UpdateSchema,
        response: { 200: WorkSettingsRecordSchema, ...problemResponses },
      },
    },
    async (request) => updateWorkSettings(ctx, actorOf(request), request.body as Partial<WorkSettings>, expectedVersion(request)),
  );
}

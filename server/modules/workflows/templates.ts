import { type Static, Type } from 'typebox';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { CustomFieldType } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { createValueIndex } from '../custom-fields/custom-fields.repository.ts';
import { createPipelineFromTemplate, type StageTemplate } from '../pipelines/default-pipeline.ts';
import type { Condition, Definition, Step } from './definition.ts';
import { insertWorkflow } from './workflows.service.ts';

interface RoleSpec {
  key: string;
  kind: 'user' | 'team';
  label: { de: string; en: string };
}

export interface ProcessTemplate {
  key: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  roles: RoleSpec[];
  settings: Record<string, { default: number; min: number; max: number; label: { de: string; en: string } }>;
  pipeline: { name: string; stages: StageTemplate[] };
  fields: { key: string; label: string; type: CustomFieldType }[];
  form?: { key: string; name: string };
  workflows: (
    roles: Record<string, string>,
    settings: Record<string, number>,
    ids: { pipelineId: string; formKey: string | null; stages: Record<string, string> },
  ) => { name: string; definition: Definition }[];
}

const MEASURE_AND_INSTALL: ProcessTemplate = {
  key: 'measure-and-install',
  name: { de: 'Aufmaß und Montage', en: 'Measure and install' },
  description: {
    de: 'Web-Anfrage → Rückruf in X Minuten (sonst Leitung informiert) → Aufmaß → Kalkulation → Angebot (PDF) → Zahlung → Montage → Bericht an die Leitung. Jeder Schritt greift genau einmal – auch wenn Felder in anderer Reihenfolge ausgefüllt oder Deals von Hand verschoben werden.',
    en: 'Web lead → call back within X minutes (or the head is told) → measurement → calculation → offer (PDF) → payment → installation → report to the head. Each step happens exactly once, whether fields are filled in another order or deals are moved by hand.',
  },
  roles: [
    { key: 'sales', kind: 'team', label: { de: 'Vertriebsteam', en: 'Sales team' } },
    { key: 'head', kind: 'user', label: { de: 'Abteilungsleitung', en: 'Head of department' } },
    { key: 'measurer', kind: 'user', label: { de: 'Aufmaß', en: 'Measurer' } },
    { key: 'estimator', kind: 'user', label: { de: 'Kalkulation', en: 'Estimator' } },
    { key: 'installer', kind: 'user', label: { de: 'Montage', en: 'Installer' } },
  ],
  settings: {
    callWithinMinutes: {
      default: 15,
      min: 1,
      max: 1440,
      label: { de: 'Rückruf innerhalb (Minuten)', en: 'Call back within (minutes)' },
    },
  },
  pipeline: {
    name: 'Aufmaß & Montage',
    stages: [
      { key: 'inquiry', name: 'Neue Anfrage', probability: 10, kind: 'open', timeLimitDays: 1 },
      {
        key: 'measurement',
        name: 'Aufmaß',
        probability: 25,
        kind: 'open',
        timeLimitDays: 14,
        requiredFields: ['customFields.visitAt'],
      },
      {
        key: 'calculation',
        name: 'Kalkulation',
        probability: 40,
        kind: 'open',
        timeLimitDays: 7,
        requiredFields: ['customFields.measurements'],
      },
      { key: 'offer', name: 'Angebot', probability: 60, kind: 'open', timeLimitDays: 21 },
      { key: 'installation', name: 'Montage', probability: 90, kind: 'open', timeLimitDays: 30 },
      { key: 'won', name: 'Gewonnen', probability: 100, kind: 'won' },
      { key: 'lost', name: 'Verloren', probability: 0, kind: 'lost' },
    ],
  },
  fields: [
    { key: 'visitAt', label: 'Aufmaßtermin', type: 'datetime' },
    { key: 'measurements', label: 'Aufmaß', type: 'text' },
    { key: 'installationAt', label: 'Montagetermin', type: 'datetime' },
  ],
  form: { key: 'anfrage', name: 'Anfrage Website' },
  /*
   * Staff do the steps in whatever order suits them: the visit date before or after ticking off the call, the
   * measurements in the field or in the completion note, the card moved on the board by hand or by the process.
   * So each piece of work hangs off every event that can complete its precondition (a task completed, a field
   * filled, a stage entered), and is guarded by what the deal already has (deal.openTaskTypes, doneTaskTypes,
   * documentKinds): whichever event comes last creates it, the others find it there — once per deal. The guards
   * sit both in the workflow's conditions (no needless runs) and on the creating step (onlyIf, checked in the
   * step's own transaction, so two runs started at the same moment cannot both pass).
   */
  workflows: (roles, settings, { pipelineId, formKey, stages }) => {
    const inPipeline: Condition = { field: 'deal.pipelineId', op: 'eq', value: pipelineId };
    const stageIn = (...keys: string[]): Condition => ({ field: 'deal.stageKey', op: 'in', value: keys });
    const filled = (key: string): Condition => ({ field: `deal.customFields.${key}`, op: 'not_empty' });
    const empty = (key: string): Condition => ({ field: `deal.customFields.${key}`, op: 'empty' });
    const noOpen = (type: string): Condition => ({ field: 'deal.openTaskTypes', op: 'not_contains', value: type });
    const hasDone = (type: string): Condition => ({ field: 'deal.doneTaskTypes', op: 'contains', value: type });
    const noDone = (type: string): Condition => ({ field: 'deal.doneTaskTypes', op: 'not_contains', value: type });
    /** Neither an open nor a done task of this type (a canceled one may be replaced). */
    const noTask = (type: string): Condition[] => [noOpen(type), noDone(type)];
    const entered = (key: string) => ({ type: 'deal.stage_changed' as const, pipelineId, toStageId: stages[key] });
    const changed = (key: string) => ({
      type: 'record.updated' as const,
      entity: 'deal' as const,
      pipelineId,
      field: `customFields.${key}`,
    });
    const customer = 'Kunde: {{contact.name}}, {{contact.street}}, {{contact.zip}} {{contact.city}} · Tel. {{contact.phone}}';

    // 3 — the call done (no call task open) and the visit date filled, in either order: the measurer's task.
    const planMeasurement = {
      conditions: {
        all: [inPipeline, stageIn('inquiry', 'measurement'), filled('visitAt'), noOpen('call'), ...noTask('measurement')],
      },
      steps: [
        {
          type: 'create_task',
          title: 'Aufmaß nehmen: {{deal.title}}',
          taskType: 'measurement',
          body: customer,
          assignee: { type: 'user', userId: roles.measurer },
          due: { type: 'field', field: 'deal.customFields.visitAt' },
          onlyIf: { all: noTask('measurement') },
        },
        { type: 'move_stage', stageKey: 'measurement', onlyIf: { all: [stageIn('inquiry')] } },
      ] satisfies Step[],
    };
    // 4 — measuring done (task completed) and its results in the field: on to the calculation.
    const toCalculation: Step = {
      type: 'move_stage',
      stageKey: 'calculation',
      onlyIf: { all: [stageIn('inquiry', 'measurement'), filled('measurements'), noOpen('measurement')] },
    };
    // 6 — the installer's job, once the deal is in "Montage" and the date is known.
    const installationTask: Step = {
      type: 'create_task',
      title: 'Montage: {{deal.title}}',
      taskType: 'installation',
      body: `${customer}\nAufmaß: {{deal.customFields.measurements}}`,
      assignee: { type: 'user', userId: roles.installer },
      due: { type: 'field', field: 'deal.customFields.installationAt' },
      onlyIf: { all: noTask('installation') },
    };

    return [
      {
        name: '1 · Neue Web-Anfrage: Rückruf',
        definition: {
          trigger: { type: 'form.submitted', formKey: formKey ?? undefined },
          steps: [
            {
              type: 'create_task',
              title: 'Kunden anrufen: {{contact.name}} – Auftrag klären',
              taskType: 'call',
              body: 'Anfrage über die Website. Telefon: {{contact.phone}} · E-Mail: {{contact.email}}\nBitte Aufmaßtermin (visitAt) eintragen und die Aufgabe erledigen.',
              assignee: { type: 'owner' },
              due: { type: 'relative', minutes: settings.callWithinMinutes, businessHours: true },
            },
          ],
        },
      },
      {
        name: '2 · Rückruf erledigt: Aufmaß planen',
        definition: { trigger: { type: 'task.completed', taskType: 'call', pipelineId }, ...planMeasurement },
      },
      {
        name: '2 · Aufmaßtermin eingetragen: Aufmaß planen',
        definition: { trigger: changed('visitAt'), ...planMeasurement },
      },
      {
        name: '3 · Aufmaß erledigt: weiter zur Kalkulation',
        definition: {
          trigger: { type: 'task.completed', taskType: 'measurement', pipelineId },
          conditions: { all: [inPipeline, stageIn('inquiry', 'measurement')] },
          steps: [
            // the results written in the completion note count as the measurements when the field is empty
            {
              type: 'update_field',
              field: 'deal.customFields.measurements',
              value: '{{task.completionNote}}',
              onlyIf: { all: [empty('measurements'), { field: 'task.completionNote', op: 'not_empty' }] },
            },
            toCalculation,
            {
              type: 'notify',
              to: { type: 'owner' },
              title: 'Aufmaß ohne Maße: {{deal.title}}',
              body: 'Die Aufmaß-Aufgabe ist erledigt, aber es sind keine Maße eingetragen. Bitte das Feld „Aufmaß“ am Deal ausfüllen – dann geht es mit der Kalkulation weiter.',
              onlyIf: { all: [empty('measurements')] },
            },
          ],
        },
      },
      {
        name: '3 · Maße eingetragen: weiter zur Kalkulation',
        definition: {
          trigger: changed('measurements'),
          conditions: {
            all: [
              inPipeline,
              stageIn('inquiry', 'measurement'),
              filled('measurements'),
              hasDone('measurement'),
              noOpen('measurement'),
            ],
          },
          steps: [toCalculation],
        },
      },
      {
        name: '3 · Phase Kalkulation: Auftragswert kalkulieren',
        definition: {
          trigger: entered('calculation'),
          conditions: { all: [inPipeline, ...noTask('calculation')] },
          steps: [
            {
              type: 'create_task',
              title: 'Auftragswert kalkulieren und mit dem Kunden abstimmen: {{deal.title}}',
              taskType: 'calculation',
              body: 'Aufmaß: {{deal.customFields.measurements}}',
              assignee: { type: 'user', userId: roles.estimator },
              due: { type: 'sla' },
              onlyIf: { all: noTask('calculation') },
            },
          ],
        },
      },
      {
        name: '4 · Kalkulation erledigt: weiter zum Angebot',
        definition: {
          trigger: { type: 'task.completed', taskType: 'calculation', pipelineId },
          conditions: { all: [inPipeline, stageIn('inquiry', 'measurement', 'calculation')] },
          steps: [{ type: 'move_stage', stageKey: 'offer', onlyIf: { all: [stageIn('inquiry', 'measurement', 'calculation')] } }],
        },
      },
      {
        name: '4 · Phase Angebot: Angebot erstellen',
        definition: {
          trigger: entered('offer'),
          conditions: { all: [inPipeline, { field: 'deal.documentKinds', op: 'not_contains', value: 'offer' }] },
          steps: [
            {
              type: 'generate_document',
              kind: 'offer',
              onlyIf: { all: [{ field: 'deal.documentKinds', op: 'not_contains', value: 'offer' }] },
            },
            {
              type: 'notify',
              to: { type: 'owner' },
              title: 'Angebot erstellt: {{deal.title}}',
              body: 'Das Angebot liegt am Deal bereit und kann versendet werden.',
            },
          ],
        },
      },
      {
        name: '5 · Bezahlt: Montage',
        definition: {
          trigger: { type: 'deal.paid', pipelineId },
          conditions: { all: [inPipeline, stageIn('inquiry', 'measurement', 'calculation', 'offer')] },
          steps: [
            {
              type: 'move_stage',
              stageKey: 'installation',
              onlyIf: { all: [stageIn('inquiry', 'measurement', 'calculation', 'offer')] },
            },
          ],
        },
      },
      {
        name: '5 · Phase Montage: Monteur beauftragen',
        definition: {
          trigger: entered('installation'),
          conditions: { all: [inPipeline, ...noTask('installation')] },
          steps: [
            {
              type: 'if',
              conditions: { all: [filled('installationAt')] },
              // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
              then: [installationTask],
              else: [
                {
                  type: 'notify',
                  to: { type: 'user', userId: roles.installer },
                  title: 'Montage steht an: {{deal.title}}',
                  body: `${customer}\nDer Termin wird noch mit dem Kunden vereinbart; sobald er am Deal steht, bekommen Sie die Montage-Aufgabe zu diesem Termin.`,
                },
                {
                  type: 'create_task',
                  title: 'Montagetermin vereinbaren: {{deal.title}}',
                  taskType: 'call',
                  body: 'Bitte den Termin im Feld „Montagetermin“ am Deal eintragen – die Montage wird dann automatisch beauftragt.',
                  assignee: { type: 'owner' },
                  due: { type: 'relative', minutes: 1440, businessHours: true },
                },
              ],
            },
          ],
        },
      },
      {
        name: '5 · Montagetermin eingetragen: Monteur beauftragen',
        definition: {
          trigger: changed('installationAt'),
          conditions: { all: [inPipeline, stageIn('installation'), filled('installationAt'), ...noTask('installation')] },
          steps: [installationTask],
        },
      },
      {
        name: '6 · Montage erledigt: gewonnen',
        definition: {
          trigger: { type: 'task.completed', taskType: 'installation', pipelineId },
          conditions: { all: [inPipeline, { field: 'deal.status', op: 'eq', value: 'open' }] },
          steps: [{ type: 'move_stage', stageKey: 'won', onlyIf: { all: [{ field: 'deal.status', op: 'eq', value: 'open' }] } }],
        },
      },
      {
        name: '6 · Gewonnen: Bericht an die Leitung',
        definition: {
          trigger: { type: 'deal.won', pipelineId },
          conditions: { all: [inPipeline] },
          steps: [{ type: 'report', to: { type: 'user', userId: roles.head } }],
        },
      },
    ];
  },
};

const SALON_REBOOKING: ProcessTemplate = {
  key: 'salon-rebooking',
  name: { de: 'Salon: Termin nachbuchen', en: 'Salon: re-booking reminder' },
  description: {
    de: 'Nach jedem Besuch erinnert Kontor nach X Tagen an den nächsten Termin.',
    en: 'After each visit Kontor reminds you after X days to book the next appointment.',
  },
  roles: [{ key: 'reception', kind: 'user', label: { de: 'Empfang', en: 'Reception' } }],
  settings: {
    rebookAfterDays: { default: 42, min: 1, max: 365, label: { de: 'Erinnern nach (Tagen)', en: 'Remind after (days)' } },
  },
  pipeline: {
    name: 'Salon-Termine',
    stages: [
      { key: 'booked', name: 'Gebucht', probability: 80, kind: 'open' },
      { key: 'won', name: 'Besucht', probability: 100, kind: 'won' },
      { key: 'lost', name: 'Abgesagt', probability: 0, kind: 'lost' },
    ],
  },
  fields: [],
  workflows: (roles, settings, { pipelineId }) => [
    {
      name: 'Salon · Nach dem Besuch: nachbuchen',
      definition: {
        trigger: { type: 'deal.won', pipelineId },
        conditions: { all: [{ field: 'deal.pipelineId', op: 'eq', value: pipelineId }] },
        steps: [
          { type: 'wait', minutes: (settings.rebookAfterDays ?? 42) * 1440 },
          {
            type: 'create_task',
            title: 'Nächsten Termin mit {{contact.name}} vereinbaren',
            taskType: 'call',
            body: 'Letzter Besuch: {{deal.title}} · Tel. {{contact.phone}}',
            assignee: { type: 'user', userId: roles.reception },
            due: { type: 'relative', minutes: 1440, businessHours: true },
          },
        ],
      },
    },
  ],
};

const SHOP_FOLLOW_UP: ProcessTemplate = {
  key: 'shop-follow-up',
  name: { de: 'Online-Shop: Nachfassen', en: 'Online shop: order follow-up' },
  description: {
    de: 'X Tage nach einer Bestellung fragt Kontor per E-Mail nach der Zufriedenheit; bei großen Bestellungen ruft jemand an.',
    en: 'X days after an order Kontor asks by e-mail how it went; big orders get a call.',
  },
  roles: [{ key: 'service', kind: 'user', label: { de: 'Kundenservice', en: 'Customer service' } }],
  settings: {
    followUpDays: { default: 7, min: 1, max: 90, label: { de: 'Nachfassen nach (Tagen)', en: 'Follow up after (days)' } },
    callAboveEuros: {
      default: 500,
      min: 0,
      max: 1_000_000,
      label: { de: 'Anruf ab Bestellwert (€)', en: 'Call above order value (€)' },
    },
  },
  pipeline: {
    name: 'Shop-Bestellungen',
    stages: [
      { key: 'ordered', name: 'Bestellt', probability: 90, kind: 'open' },
      { key: 'won', name: 'Geliefert', probability: 100, kind: 'won' },
      { key: 'lost', name: 'Storniert', probability: 0, kind: 'lost' },
    ],
  },
  fields: [],
  workflows: (roles, settings, { pipelineId }) => [
    {
      name: 'Shop · Nachfassen nach der Lieferung',
      definition: {
        trigger: { type: 'deal.won', pipelineId },
        conditions: { all: [{ field: 'deal.pipelineId', op: 'eq', value: pipelineId }] },
        steps: [
          { type: 'wait', minutes: (settings.followUpDays ?? 7) * 1440 },
          {
            type: 'send_email',
            to: 'contact',
            subject: 'Wie zufrieden sind Sie mit Ihrer Bestellung?',
            body: 'Guten Tag {{contact.name}},\n\nIhre Bestellung „{{deal.title}}“ ist vor einigen Tagen bei Ihnen angekommen. Sind Sie zufrieden? Antworten Sie einfach auf diese E-Mail.\n\nViele Grüße',
          },
          {
            type: 'if',
            conditions: { all: [{ field: 'deal.amountCents', op: 'gte', value: (settings.callAboveEuros ?? 500) * 100 }] },
            // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
            then: [
              {
                type: 'create_task',
                title: 'Zufriedenheit erfragen: {{contact.name}} ({{deal.title}})',
                taskType: 'call',
                assignee: { type: 'user', userId: roles.service },
                due: { type: 'relative', minutes: 1440, businessHours: true },
              },
            ],
          },
        ],
      },
    },
  ],
};

export const PROCESS_TEMPLATES: ProcessTemplate[] = [MEASURE_AND_INSTALL, SALON_REBOOKING, SHOP_FOLLOW_UP];

export const InstallSchema = Type.Object(
  {
    roles: Type.Record(Type.String(), Type.String(), { description: 'role key → user id (or team id for team roles)' }),
    settings: Type.Optional(Type.Record(Type.String(), Type.Number())),
  },
  {
    additionalProperties: false,
    examples: [
      {
        roles: { sales: '<team id>', head: '<user id>', measurer: '<user id>', estimator: '<user id>', installer: '<user id>' },
        settings: { callWithinMinutes: 15 },
      },
    ],
  },
);
export type Install = Static<typeof InstallSchema>;

async function uniqueFormKey(db: Ctx['db'], base: string): Promise<string> {
  for (let i = 1; i < 100; i++) {
    const key = i === 1 ? base : `${base}-${i}`;
    if (!(await db.selectFrom('forms').select('id').where('key', '=', key).executeTakeFirst())) return key;
  }
  return `${base}-${newId().slice(-6)}`;
}

/** Installs a shipped process: its pipeline, custom fields, web form and workflows, with roles mapped to people. */
export async function installTemplate(ctx: Ctx, key: string, input: Install) {
  const tpl = PROCESS_TEMPLATES.find((t) => t.key === key);
  if (!tpl) throw new AppError('not_found', `No process template "${key}"`);
  const errors = [];
  for (const role of tpl.roles) {
    const id = input.roles[role.key];
    if (!id) {
      errors.push({ path: `roles.${role.key}`, message: 'is required' });
      continue;
    }
    const exists =
      role.kind === 'team'
        ? await ctx.db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()
        : await ctx.db.selectFrom('users').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    if (!exists) errors.push({ path: `roles.${role.key}`, message: `unknown ${role.kind}` });
  }
  const settings: Record<string, number> = {};
  for (const [name, spec] of Object.entries(tpl.settings)) {
    const v = input.settings?.[name] ?? spec.default;
    if (!Number.isInteger(v) || v < spec.min || v > spec.max)
      errors.push({ path: `settings.${name}`, message: `whole number from ${spec.min} to ${spec.max}` });
    settings[name] = v;
  }
  for (const name of Object.keys(input.settings ?? {}))
    if (!(name in tpl.settings)) errors.push({ path: `settings.${name}`, message: 'unknown setting' });
  if (errors.length > 0)
    throw new AppError('unprocessable', 'The template cannot be installed with these roles or settings', errors);

  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const pipelineId = await createPipelineFromTemplate(trx, {
      name: tpl.pipeline.name,
      stages: tpl.pipeline.stages,
      isDefault: false,
      templateKey: tpl.key,
      now,
    });
    for (const f of tpl.fields) {
      if (
        await trx.selectFrom('customFields').select('id').where('entity', '=', 'deal').where('key', '=', f.key).executeTakeFirst()
      )
        continue;
      await trx
        .insertInto('customFields')
        .values({
          id: newId(),
          entity: 'deal',
          key: f.key,
          label: f.label,
          type: f.type,
          options: '[]',
          required: 0,
          position: 0,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      await createValueIndex(trx, 'deal', f.key);
    }
    let formKey: string | null = null;
    if (tpl.form) {
      formKey = await uniqueFormKey(trx as unknown as Ctx['db'], tpl.form.key);
      const firstStage = await trx
        .selectFrom('stages')
        .select('id')
        .where('pipelineId', '=', pipelineId)
        .orderBy('position')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('forms')
        .values({
          id: newId(),
          key: formKey,
          name: tpl.form.name,
          pipelineId,
          stageId: firstStage.id,
          ownerRule: JSON.stringify({ type: 'team', teamId: input.roles.sales }),
          // nothing is required field by field: the intake's own rule (an e-mail address or a phone number) applies,
          // so a lead who leaves only a first name and an e-mail address is not turned away
          fields: JSON.stringify([
            { name: 'firstName', label: 'Vorname', type: 'text', required: false },
            { name: 'lastName', label: 'Nachname', type: 'text', required: false },
            { name: 'email', label: 'E-Mail', type: 'email', required: false },
            { name: 'phone', label: 'Telefon', type: 'tel', required: false },
            { name: 'message', label: 'Ihre Anfrage', type: 'textarea', required: false },
          ]),
          allowedOrigins: '[]',
          honeypot: 'website',
          successMessage: 'Vielen Dank! Wir melden uns in Kürze.',
          redirectUrl: null,
          enabled: 1,
          lastAssigneeId: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    // the head is told about expired calls: make them the sales team's head when it has none
    if (input.roles.sales && input.roles.head) {
      await trx
        .updateTable('teams')
        .set({ headId: input.roles.head })
        .where('id', '=', input.roles.sales)
        .where('headId', 'is', null)
        .execute();
    }
    const stages = Object.fromEntries(
      (await trx.selectFrom('stages').select(['key', 'id']).where('pipelineId', '=', pipelineId).execute()).map((s) => [
        s.key,
        s.id,
      ]),
    );
    const workflowIds: string[] = [];
    for (const wf of tpl.workflows(input.roles, settings, { pipelineId, formKey, stages })) {
      workflowIds.push(
        await insertWorkflow(
          trx as unknown as Ctx['db'],
          { name: wf.name, definition: wf.definition, templateKey: tpl.key },
          now,
        ),
      );
    }
    return { pipelineId, formKey, workflowIds };
  });
}

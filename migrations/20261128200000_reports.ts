import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Reports: sales targets, two summary tables kept by triggers, and the indexes that
// keep every report well under a second at 200 000 deals and 1 000 000 activities
// (scripts/bench/reports.ts). SQLite runs without ANALYZE statistics here, so the report queries are
// written for these indexes (and pin them where the planner could pick a worse one); a unary + keeps
// a column out of index choice where a lookup must go by deal.
//
// report_leads: one row per deal (every deal is a lead) with its reporting columns and the moment of
//   its first contact — the first call or e-mail on the deal or its contact, or the first task
//   completed on either, at or after the deal was created — and the seconds until then. Response
//   time and lead sources read it.
// report_stage_events: one row per stage change with the deal's owner, the entered stage's position,
//   whether it was the deal's first entry into that stage and whether the deal later went on to a
//   further stage that is not a lost one. Funnel and time in stage read it.
// Triggers keep both in step inside the writing transaction, whichever module writes.

const never = `'9999'`;

/** The first contact of a deal whose id, contact and creation time are the given SQL expressions. */
function firstContact(id: string, contact: string, created: string): string {
  return `nullif(min(
    coalesce((SELECT min(a.occurred_at) FROM activities a WHERE a.deal_id = ${id} AND a.type IN ('call', 'email') AND a.occurred_at >= ${created}), ${never}),
    coalesce((SELECT min(a.occurred_at) FROM activities a WHERE a.contact_id = ${contact} AND a.type IN ('call', 'email') AND a.occurred_at >= ${created}), ${never}),
    coalesce((SELECT min(t.completed_at) FROM tasks t WHERE t.deal_id = ${id} AND t.status = 'done' AND t.completed_at >= ${created}), ${never}),
    coalesce((SELECT min(t.completed_at) FROM tasks t WHERE t.contact_id = ${contact} AND t.status = 'done' AND t.completed_at >= ${created}), ${never})
  ), ${never})`;
}

const source = (deal: string) =>
  `coalesce(nullif(trim(${deal}.source), ''), (SELECT nullif(trim(c.source), '') FROM contacts c WHERE c.id = ${deal}.contact_id))`;

const responseSeconds = `CAST(round((julianday(new.first_contact_at) - julianday(new.created_at)) * 86400) AS INTEGER)`;

const recompute = firstContact('report_leads.deal_id', 'report_leads.contact_id', 'report_leads.created_at');

/** A new contact moment: leads of that deal or contact created before it and not reached earlier are reached now. */
const reached = (deal: string, contact: string, at: string) => `
  UPDATE report_leads SET first_contact_at = ${at}
  WHERE (deal_id = ${deal} OR contact_id = ${contact}) AND created_at <= ${at}
    AND (first_contact_at IS NULL OR first_contact_at > ${at});`;

const recomputeFor = (row: 'old' | 'new' | 'both') => {
  const deals = row === 'both' ? 'old.deal_id, new.deal_id' : `${row}.deal_id`;
  const contacts = row === 'both' ? 'old.contact_id, new.contact_id' : `${row}.contact_id`;
  return `UPDATE report_leads SET first_contact_at = ${recompute} WHERE deal_id IN (${deals}) OR contact_id IN (${contacts});`;
};

const TRIGGERS: [name: string, definition: string][] = [
  [
    'report_leads_deal_ai',
    `AFTER INSERT ON deals BEGIN
      INSERT INTO report_leads (deal_id, contact_id, owner_id, pipeline_id, status, amount_cents, source, created_at, first_contact_at)
      VALUES (new.id, new.contact_id, new.owner_id, new.pipeline_id, new.status, new.amount_cents, ${source('new')},
        new.created_at, ${firstContact('new.id', 'new.contact_id', 'new.created_at')});
    END`,
  ],
  [
    'report_leads_deal_au',
    `AFTER UPDATE OF contact_id, owner_id, pipeline_id, status, amount_cents, source, created_at ON deals BEGIN
      UPDATE report_leads SET contact_id = new.contact_id, owner_id = new.owner_id, pipeline_id = new.pipeline_id,
        status = new.status, amount_cents = new.amount_cents, source = ${source('new')}, created_at = new.created_at,
        first_contact_at = CASE WHEN old.contact_id IS new.contact_id AND old.created_at = new.created_at THEN first_contact_at
          ELSE ${firstContact('new.id', 'new.contact_id', 'new.created_at')} END
      WHERE deal_id = new.id;
      UPDATE report_stage_events SET owner_id = new.owner_id WHERE deal_id = new.id AND old.owner_id IS NOT new.owner_id;
    END`,
  ],
  [
    'report_leads_contact_au',
    `AFTER UPDATE OF source ON contacts BEGIN
      UPDATE report_leads SET source = coalesce((SELECT nullif(trim(d.source), '') FROM deals d WHERE d.id = report_leads.deal_id),
        nullif(trim(new.source), '')) WHERE contact_id = new.id;
    END`,
  ],
  [
    'report_leads_activity_ai',
    `AFTER INSERT ON activities WHEN new.type IN ('call', 'email') BEGIN ${reached('new.deal_id', 'new.contact_id', 'new.occurred_at')} END`,
  ],
  [
    'report_leads_activity_au',
    `AFTER UPDATE OF type, occurred_at, deal_id, contact_id ON activities
      WHEN old.type IN ('call', 'email') OR new.type IN ('call', 'email') BEGIN ${recomputeFor('both')} END`,
  ],
  ['report_leads_activity_ad', `AFTER DELETE ON activities WHEN old.type IN ('call', 'email') BEGIN ${recomputeFor('old')} END`],
  [
    'report_leads_task_ai',
    `AFTER INSERT ON tasks WHEN new.status = 'done' AND new.completed_at IS NOT NULL BEGIN
      ${reached('new.deal_id', 'new.contact_id', 'new.completed_at')} END`,
  ],
  [
    'report_leads_task_au',
    `AFTER UPDATE OF status, completed_at, deal_id, contact_id ON tasks
      WHEN old.status = 'done' OR new.status = 'done' BEGIN ${recomputeFor('both')} END`,
  ],
  ['report_leads_task_ad', `AFTER DELETE ON tasks WHEN old.status = 'done' BEGIN ${recomputeFor('old')} END`],
  [
    'report_leads_response_ai',
    `AFTER INSERT ON report_leads BEGIN
      UPDATE report_leads SET response_seconds = ${responseSeconds} WHERE deal_id = new.deal_id;
    END`,
  ],
  [
    'report_leads_response_au',
    `AFTER UPDATE OF first_contact_at, created_at ON report_leads BEGIN
      UPDATE report_leads SET response_seconds = ${responseSeconds} WHERE deal_id = new.deal_id;
    END`,
  ],
  [
    'report_stage_events_ai',
    `AFTER INSERT ON deal_stage_history BEGIN
      UPDATE report_stage_events SET advanced = 1
      WHERE deal_id = new.deal_id AND +advanced = 0 AND +pipeline_id = new.pipeline_id AND at <= new.at
        AND position < (SELECT s.position FROM stages s WHERE s.id = new.to_stage_id)
        AND (SELECT s.kind FROM stages s WHERE s.id = new.to_stage_id) <> 'lost';
      INSERT INTO report_stage_events (history_id, deal_id, owner_id, pipeline_id, stage_id, from_stage_id, position, at,
        seconds_in_previous, first_entry, advanced)
      VALUES (new.id, new.deal_id, (SELECT d.owner_id FROM deals d WHERE d.id = new.deal_id), new.pipeline_id, new.to_stage_id,
        new.from_stage_id, coalesce((SELECT s.position FROM stages s WHERE s.id = new.to_stage_id), 0), new.at,
        new.seconds_in_previous,
        NOT EXISTS (SELECT 1 FROM report_stage_events e WHERE e.deal_id = new.deal_id AND +e.stage_id = new.to_stage_id), 0);
    END`,
  ],
];

const INDEXES: [name: string, definition: string][] = [
  ['report_leads_owner', 'report_leads (owner_id, created_at, pipeline_id, response_seconds)'],
  ['report_leads_source', 'report_leads (source, created_at, owner_id, pipeline_id, status, amount_cents)'],
  ['report_leads_contact', 'report_leads (contact_id)'],
  ['report_stage_events_funnel', 'report_stage_events (stage_id, first_entry, at, owner_id, advanced)'],
  ['report_stage_events_stays', 'report_stage_events (from_stage_id, at, owner_id, seconds_in_previous)'],
  ['report_stage_events_deal', 'report_stage_events (deal_id, at)'],
  // won/lost in a period (revenue by month, win rate, lost reasons)
  ['deals_reports_closed', 'deals (status, closed_at, owner_id, pipeline_id, amount_cents, lost_reason)'],
  // won revenue per owner
  ['deals_reports_owner', 'deals (owner_id, status, closed_at, pipeline_id, amount_cents)'],
  // open deals by expected close date (forecast) and by stage (open pipeline, time in stage now)
  ['deals_reports_open', 'deals (status, expected_close_date, owner_id, pipeline_id, stage_id, amount_cents)'],
  ['deals_reports_stage', 'deals (status, pipeline_id, stage_id, owner_id, amount_cents, stage_entered_at)'],
  // activities per author, type and period
  ['activities_reports_user', 'activities (user_id, type, occurred_at)'],
  // tasks done or canceled per assignee and period
  ['tasks_reports_closed', 'tasks (assignee_id, status, completed_at, due_at)'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sales_targets')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`))
    .addColumn('amount_cents', 'integer', (c) => c.notNull().check(sql`amount_cents >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('sales_targets_pk', ['user_id', 'month'])
    .execute();
  await sql`CREATE INDEX sales_targets_month ON sales_targets (month, user_id)`.execute(db);

  await db.schema
    .createTable('report_leads')
    .addColumn('deal_id', 'text', (c) => c.primaryKey().references('deals.id').onDelete('cascade'))
    .addColumn('contact_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('first_contact_at', 'text')
    .addColumn('response_seconds', 'integer')
    .execute();
  await db.schema
    .createTable('report_stage_events')
    .addColumn('history_id', 'text', (c) => c.primaryKey().references('deal_stage_history.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('from_stage_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('seconds_in_previous', 'integer')
    .addColumn('first_entry', 'integer', (c) => c.notNull())
    .addColumn('advanced', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // what is already there
  await sql`INSERT INTO report_leads (deal_id, contact_id, owner_id, pipeline_id, status, amount_cents, source, created_at, first_contact_at)
    SELECT d.id, d.contact_id, d.owner_id, d.pipeline_id, d.status, d.amount_cents, ${sql.raw(source('d'))}, d.created_at,
      ${sql.raw(firstContact('d.id', 'd.contact_id', 'd.created_at'))}
    FROM deals d`.execute(db);
  await sql`UPDATE report_leads SET response_seconds = CAST(round((julianday(first_contact_at) - julianday(created_at)) * 86400) AS INTEGER)
    WHERE first_contact_at IS NOT NULL`.execute(db);
  await sql`INSERT INTO report_stage_events (history_id, deal_id, owner_id, pipeline_id, stage_id, from_stage_id, position, at,
      seconds_in_previous, first_entry, advanced)
    SELECT h.id, h.deal_id, d.owner_id, h.pipeline_id, h.to_stage_id, h.from_stage_id, coalesce(s.position, 0), h.at,
      h.seconds_in_previous,
      NOT EXISTS (SELECT 1 FROM deal_stage_history p WHERE p.deal_id = h.deal_id AND +p.to_stage_id = h.to_stage_id
        AND (p.at < h.at OR (p.at = h.at AND p.rowid < h.rowid))),
      EXISTS (SELECT 1 FROM deal_stage_history n JOIN stages ns ON ns.id = n.to_stage_id
        WHERE n.deal_id = h.deal_id AND (n.at > h.at OR (n.at = h.at AND n.rowid > h.rowid))
          AND +n.pipeline_id = h.pipeline_id AND ns.position > coalesce(s.position, 0) AND ns.kind <> 'lost')
    FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id LEFT JOIN stages s ON s.id = h.to_stage_id`.execute(db);

  for (const [name, definition] of INDEXES) await sql`CREATE INDEX ${sql.raw(name)} ON ${sql.raw(definition)}`.execute(db);
  for (const [name, definition] of TRIGGERS) await sql`CREATE TRIGGER ${sql.raw(name)} ${sql.raw(definition)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...TRIGGERS].reverse()) await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  for (const [name] of [...INDEXES].reverse()) await sql`DROP INDEX IF EXISTS ${sql.raw(name)}`.execute(db);
  await db.schema.dropTable('report_stage_events').ifExists().execute();
  await db.schema.dropTable('report_leads').ifExists().execute();
  await db.schema.dropTable('sales_targets').ifExists().execute();
}

import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Work: task types, tasks and comments, notifications, the durable scheduler's
// job table, the e-mail outbox and calendar feed tokens.

const stamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

const TYPES: [string, string, string, number | null, number | null][] = [
  // key, German, English, reminder minutes before due, SLA minutes (due time when none is given)
  ['call', 'Anruf', 'Call', 5, 15],
  ['meeting', 'Termin', 'Meeting', 60, null],
  ['measurement', 'Aufmaß', 'Measurement', 60, null],
  ['calculation', 'Kalkulation', 'Calculation', 60, 1440],
  ['installation', 'Montage', 'Installation', 1440, null],
  ['todo', 'Aufgabe', 'To-do', 30, null],
];

export async function up(db: Kysely<any>): Promise<void> {
  await stamps(
    db.schema
      .createTable('task_types')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name_de', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('reminder_minutes', 'integer')
      .addColumn('sla_minutes', 'integer')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  const now = new Date().toISOString();
  for (const [position, [key, de, en, reminder, sla]] of TYPES.entries()) {
    await db
      .insertInto('task_types')
      .values({
        key,
        name_de: de,
        name_en: en,
        reminder_minutes: reminder,
        sla_minutes: sla,
        position,
        builtin: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  }

  await stamps(
    db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().references('task_types.key'))
      .addColumn('description', 'text')
      .addColumn('due_at', 'text')
      .addColumn('reminder_minutes', 'integer')
      .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status IN ('open','done','canceled')`))
      .addColumn('completed_at', 'text')
      .addColumn('completed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('completion_note', 'text')
      .addColumn('escalated_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('origin', 'text'),
  ).execute();
  await sql`CREATE INDEX tasks_assignee ON tasks (assignee_id, status, due_at)`.execute(db);
  await sql`CREATE INDEX tasks_contact ON tasks (contact_id, status)`.execute(db);
  await sql`CREATE INDEX tasks_company ON tasks (company_id, status)`.execute(db);
  await sql`CREATE INDEX tasks_deal ON tasks (deal_id, status)`.execute(db);
  await sql`CREATE INDEX tasks_status_due ON tasks (status, due_at)`.execute(db);

  await db.schema
    .createTable('task_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX task_comments_task ON task_comments (task_id, created_at)`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at)`.execute(db);

  // The durable scheduler: one row per due piece of work, unique per slot so a slot fires at most once.
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slot_key', 'text', (c) => c.notNull().unique())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status IN ('pending','done','failed','canceled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await sql`CREATE INDEX scheduled_jobs_due ON scheduled_jobs (status, due_at)`.execute(db);

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending','sent','failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await sql`CREATE INDEX mail_outbox_pending ON mail_outbox (status, next_attempt_at)`.execute(db);

  await db.schema
    .createTable('calendar_tokens')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'calendar_tokens',
    'mail_outbox',
    'scheduled_jobs',
    'notifications',
    'task_comments',
    'tasks',
    'task_types',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

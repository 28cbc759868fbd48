import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Automation: workflows with versions, durable runs and their step log,
// web forms and their submissions, installed process templates.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workflows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('definition_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`CREATE INDEX workflows_trigger ON workflows (trigger_type, enabled)`.execute(db);

  await db.schema
    .createTable('workflow_versions')
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_versions_pk', ['workflow_id', 'version'])
    .execute();

  await db.schema
    .createTable('workflow_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('workflow_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('running','waiting','done','failed','canceled')`))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('deal_id', 'text')
    .addColumn('cursor', 'text', (c) => c.notNull().defaultTo('[0]'))
    .addColumn('vars', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('wait_until', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX workflow_runs_workflow ON workflow_runs (workflow_id, started_at)`.execute(db);
  await sql`CREATE INDEX workflow_runs_entity ON workflow_runs (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX workflow_runs_deal ON workflow_runs (deal_id)`.execute(db);

  await db.schema
    .createTable('workflow_run_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('workflow_runs.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('output', 'text')
    .addColumn('error', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX workflow_run_steps_run ON workflow_run_steps (run_id, at)`.execute(db);

  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.references('pipelines.id').onDelete('set null'))
    .addColumn('stage_id', 'text', (c) => c.references('stages.id').onDelete('set null'))
    .addColumn('owner_rule', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('honeypot', 'text', (c) => c.notNull().defaultTo('website'))
    .addColumn('success_message', 'text')
    .addColumn('redirect_url', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_assignee_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('form_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('origin', 'text')
    .addColumn('ip', 'text')
    .addColumn('spam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX form_submissions_form ON form_submissions (form_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['form_submissions', 'forms', 'workflow_run_steps', 'workflow_runs', 'workflow_versions', 'workflows'])
    await db.schema.dropTable(table).execute();
}

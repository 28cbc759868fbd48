import type { Kysely } from 'kysely';

// Frozen once shipped. Automation triggers: the per-workflow secret that signs webhook calls.
// Schedule and date slots live in scheduled_jobs (unique slot keys), so they need no table of their own.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workflows').addColumn('webhook_secret', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workflows').dropColumn('webhook_secret').execute();
}

import type { Kysely } from 'kysely';

// Frozen once shipped. Notifications the system writes keep the message key and its parameters, so
// their title and body are shown in the reader's language (switching language re-renders old ones).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('message_key', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('message_params', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('message_params').execute();
  await db.schema.alterTable('notifications').dropColumn('message_key').execute();
}

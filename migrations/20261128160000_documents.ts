import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Documents: editable, versioned Handlebars templates; issued documents with their
// immutable data snapshot and PDF; gap-free number sequences per kind and year.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('builtin_key', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('document_template_versions')
    .addColumn('template_id', 'text', (c) => c.notNull().references('document_templates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_template_versions_pk', ['template_id', 'version'])
    .execute();

  await db.schema
    .createTable('number_sequences')
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_sequences_pk', ['series', 'year'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
    .addColumn('template_id', 'text', (c) => c.references('document_templates.id').onDelete('set null'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('net_cents', 'integer', (c) => c.notNull())
    .addColumn('gross_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued').check(sql`status IN ('issued','canceled')`))
    .addColumn('corrects_id', 'text', (c) => c.references('documents.id'))
    .addColumn('sent_at', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`CREATE INDEX documents_deal ON documents (deal_id, created_at)`.execute(db);
  await sql`CREATE INDEX documents_contact ON documents (contact_id, created_at)`.execute(db);
  await sql`CREATE INDEX documents_company ON documents (company_id, created_at)`.execute(db);
  // An issued document is immutable: only its status (canceled), sent_at and bookkeeping may change.
  await sql`CREATE TRIGGER documents_immutable BEFORE UPDATE OF kind, number, data, file, sha256, net_cents, gross_cents, deal_id, template_version ON documents
    BEGIN SELECT RAISE(ABORT, 'issued documents are immutable'); END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS documents_immutable`.execute(db);
  for (const table of ['documents', 'number_sequences', 'document_template_versions', 'document_templates'])
    await db.schema.dropTable(table).execute();
}

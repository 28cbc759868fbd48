import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Customer base: companies, contacts, custom field definitions, activities,
// the change log behind timelines, saved list views, and the full-text search index.

const stamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

export async function up(db: Kysely<any>): Promise<void> {
  await stamps(
    db.schema
      .createTable('companies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('phone_normalized', 'text')
      .addColumn('website', 'text')
      .addColumn('street', 'text')
      .addColumn('zip', 'text')
      .addColumn('city', 'text')
      .addColumn('country', 'text')
      .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('external_id', 'text'),
  ).execute();
  await sql`CREATE INDEX companies_owner ON companies (owner_id)`.execute(db);
  await sql`CREATE INDEX companies_name ON companies (lower(name))`.execute(db);
  await sql`CREATE INDEX companies_phone ON companies (phone_normalized) WHERE phone_normalized IS NOT NULL`.execute(db);
  await sql`CREATE INDEX companies_email ON companies (lower(email)) WHERE email IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX companies_external_id ON companies (external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX companies_created ON companies (created_at, id)`.execute(db);

  await stamps(
    db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('phone_normalized', 'text')
      .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('source', 'text')
      .addColumn('street', 'text')
      .addColumn('zip', 'text')
      .addColumn('city', 'text')
      .addColumn('country', 'text')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('external_id', 'text')
      .addColumn('last_activity_at', 'text'),
  ).execute();
  await sql`CREATE INDEX contacts_owner ON contacts (owner_id)`.execute(db);
  await sql`CREATE INDEX contacts_company ON contacts (company_id)`.execute(db);
  await sql`CREATE INDEX contacts_last_name ON contacts (lower(last_name), lower(first_name))`.execute(db);
  await sql`CREATE INDEX contacts_email ON contacts (lower(email)) WHERE email IS NOT NULL`.execute(db);
  await sql`CREATE INDEX contacts_phone ON contacts (phone_normalized) WHERE phone_normalized IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX contacts_external_id ON contacts (external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX contacts_created ON contacts (created_at, id)`.execute(db);

  await stamps(
    db.schema
      .createTable('custom_fields')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity IN ('contact','company','deal')`))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) =>
        c.notNull().check(sql`type IN ('text','number','money','date','datetime','boolean','select','multiselect')`),
      )
      .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await sql`CREATE UNIQUE INDEX custom_fields_entity_key ON custom_fields (entity, key)`.execute(db);

  await stamps(
    db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type IN ('note','call','email','meeting')`))
      .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('cascade'))
      .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('cascade'))
      // deals arrive in a later migration; the reference is kept by the application
      .addColumn('deal_id', 'text')
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.check(sql`direction IN ('inbound','outbound')`))
      .addColumn('duration_sec', 'integer'),
  ).execute();
  await sql`CREATE INDEX activities_contact ON activities (contact_id, occurred_at)`.execute(db);
  await sql`CREATE INDEX activities_company ON activities (company_id, occurred_at)`.execute(db);
  await sql`CREATE INDEX activities_deal ON activities (deal_id, occurred_at)`.execute(db);
  await sql`CREATE INDEX activities_user ON activities (user_id, occurred_at)`.execute(db);

  await db.schema
    .createTable('record_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX record_changes_entity ON record_changes (entity_type, entity_id, at)`.execute(db);

  await stamps(
    db.schema
      .createTable('saved_views')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX saved_views_user ON saved_views (user_id, entity)`.execute(db);

  // Full-text search: search_docs maps (kind, ref_id) to a stable integer rowid of search_fts.
  // Triggers keep it in step with every write, imports and merges included.
  await sql`CREATE TABLE search_docs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref_id TEXT NOT NULL, UNIQUE (kind, ref_id))`.execute(
    db,
  );
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);

  const docs = {
    contact: {
      title: sql`trim(coalesce(new.first_name, '') || ' ' || coalesce(new.last_name, ''))`,
      body: sql`concat_ws(' ', new.email, new.phone, new.phone_normalized, new.city, new.source, new.external_id)`,
    },
    company: {
      title: sql`new.name`,
      body: sql`concat_ws(' ', new.email, new.phone, new.phone_normalized, new.website, new.city, new.external_id)`,
    },
    activity: { title: sql`''`, body: sql`new.body` },
  } as const;
  const tables = { contact: 'contacts', company: 'companies', activity: 'activities' } as const;
  for (const [kind, doc] of Object.entries(docs)) {
    const table = sql.raw(tables[kind as keyof typeof tables]);
    const k = sql.lit(kind);
    const rowid = sql`(SELECT id FROM search_docs WHERE kind = ${k} AND ref_id = new.id)`;
    const oldRowid = sql`(SELECT id FROM search_docs WHERE kind = ${k} AND ref_id = old.id)`;
    await sql`CREATE TRIGGER ${sql.raw(`${kind}_search_ai`)} AFTER INSERT ON ${table} BEGIN
      INSERT INTO search_docs (kind, ref_id) VALUES (${k}, new.id);
      INSERT INTO search_fts (rowid, title, body) VALUES (${rowid}, ${doc.title}, ${doc.body});
    END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${kind}_search_au`)} AFTER UPDATE ON ${table} BEGIN
      UPDATE search_fts SET title = ${doc.title}, body = ${doc.body} WHERE rowid = ${rowid};
    END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${kind}_search_ad`)} AFTER DELETE ON ${table} BEGIN
      DELETE FROM search_fts WHERE rowid = ${oldRowid};
      DELETE FROM search_docs WHERE kind = ${k} AND ref_id = old.id;
    END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const kind of ['contact', 'company', 'activity']) {
    for (const suffix of ['ai', 'au', 'ad']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${kind}_search_${suffix}`)}`.execute(db);
  }
  await sql`DROP TABLE search_fts`.execute(db);
  await sql`DROP TABLE search_docs`.execute(db);
  for (const table of ['saved_views', 'record_changes', 'activities', 'custom_fields', 'contacts', 'companies']) {
    await db.schema.dropTable(table).execute();
  }
}

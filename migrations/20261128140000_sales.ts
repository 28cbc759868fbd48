import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Sales: pipelines with stages, deals with stage history, products, line items, payments.

const stamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

export async function up(db: Kysely<any>): Promise<void> {
  await stamps(
    db.schema
      .createTable('pipelines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('template_key', 'text'),
  ).execute();

  await stamps(
    db.schema
      .createTable('stages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
      .addColumn('key', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('probability', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('open','won','lost')`))
      .addColumn('time_limit_days', 'integer')
      .addColumn('required_fields', 'text', (c) => c.notNull().defaultTo('[]')),
  ).execute();
  await sql`CREATE INDEX stages_pipeline ON stages (pipeline_id, position)`.execute(db);

  await stamps(
    db.schema
      .createTable('lost_reasons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await stamps(
    db.schema
      .createTable('deals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
      .addColumn('stage_id', 'text', (c) => c.notNull().references('stages.id'))
      .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('amount_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
      .addColumn('tax_rate', 'real', (c) => c.notNull().defaultTo(19))
      .addColumn('tax_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('gross_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('has_line_items', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('paid_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('paid_at', 'text')
      .addColumn('expected_close_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status IN ('open','won','lost')`))
      .addColumn('lost_reason', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('stage_entered_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('external_id', 'text'),
  ).execute();
  await sql`CREATE INDEX deals_pipeline_stage ON deals (pipeline_id, stage_id, updated_at)`.execute(db);
  await sql`CREATE INDEX deals_owner ON deals (owner_id, status)`.execute(db);
  await sql`CREATE INDEX deals_contact ON deals (contact_id)`.execute(db);
  await sql`CREATE INDEX deals_company ON deals (company_id)`.execute(db);
  await sql`CREATE INDEX deals_status_closed ON deals (status, closed_at)`.execute(db);
  await sql`CREATE INDEX deals_expected_close ON deals (expected_close_date)`.execute(db);
  await sql`CREATE INDEX deals_created ON deals (created_at, id)`.execute(db);
  await sql`CREATE UNIQUE INDEX deals_external_id ON deals (external_id) WHERE external_id IS NOT NULL`.execute(db);

  await db.schema
    .createTable('deal_stage_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('from_stage_id', 'text')
    .addColumn('to_stage_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('seconds_in_previous', 'integer')
    .execute();
  await sql`CREATE INDEX deal_stage_history_deal ON deal_stage_history (deal_id, at)`.execute(db);
  await sql`CREATE INDEX deal_stage_history_to ON deal_stage_history (to_stage_id, at)`.execute(db);

  await stamps(
    db.schema
      .createTable('products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sku', 'text')
      .addColumn('unit', 'text', (c) => c.notNull().defaultTo('Stk.'))
      .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
      .addColumn('tax_rate', 'real', (c) => c.notNull().defaultTo(19))
      .addColumn('description', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await sql`CREATE UNIQUE INDEX products_sku ON products (sku) WHERE sku IS NOT NULL`.execute(db);

  await stamps(
    db.schema
      .createTable('line_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null'))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity', 'real', (c) => c.notNull())
      .addColumn('unit', 'text')
      .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
      .addColumn('discount_percent', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('tax_rate', 'real', (c) => c.notNull())
      .addColumn('net_cents', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await sql`CREATE INDEX line_items_deal ON line_items (deal_id, position)`.execute(db);

  await stamps(
    db.schema
      .createTable('payments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addColumn('paid_at', 'text', (c) => c.notNull())
      .addColumn('method', 'text')
      .addColumn('note', 'text')
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null')),
  ).execute();
  await sql`CREATE INDEX payments_deal ON payments (deal_id, paid_at)`.execute(db);

  // deals join the full-text index like contacts and companies
  const rowid = sql`(SELECT id FROM search_docs WHERE kind = 'deal' AND ref_id = new.id)`;
  await sql`CREATE TRIGGER deal_search_ai AFTER INSERT ON deals BEGIN
    INSERT INTO search_docs (kind, ref_id) VALUES ('deal', new.id);
    INSERT INTO search_fts (rowid, title, body) VALUES (${rowid}, new.title, concat_ws(' ', new.source, new.external_id));
  END`.execute(db);
  await sql`CREATE TRIGGER deal_search_au AFTER UPDATE OF title, source, external_id ON deals BEGIN
    UPDATE search_fts SET title = new.title, body = concat_ws(' ', new.source, new.external_id) WHERE rowid = ${rowid};
  END`.execute(db);
  await sql`CREATE TRIGGER deal_search_ad AFTER DELETE ON deals BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'deal' AND ref_id = old.id);
    DELETE FROM search_docs WHERE kind = 'deal' AND ref_id = old.id;
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['deal_search_ai', 'deal_search_au', 'deal_search_ad'])
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(t)}`.execute(db);
  await sql`DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'deal')`.execute(db);
  await sql`DELETE FROM search_docs WHERE kind = 'deal'`.execute(db);
  for (const table of [
    'payments',
    'line_items',
    'products',
    'deal_stage_history',
    'deals',
    'lost_reasons',
    'stages',
    'pipelines',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

import type SQLite from 'better-sqlite3';
import * as reportsMigration from '../../migrations/20261128200000_reports.ts';
import type { Database } from '../../server/db/connection.ts';

// The data set of the reports benchmark, written straight into SQLite with prepared statements in large
// transactions. Deterministic: a seeded random generator, three years of history up to `now`.
// For speed the tables' indexes and triggers are dropped while rows go in and built again afterwards
// (the same definitions, read from sqlite_master); the reports migration is then run down and up again,
// which builds its summary tables from the data the way it does on an existing installation. The
// full-text search triggers are left out for these rows: reports never read the search index.

const DAY = 86_400_000;
const SOURCES = ['website', 'website', 'empfehlung', 'messe', 'telefon', 'google-ads', null];
const TYPES = ['call', 'call', 'call', 'email', 'email', 'email', 'meeting', 'note', 'note', 'note'] as const;
const LOST = ['Zu teuer', 'Kein Bedarf mehr', 'Wettbewerber gewählt', 'Nicht erreichbar', 'Sonstiges'];

export interface DataSize {
  deals: number;
  activities: number;
  contacts: number;
  tasks: number;
}

export interface Stage {
  id: string;
  kind: 'open' | 'won' | 'lost';
}

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

interface Deal {
  id: string;
  contactId: string;
  ownerId: string;
  created: number;
}

function batched(db: SQLite.Database, total: number, write: (i: number) => void): void {
  const chunk = 50_000;
  for (let start = 0; start < total; start += chunk) {
    db.transaction(() => {
      for (let i = start; i < Math.min(total, start + chunk); i++) write(i);
    })();
  }
}

const TABLES = ['contacts', 'deals', 'deal_stage_history', 'activities', 'tasks'];

/** Runs `load` without the tables' indexes and triggers, recreates them, and rebuilds the report summaries. */
async function bulkLoad<T>(database: Database, load: () => T): Promise<T> {
  const db = database.sqlite;
  const list = TABLES.map((t) => `'${t}'`).join(', ');
  const saved = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (${list}) AND sql IS NOT NULL AND type IN ('index', 'trigger')`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const s of saved) db.exec(`DROP ${s.type.toUpperCase()} ${s.name}`);
  db.pragma('foreign_keys = OFF');
  let result: T;
  try {
    result = load();
  } finally {
    db.pragma('foreign_keys = ON');
    for (const s of saved) if (!s.name.includes('report')) db.exec(s.sql);
  }
  await database.db
    .withoutPlugins()
    .transaction()
    .execute(async (trx) => {
      await reportsMigration.down(trx);
      await reportsMigration.up(trx);
    });
  return result;
}

/** Writes contacts, deals with their stage history, activities and tasks; answers the row counts. */
export function seedReportData(database: Database, opts: SeedOptions): Promise<Record<string, number>> {
  return bulkLoad(database, () => seedRows(database.sqlite, opts));
}

interface SeedOptions {
  size: DataSize;
  owners: string[];
  pipelineId: string;
  stages: Stage[];
  now: number;
}

function seedRows(db: SQLite.Database, opts: SeedOptions): Record<string, number> {
  const rnd = random(42);
  const { size, owners, now } = opts;
  const span = 3 * 365 * DAY;
  const open = opts.stages.filter((s) => s.kind === 'open');
  const won = opts.stages.find((s) => s.kind === 'won') as Stage;
  const lost = opts.stages.find((s) => s.kind === 'lost') as Stage;

  const contactIds: string[] = [];
  const insertContact = db.prepare(
    `INSERT INTO contacts (id, first_name, last_name, owner_id, source, tags, custom_fields, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, '[]', '{}', ?, ?, 1)`,
  );
  batched(db, size.contacts, (i) => {
    const id = `bc${i.toString(36).padStart(8, '0')}`;
    const at = iso(now - span - 30 * DAY + Math.floor(rnd() * span));
    insertContact.run(id, 'Kontakt', `Nr. ${i}`, pick(rnd, owners), pick(rnd, SOURCES), at, at);
    contactIds.push(id);
  });

  const deals: Deal[] = [];
  let historyRows = 0;
  const insertDeal = db.prepare(
    `INSERT INTO deals (id, title, pipeline_id, stage_id, contact_id, owner_id, amount_cents, currency, tax_rate, tax_cents,
       gross_cents, expected_close_date, status, lost_reason, closed_at, stage_entered_at, source, tags, custom_fields,
       created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', 19, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '{}', ?, ?, 1)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO deal_stage_history (id, deal_id, pipeline_id, from_stage_id, to_stage_id, user_id, at, seconds_in_previous)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  batched(db, size.deals, (i) => {
    const id = `bd${i.toString(36).padStart(8, '0')}`;
    const ownerId = pick(rnd, owners);
    const created = now - Math.floor(rnd() * span);
    const moves: { to: Stage; at: number }[] = [{ to: open[0] as Stage, at: created }];
    let pos = 0;
    let t = created;
    let status: Stage['kind'] = 'open';
    for (let step = 0; step < 12; step++) {
      const next = t + Math.floor((0.05 + rnd() * rnd() * 12) * DAY);
      if (next > now) break;
      const r = rnd();
      if (r < 0.14) {
        moves.push({ to: lost, at: next });
        status = 'lost';
        break;
      }
      if (r < 0.2 && pos > 0) pos -= 1;
      else if (r < 0.27) break;
      else if (pos === open.length - 1) {
        moves.push({ to: won, at: next });
        status = 'won';
        const reopen = next + Math.floor(rnd() * 20 * DAY);
        if (rnd() < 0.04 && reopen < now) {
          moves.push({ to: open[pos] as Stage, at: reopen });
          status = 'open';
        }
        break;
      } else pos += 1;
      moves.push({ to: open[pos] as Stage, at: next });
      t = next;
    }
    const last = moves.at(-1) as { to: Stage; at: number };
    const amount = 100_000 + Math.floor(rnd() * 4_900_000);
    const tax = Math.round(amount * 0.19);
    const closed = status === 'open' ? null : iso(last.at);
    insertDeal.run(
      id,
      `Deal ${i}`,
      opts.pipelineId,
      last.to.id,
      contactIds[(i * 7) % contactIds.length],
      ownerId,
      amount,
      tax,
      amount + tax,
      status === 'open' ? iso(created + (20 + Math.floor(rnd() * 120)) * DAY).slice(0, 10) : null,
      status,
      status === 'lost' ? pick(rnd, LOST) : null,
      closed,
      iso(last.at),
      pick(rnd, SOURCES),
      iso(created),
      iso(last.at),
    );
    moves.forEach((m, k) => {
      const prev = k > 0 ? (moves[k - 1] as { to: Stage; at: number }) : null;
      insertHistory.run(
        `${id}h${k}`,
        id,
        opts.pipelineId,
        prev?.to.id ?? null,
        m.to.id,
        ownerId,
        iso(m.at),
        prev ? Math.round((m.at - prev.at) / 1000) : null,
      );
      historyRows++;
    });
    deals.push({ id, contactId: contactIds[(i * 7) % contactIds.length] as string, ownerId, created });
  });

  const insertActivity = db.prepare(
    `INSERT INTO activities (id, type, contact_id, deal_id, user_id, body, occurred_at, direction, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, 1)`,
  );
  batched(db, size.activities, (i) => {
    const deal = deals[Math.floor(rnd() * deals.length)] as Deal;
    // most first contacts come within hours, some after days, a few never
    const at = iso(Math.min(now, deal.created + Math.floor(rnd() ** 3 * 30 * DAY)));
    const type = pick(rnd, TYPES);
    const onDeal = rnd() < 0.7;
    insertActivity.run(
      `ba${i.toString(36).padStart(8, '0')}`,
      type,
      deal.contactId,
      onDeal ? deal.id : null,
      deal.ownerId,
      at,
      type === 'call' || type === 'email' ? 'outbound' : null,
      at,
      at,
    );
  });

  const insertTask = db.prepare(
    `INSERT INTO tasks (id, title, type, due_at, assignee_id, contact_id, deal_id, status, completed_at, created_by, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  batched(db, size.tasks, (i) => {
    const deal = deals[Math.floor(rnd() * deals.length)] as Deal;
    const due = deal.created + Math.floor((0.1 + rnd() * 10) * DAY);
    const r = rnd();
    const status = due < now && r < 0.85 ? (r < 0.8 ? 'done' : 'canceled') : 'open';
    const completed = status === 'open' ? null : iso(Math.min(now, due + Math.floor((rnd() - 0.7) * 2 * DAY)));
    insertTask.run(
      `bt${i.toString(36).padStart(8, '0')}`,
      `Aufgabe ${i}`,
      rnd() < 0.5 ? 'call' : 'todo',
      iso(due),
      deal.ownerId,
      deal.contactId,
      deal.id,
      status,
      completed,
      deal.ownerId,
      iso(deal.created),
      completed ?? iso(deal.created),
    );
  });

  return {
    contacts: size.contacts,
    deals: size.deals,
    'stage changes': historyRows,
    activities: size.activities,
    tasks: size.tasks,
  };
}

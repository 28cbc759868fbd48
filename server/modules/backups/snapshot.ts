import SQLite from 'better-sqlite3';

/** Pages per backup step: small enough for a fluid progress line and a responsive server, big enough to be fast. */
const STEP_PAGES = 1024;

export interface DatabaseFacts {
  pageSize: number;
  pageCount: number;
  counts: Record<string, number>;
  migrations: string[];
}

/**
 * Copies a live database with SQLite's online backup API into `dest` (a new file).
 * A read transaction held on the source for the whole copy pins one snapshot: writers go on
 * (WAL), the copy never restarts and never mixes before and after. The copy is then checked
 * with `PRAGMA integrity_check` and turned into a self-contained file (rollback journal, no -wal).
 */
export async function snapshotDatabase(
  source: string,
  dest: string,
  onProgress?: (copiedPages: number, totalPages: number) => void,
): Promise<DatabaseFacts> {
  const src = new SQLite(source, { fileMustExist: true, timeout: 15_000 });
  try {
    src.exec('BEGIN');
    src.prepare('SELECT count(*) FROM sqlite_schema').get();
    const result = await src.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return STEP_PAGES;
      },
    });
    onProgress?.(result.totalPages, result.totalPages);
    src.exec('COMMIT');
  } finally {
    src.close();
  }
  const copy = new SQLite(dest, { fileMustExist: true });
  try {
    assertIntegrity(copy, 'the copied database');
    copy.pragma('journal_mode = DELETE');
    return factsOf(copy);
  } finally {
    copy.close();
  }
}

/** Throws unless `PRAGMA integrity_check` answers exactly "ok". */
export function assertIntegrity(db: SQLite.Database, what: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new Error(`${what} failed PRAGMA integrity_check: ${messages.slice(0, 5).join('; ')}`);
  }
}

/** Opens a database file read-only, checks its integrity and returns its facts. */
export function checkDatabaseFile(file: string): DatabaseFacts {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    assertIntegrity(db, 'the database');
    return factsOf(db);
  } finally {
    db.close();
  }
}

function factsOf(db: SQLite.Database): DatabaseFacts {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = db
      .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  const migrations = tables.includes('kontor_migrations')
    ? (db.prepare('SELECT name FROM kontor_migrations ORDER BY name').pluck().all() as string[])
    : [];
  return {
    pageSize: db.pragma('page_size', { simple: true }) as number,
    pageCount: db.pragma('page_count', { simple: true }) as number,
    counts,
    migrations,
  };
}

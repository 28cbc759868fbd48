import { type Expression, type SqlBool, sql } from 'kysely';
import { looksLikePhone, normalizePhone } from '../../core/phone.ts';

/**
 * Turns what a user typed into an FTS5 query: every word must match as a prefix
 * ("anna sch" finds "Anna Schmidt"); a phone number in any notation is matched by its
 * normalised digits. Words are quoted, so FTS5 operators in the input are plain text.
 */
export function ftsQuery(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (looksLikePhone(trimmed)) {
    const phone = normalizePhone(trimmed);
    if (phone) return `"${phone}"*`;
  }
  const words = trimmed
    .normalize('NFKC')
    .split(/[\s@.,;:!?()[\]{}<>"'`/\\|+=*^~&%$#-]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** `idColumn IN (records of this kind whose search document matches)`; false for an empty query. */
export function matchesSearch(kind: string, idColumn: string, text: string): Expression<SqlBool> {
  const match = ftsQuery(text);
  if (!match) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(idColumn)} IN (SELECT d.ref_id FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE d.kind = ${kind} AND search_fts MATCH ${match})`;
}

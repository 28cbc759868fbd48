import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Actor } from '../../core/actor.ts';
import type { CustomFieldRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { validateCustomValues } from '../custom-fields/custom-fields.values.ts';
import type { ChangeEntry } from '../timeline/changes.repository.ts';
import type { Cell } from './cell-values.ts';
import type { Db } from './import-records.repository.ts';
import type { ImportEntity, ResolvedMapping } from './mapping.ts';
import { OwnerRules } from './owners.ts';
import { describeErrors, type RowValues } from './row-input.ts';

/** What a running import needs to process rows: who runs it, how, and the definitions it validates against. */
export interface ImportJob {
  id: string;
  fileName: string;
  actor: Actor;
  entity: ImportEntity;
  mode: 'create' | 'upsert';
  dryRun: boolean;
  mapping: ResolvedMapping;
  defs: Record<ImportEntity, CustomFieldRow[]>;
}

export interface RowError {
  row: number;
  message: string;
  values: Cell[];
}

export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  errors: RowError[];
  changes: ChangeEntry[];
}

export const emptyResult = (): ChunkResult => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  companiesCreated: 0,
  errors: [],
  changes: [],
});

/** What an import remembers from chunk to chunk. */
export class ImportState {
  readonly owners: OwnerRules;
  /** Keys (email:…, phone:…, ext:…, name:…) of rows already taken, with their row number. */
  readonly seen = new Map<string, number>();
  /** Companies contact rows may link to: id by lower-case name (existing or created by this import)… */
  readonly companiesByName = new Map<string, string>();
  /** …and whether a company id given by a row is one the importer may see. */
  readonly companyVisible = new Map<string, boolean>();

  constructor(readonly job: ImportJob) {
    this.owners = new OwnerRules(job.actor);
  }
}

/** A row that cannot be imported; the message says why, in the words of the file's columns. */
export class RowProblem extends Error {}

export interface ChunkRow {
  row: number;
  cells: Cell[];
  values: RowValues;
}

/** Validates and writes one chunk of rows inside the caller's transaction (writes nothing on a dry run). */
export type Processor = (db: Db, rows: ChunkRow[], now: string) => Promise<ChunkResult>;

const NOISE = new Set(['anyOf', 'type', 'const']);

function friendly(e: { keyword: string; message: string }): string {
  if (e.keyword === 'format') return 'is not a valid e-mail address';
  if (e.keyword === 'maxLength') return `is too long (${e.message})`;
  return e.message;
}

/** The API's own schema check for one row's input; a problem names the file's columns. */
export function schemaChecker<T extends TSchema>(schema: T, mapping: ResolvedMapping) {
  const validator = Compile(schema);
  return (input: Static<T>): void => {
    if (validator.Check(input)) return;
    const chosen = new Map<string, { keyword: string; message: string }>();
    for (const e of validator.Errors(input)) {
      const path =
        e.instancePath
          .split('/')
          .filter((p) => p !== '' && !/^\d+$/.test(p))
          .join('.') || 'row';
      const current = chosen.get(path);
      if (!current || (NOISE.has(current.keyword) && !NOISE.has(e.keyword))) {
        chosen.set(path, { keyword: e.keyword, message: friendly(e) });
      }
    }
    const errors = [...chosen].map(([path, c]) => ({ path, message: c.message }));
    throw new RowProblem(describeErrors(errors, mapping));
  };
}

/** validateCustomValues with its problems named after the file's columns. */
export function checkCustom(
  defs: CustomFieldRow[],
  mapping: ResolvedMapping,
  input: Record<string, unknown>,
  existing?: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return validateCustomValues(defs, input, existing);
  } catch (err) {
    if (err instanceof AppError) throw new RowProblem(describeErrors(err.errors, mapping));
    throw err;
  }
}

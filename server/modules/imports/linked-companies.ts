import { newId } from '../../core/ids.ts';
import type { CompanyRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { validateCustomValues } from '../custom-fields/custom-fields.values.ts';
import { type ImportState, RowProblem } from './import-job.ts';
import { type Db, visibleCompaniesByNames, visibleCompanyIds } from './import-records.repository.ts';
import type { RowValues } from './row-input.ts';

const key = (name: string) => name.trim().toLowerCase();

/** Loads the companies a chunk of contact rows links to, by id or by name. */
export async function prepareCompanyLinks(db: Db, state: ImportState, rows: RowValues[]): Promise<void> {
  const { actor } = state.job;
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.text.company && !state.companiesByName.has(key(r.text.company))) names.add(key(r.text.company));
    if (r.text.companyId && !state.companyVisible.has(r.text.companyId)) ids.add(r.text.companyId);
  }
  for (const c of await visibleCompaniesByNames(db, actor, [...names])) {
    if (!state.companiesByName.has(key(c.name))) state.companiesByName.set(key(c.name), c.id);
  }
  const visible = new Set(await visibleCompanyIds(db, actor, [...ids]));
  for (const id of ids) state.companyVisible.set(id, visible.has(id));
}

/**
 * The company a contact row links to: a visible company by id, or by name — created (owned by the
 * contact's owner) when no visible company has that name. Undefined: the row names no company.
 */
export function linkCompany(
  state: ImportState,
  r: RowValues,
  ownerId: string,
  now: string,
): { companyId: string | undefined; created: CompanyRow | null } {
  const { mapping, defs } = state.job;
  if (r.text.companyId) {
    if (!state.companyVisible.get(r.text.companyId)) {
      throw new RowProblem(`${mapping.fields.get('companyId')?.header}: the company does not exist`);
    }
    return { companyId: r.text.companyId, created: null };
  }
  const name = r.text.company?.trim();
  if (!name) return { companyId: undefined, created: null };
  const known = state.companiesByName.get(key(name));
  if (known) return { companyId: known, created: null };
  const header = mapping.fields.get('company')?.header;
  if (name.length > 200) throw new RowProblem(`${header}: the company name is longer than 200 characters`);
  try {
    validateCustomValues(defs.company, {});
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new RowProblem(`${header}: there is no company "${name}", and a new one cannot be created here (${err.message})`);
  }
  const row: CompanyRow = {
    id: newId(),
    name,
    email: null,
    phone: null,
    phoneNormalized: null,
    website: null,
    street: null,
    zip: null,
    city: null,
    country: null,
    ownerId,
    tags: '[]',
    customFields: '{}',
    externalId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  state.companiesByName.set(key(name), row.id);
  return { companyId: row.id, created: row };
}

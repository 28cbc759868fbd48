import { newId } from '../../core/ids.ts';
import { normalizePhone } from '../../core/phone.ts';
import { addressColumns, cleanTags, parseCustom, parseTags } from '../../core/record-fields.ts';
import type { CompanyRow } from '../../db/schema.ts';
import { updateCompany } from '../companies/companies.repository.ts';
import { type CreateCompany, CreateCompanySchema } from '../companies/companies.schemas.ts';
import { presentCompany } from '../companies/companies.service.ts';
import { diffRecords } from '../timeline/changes.repository.ts';
import { checkCustom, emptyResult, type ImportState, type Processor, RowProblem, schemaChecker } from './import-job.ts';
import {
  companiesByExternalIds,
  insertChanges,
  insertCompanies,
  visibleCompaniesByEmailsOrPhones,
  visibleCompaniesByNames,
} from './import-records.repository.ts';
import {
  createdEntry,
  groupBy,
  inputAddress,
  keysOf,
  rejectSeen,
  rememberKeys,
  runRows,
  uniq,
  updatedEntry,
} from './record-import.ts';
import type { RowValues } from './row-input.ts';

const TRACKED = ['name', 'email', 'phone', 'website', 'address', 'ownerId', 'tags', 'customFields'];
const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

function companyInput(v: RowValues, fallbackName: string): CreateCompany {
  const t = v.text;
  const input: CreateCompany = { name: t.name ?? fallbackName };
  for (const f of ['email', 'phone', 'website', 'externalId'] as const) if (t[f]) input[f] = t[f];
  const address = inputAddress(v);
  if (address) input.address = address;
  if (v.tags) input.tags = v.tags;
  return input;
}

/** Imports a chunk of company rows: validated like POST/PATCH /companies, written in few statements. */
export function companyProcessor(state: ImportState): Processor {
  const { actor, mode, dryRun, mapping, defs, fileName } = state.job;
  const check = schemaChecker(CreateCompanySchema, mapping);
  const header = (f: Parameters<typeof mapping.fields.get>[0]) => mapping.fields.get(f)?.header ?? f;

  return async (db, items, now) => {
    const result = emptyResult();
    const values = items.map((i) => i.values);
    await state.owners.prepare(db, values);
    const byName = groupBy(await visibleCompaniesByNames(db, actor, uniq(values.map((v) => lower(v.text.name)))), (c) =>
      lower(c.name),
    );
    const similar =
      mode === 'create'
        ? await visibleCompaniesByEmailsOrPhones(
            db,
            actor,
            uniq(values.map((v) => v.text.email)),
            uniq(values.map((v) => normalizePhone(v.text.phone))),
          )
        : [];
    const byExt = new Map(
      (await companiesByExternalIds(db, actor, uniq(values.map((v) => v.text.externalId)))).map((c) => [c.externalId, c]),
    );
    if (mode === 'upsert') {
      const matched = [...byExt.values(), ...[...byName.values()].flat()];
      await state.owners.prepareReassign(
        db,
        matched.map((c) => c.ownerId),
      );
    }
    const inserts: CompanyRow[] = [];
    const pending = new Map<string, CompanyRow>();
    const current = new Map<string, CompanyRow>();
    const updates: { id: string; changes: Partial<CompanyRow> }[] = [];

    type Target = { kind: 'pending' | 'existing'; row: CompanyRow } | { kind: 'earlier' };
    const target = (v: RowValues): Target | null => {
      const keys = keysOf(v);
      const k = v.text.externalId ? keys.ext : keys.name;
      if (!k) return null;
      const inChunk = pending.get(k);
      if (inChunk) return { kind: 'pending', row: inChunk };
      let found: CompanyRow | undefined;
      if (v.text.externalId) {
        const hit = byExt.get(v.text.externalId);
        if (hit && !hit.visible) throw new RowProblem(`${header('externalId')}: belongs to a company you cannot see`);
        found = hit;
      } else {
        const hits = byName.get(lower(v.text.name)) ?? [];
        if (hits.length > 1) {
          throw new RowProblem(`${header('name')}: ${hits.length} companies have this name; map externalId to tell them apart`);
        }
        found = hits[0];
      }
      if (found) return { kind: 'existing', row: current.get(found.id) ?? found };
      return dryRun && state.seen.has(k) ? { kind: 'earlier' } : null;
    };

    const update = (found: Target & { row: CompanyRow }, v: RowValues, ownerId: string | undefined) => {
      const { row } = found;
      const t = v.text;
      const changes: Partial<CompanyRow> = { ...addressColumns(inputAddress(v)) };
      // a name that differs only in case is the same company, not a rename
      if (t.name && lower(t.name) !== lower(row.name)) changes.name = t.name;
      for (const f of ['email', 'phone', 'website'] as const) if (t[f]) changes[f] = t[f];
      if (t.phone) changes.phoneNormalized = normalizePhone(t.phone);
      if (v.tags) changes.tags = JSON.stringify(cleanTags([...parseTags(row.tags), ...v.tags]));
      if (ownerId && ownerId !== row.ownerId) {
        const refused = found.kind === 'existing' ? state.owners.reassignProblem(row.ownerId) : null;
        if (refused) throw new RowProblem(`${header(t.ownerEmail ? 'ownerEmail' : 'ownerId')}: ${refused}`);
        changes.ownerId = ownerId;
      }
      if (Object.keys(v.customFields).length > 0) {
        changes.customFields = JSON.stringify(checkCustom(defs.company, mapping, v.customFields, parseCustom(row.customFields)));
      }
      const diff = diffRecords(presentCompany(row), presentCompany({ ...row, ...changes }), TRACKED);
      if (diff.length === 0) return void result.unchanged++;
      result.updated++;
      if (found.kind === 'pending') return void Object.assign(row, changes);
      current.set(row.id, { ...row, ...changes });
      updates.push({ id: row.id, changes });
      result.changes.push(updatedEntry('company', row.id, actor, diff, now));
    };

    const create = (v: RowValues, ownerId: string, rowNumber: number) => {
      const t = v.text;
      if (!t.name) throw new RowProblem(`${header('name')}: a company needs a name`);
      const keys = keysOf(v);
      if (mode === 'create') {
        rejectSeen(state, keys);
        const phone = keys.phoneNormalized;
        const same =
          byName.get(lower(t.name))?.[0] ??
          similar.find((c) => (t.email && lower(c.email) === t.email) || (phone && c.phoneNormalized === phone));
        if (same) {
          const why =
            lower(same.name) === lower(t.name)
              ? 'same name'
              : t.email && lower(same.email) === t.email
                ? 'same e-mail'
                : 'same phone';
          throw new RowProblem(`likely duplicate of "${same.name}" (${why}; id ${same.id})`);
        }
      }
      if (t.externalId && (byExt.has(t.externalId) || (keys.ext && state.seen.has(keys.ext)))) {
        throw new RowProblem(`${header('externalId')}: "${t.externalId}" is already used by another company`);
      }
      const customFields = checkCustom(defs.company, mapping, v.customFields);
      const row: CompanyRow = {
        id: newId(),
        name: t.name,
        email: t.email ?? null,
        phone: t.phone ?? null,
        phoneNormalized: normalizePhone(t.phone),
        website: t.website ?? null,
        street: null,
        zip: null,
        city: null,
        country: null,
        ...addressColumns(inputAddress(v)),
        ownerId,
        tags: JSON.stringify(cleanTags(v.tags ?? [])),
        customFields: JSON.stringify(customFields),
        externalId: t.externalId ?? null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      inserts.push(row);
      result.created++;
      rememberKeys(state, keys, rowNumber);
      for (const k of [keys.name, keys.ext]) if (k) pending.set(k, row);
      result.changes.push(createdEntry('company', row.id, actor, fileName, now));
    };

    runRows(items, result, (item) => {
      const v = item.values;
      const owner = state.owners.ownerOf(v);
      if ('error' in owner) throw new RowProblem(`${header(v.text.ownerEmail ? 'ownerEmail' : 'ownerId')}: ${owner.error}`);
      const found = mode === 'upsert' ? target(v) : null;
      if (!found && !v.text.name) throw new RowProblem(`${header('name')}: a company needs a name`);
      check(companyInput(v, found && found.kind !== 'earlier' ? found.row.name : ''));
      if (found?.kind === 'earlier') {
        checkCustom(defs.company, mapping, v.customFields, {});
        result.updated++;
      } else if (found) update(found, v, owner.ownerId);
      else create(v, owner.ownerId ?? actor.userId, item.row);
    });

    if (!dryRun) {
      await insertCompanies(db, inserts);
      for (const u of updates) await updateCompany(db, u.id, u.changes, now);
      await insertChanges(db, result.changes);
    }
    return result;
  };
}

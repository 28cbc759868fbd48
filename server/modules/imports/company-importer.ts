import { newId } from '../../core/ids.ts';
import { normalizePhone } from '../../core/phone.ts';
import { addressColumns, cleanTags } from '../../core/record-fields.ts';
import type { CompanyRow } from '../../db/schema.ts';
import { updateCompany } from '../companies/companies.repository.ts';
import { type CreateCompany, CreateCompanySchema } from '../companies/companies.schemas.ts';
import { presentCompany } from '../companies/companies.service.ts';
import { diffRecords } from '../timeline/changes.repository.ts';
import { type ImportState, type Processor, RowProblem, schemaChecker } from './import-job.ts';
import {
  companiesByExternalIds,
  insertCompanies,
  visibleCompaniesByEmailsOrPhones,
  visibleCompaniesByNames,
} from './import-records.repository.ts';
import { type Found, RecordChunk } from './record-chunk.ts';
import { groupBy, inputAddress, keysOf, rejectSeen, runRows, uniq } from './record-import.ts';
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
  const { actor, mode, mapping } = state.job;
  const check = schemaChecker(CreateCompanySchema, mapping);

  return async (db, items, now) => {
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
    const chunk = new RecordChunk<CompanyRow, CompanyRow>(state, 'company', now, byExt, {
      field: 'name',
      label: 'name',
      key: (keys) => keys.name,
      matches: (v) => byName.get(lower(v.text.name)) ?? [],
    });
    await chunk.prepareReassign(db, [...byName.values()].flat());

    const update = (found: Found<CompanyRow, CompanyRow>, v: RowValues, ownerId: string | undefined) => {
      const { row } = found;
      const t = v.text;
      const changes = chunk.changesFor(found, v, ownerId, ['email', 'phone', 'website']);
      // a name that differs only in case is the same company, not a rename
      if (t.name && lower(t.name) !== lower(row.name)) changes.name = t.name;
      chunk.saveUpdate(found, changes, diffRecords(presentCompany(row), presentCompany({ ...row, ...changes }), TRACKED));
    };

    const create = (v: RowValues, ownerId: string, rowNumber: number) => {
      const t = v.text;
      if (!t.name) throw new RowProblem(`${chunk.header('name')}: a company needs a name`);
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
      chunk.assertExternalIdFree(v, keys);
      const customFields = chunk.customFields(v);
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
      chunk.saveNew(row, keys, rowNumber);
    };

    runRows(items, chunk.result, (item) => {
      const v = item.values;
      const ownerId = chunk.ownerOf(v);
      const found = mode === 'upsert' ? chunk.target(v) : null;
      if (!found && !v.text.name) throw new RowProblem(`${chunk.header('name')}: a company needs a name`);
      check(companyInput(v, found && found.kind !== 'earlier' ? found.row.name : ''));
      if (found?.kind === 'earlier') chunk.countEarlier(v);
      else if (found) update(found, v, ownerId);
      else create(v, ownerId ?? actor.userId, item.row);
    });

    return chunk.write(db, { insert: insertCompanies, update: updateCompany });
  };
}

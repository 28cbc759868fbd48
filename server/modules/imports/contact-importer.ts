import { newId } from '../../core/ids.ts';
import { normalizePhone } from '../../core/phone.ts';
import { addressColumns, cleanTags, parseCustom, parseTags } from '../../core/record-fields.ts';
import type { CompanyRow, ContactRow } from '../../db/schema.ts';
import { type ContactWithCompany, updateContact } from '../contacts/contacts.repository.ts';
import { type CreateContact, CreateContactSchema } from '../contacts/contacts.schemas.ts';
import { displayName, presentContact } from '../contacts/contacts.service.ts';
import { diffRecords } from '../timeline/changes.repository.ts';
import { checkCustom, emptyResult, type ImportState, type Processor, RowProblem, schemaChecker } from './import-job.ts';
import {
  contactsByExternalIds,
  insertChanges,
  insertCompanies,
  insertContacts,
  visibleContactsByEmails,
  visibleContactsByPhones,
} from './import-records.repository.ts';
import { linkCompany, prepareCompanyLinks } from './linked-companies.ts';
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

const TRACKED = ['firstName', 'lastName', 'email', 'phone', 'companyId', 'ownerId', 'source', 'address', 'tags', 'customFields'];

function contactInput(v: RowValues): CreateContact {
  const t = v.text;
  const input: CreateContact = {};
  for (const f of ['firstName', 'lastName', 'email', 'phone', 'source', 'externalId'] as const) if (t[f]) input[f] = t[f];
  const address = inputAddress(v);
  if (address) input.address = address;
  if (v.tags) input.tags = v.tags;
  return input;
}

/** Imports a chunk of contact rows: validated like POST/PATCH /contacts, written in few statements. */
export function contactProcessor(state: ImportState): Processor {
  const { actor, mode, dryRun, mapping, defs, fileName } = state.job;
  const check = schemaChecker(CreateContactSchema, mapping);
  const header = (f: Parameters<typeof mapping.fields.get>[0]) => mapping.fields.get(f)?.header ?? f;

  return async (db, items, now) => {
    const result = emptyResult();
    const values = items.map((i) => i.values);
    await state.owners.prepare(db, values);
    await prepareCompanyLinks(db, state, values);
    const byEmail = groupBy(await visibleContactsByEmails(db, actor, uniq(values.map((v) => v.text.email))), (c) =>
      (c.email as string).toLowerCase(),
    );
    const phones = mode === 'create' ? uniq(values.map((v) => normalizePhone(v.text.phone))) : [];
    const byPhone = groupBy(await visibleContactsByPhones(db, actor, phones), (c) => c.phoneNormalized as string);
    const byExt = new Map(
      (await contactsByExternalIds(db, actor, uniq(values.map((v) => v.text.externalId)))).map((c) => [c.externalId, c]),
    );
    if (mode === 'upsert') {
      const matched = [...byExt.values(), ...[...byEmail.values()].flat()];
      await state.owners.prepareReassign(
        db,
        matched.map((c) => c.ownerId),
      );
    }
    const inserts: ContactRow[] = [];
    const companies: CompanyRow[] = [];
    const pending = new Map<string, ContactRow>();
    const current = new Map<string, ContactWithCompany>();
    const updates: { id: string; changes: Partial<ContactRow> }[] = [];

    type Target = { kind: 'pending'; row: ContactRow } | { kind: 'existing'; row: ContactWithCompany } | { kind: 'earlier' };
    const target = (v: RowValues): Target | null => {
      const keys = keysOf(v);
      const k = v.text.externalId ? keys.ext : keys.email;
      if (!k) return null;
      const inChunk = pending.get(k);
      if (inChunk) return { kind: 'pending', row: inChunk };
      let found: ContactWithCompany | undefined;
      if (v.text.externalId) {
        const hit = byExt.get(v.text.externalId);
        if (hit && !hit.visible) throw new RowProblem(`${header('externalId')}: belongs to a contact you cannot see`);
        found = hit;
      } else {
        const hits = byEmail.get(v.text.email as string) ?? [];
        if (hits.length > 1) {
          throw new RowProblem(`${header('email')}: ${hits.length} contacts have this e-mail; map externalId to tell them apart`);
        }
        found = hits[0];
      }
      if (found) return { kind: 'existing', row: current.get(found.id) ?? found };
      return dryRun && state.seen.has(k) ? { kind: 'earlier' } : null;
    };

    const linked = (v: RowValues, ownerId: string) => {
      const link = linkCompany(state, v, ownerId, now);
      if (link.created) {
        companies.push(link.created);
        result.companiesCreated++;
        result.changes.push(createdEntry('company', link.created.id, actor, fileName, now));
      }
      return link.companyId;
    };

    const update = (found: Target & { row: ContactRow }, v: RowValues, ownerId: string | undefined) => {
      const row = found.row;
      const t = v.text;
      const changes: Partial<ContactRow> = { ...addressColumns(inputAddress(v)) };
      for (const f of ['firstName', 'lastName', 'email', 'phone', 'source'] as const) if (t[f]) changes[f] = t[f];
      if (t.phone) changes.phoneNormalized = normalizePhone(t.phone);
      if (v.tags) changes.tags = JSON.stringify(cleanTags([...parseTags(row.tags), ...v.tags]));
      if (ownerId && ownerId !== row.ownerId) {
        const refused = found.kind === 'existing' ? state.owners.reassignProblem(row.ownerId) : null;
        if (refused) throw new RowProblem(`${header(t.ownerEmail ? 'ownerEmail' : 'ownerId')}: ${refused}`);
        changes.ownerId = ownerId;
      }
      if (Object.keys(v.customFields).length > 0) {
        changes.customFields = JSON.stringify(checkCustom(defs.contact, mapping, v.customFields, parseCustom(row.customFields)));
      }
      // last: a company named by the row is only created once the row is known to be good
      const companyId = linked(v, ownerId ?? row.ownerId ?? actor.userId);
      if (companyId) changes.companyId = companyId;
      const before = { ...row, companyName: null };
      const after = { ...before, ...changes };
      const diff = diffRecords(presentContact(before), presentContact(after), TRACKED);
      if (diff.length === 0) return void result.unchanged++;
      result.updated++;
      if (found.kind === 'pending') return void Object.assign(row, changes);
      current.set(row.id, { ...(row as ContactWithCompany), ...changes });
      updates.push({ id: row.id, changes });
      result.changes.push(updatedEntry('contact', row.id, actor, diff, now));
    };

    const create = (v: RowValues, ownerId: string, rowNumber: number) => {
      const t = v.text;
      if (!t.firstName && !t.lastName) throw new RowProblem('a contact needs a first or last name');
      const keys = keysOf(v);
      if (mode === 'create') {
        rejectSeen(state, keys);
        const same = byEmail.get(t.email ?? '')?.[0] ?? byPhone.get(keys.phoneNormalized ?? '')?.[0];
        if (same) {
          const why = t.email && same.email?.toLowerCase() === t.email ? 'same e-mail' : 'same phone';
          throw new RowProblem(`likely duplicate of "${displayName(same)}" (${why}; id ${same.id})`);
        }
      }
      if (t.externalId && (byExt.has(t.externalId) || (keys.ext && state.seen.has(keys.ext)))) {
        throw new RowProblem(`${header('externalId')}: "${t.externalId}" is already used by another contact`);
      }
      const customFields = checkCustom(defs.contact, mapping, v.customFields);
      const row: ContactRow = {
        id: newId(),
        firstName: t.firstName ?? '',
        lastName: t.lastName ?? '',
        email: t.email ?? null,
        phone: t.phone ?? null,
        phoneNormalized: normalizePhone(t.phone),
        companyId: linked(v, ownerId) ?? null,
        ownerId,
        source: t.source ?? null,
        street: null,
        zip: null,
        city: null,
        country: null,
        ...addressColumns(inputAddress(v)),
        tags: JSON.stringify(cleanTags(v.tags ?? [])),
        customFields: JSON.stringify(customFields),
        externalId: t.externalId ?? null,
        lastActivityAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      inserts.push(row);
      result.created++;
      rememberKeys(state, keys, rowNumber);
      for (const k of [keys.email, keys.ext]) if (k) pending.set(k, row);
      result.changes.push(createdEntry('contact', row.id, actor, fileName, now));
    };

    runRows(items, result, (item) => {
      const v = item.values;
      const owner = state.owners.ownerOf(v);
      if ('error' in owner) throw new RowProblem(`${header(v.text.ownerEmail ? 'ownerEmail' : 'ownerId')}: ${owner.error}`);
      check(contactInput(v));
      const found = mode === 'upsert' ? target(v) : null;
      if (found?.kind === 'earlier') {
        checkCustom(defs.contact, mapping, v.customFields, {});
        result.updated++;
      } else if (found) update(found, v, owner.ownerId);
      else create(v, owner.ownerId ?? actor.userId, item.row);
    });

    if (!dryRun) {
      await insertCompanies(db, companies);
      await insertContacts(db, inserts);
      for (const u of updates) await updateContact(db, u.id, u.changes, now);
      await insertChanges(db, result.changes);
    }
    return result;
  };
}

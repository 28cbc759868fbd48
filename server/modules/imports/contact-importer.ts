import { newId } from '../../core/ids.ts';
import { normalizePhone } from '../../core/phone.ts';
import { addressColumns, cleanTags } from '../../core/record-fields.ts';
import type { CompanyRow, ContactRow } from '../../db/schema.ts';
import { type ContactWithCompany, updateContact } from '../contacts/contacts.repository.ts';
import { type CreateContact, CreateContactSchema } from '../contacts/contacts.schemas.ts';
import { displayName, presentContact } from '../contacts/contacts.service.ts';
import { diffRecords } from '../timeline/changes.repository.ts';
import { type ImportState, type Processor, RowProblem, schemaChecker } from './import-job.ts';
import {
  contactsByExternalIds,
  insertCompanies,
  insertContacts,
  visibleContactsByEmails,
  visibleContactsByPhones,
} from './import-records.repository.ts';
import { linkCompany, prepareCompanyLinks } from './linked-companies.ts';
import { type Found, RecordChunk } from './record-chunk.ts';
import { createdEntry, groupBy, inputAddress, keysOf, rejectSeen, runRows, uniq } from './record-import.ts';
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
  const { actor, mode, mapping, fileName } = state.job;
  const check = schemaChecker(CreateContactSchema, mapping);

  return async (db, items, now) => {
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
    const chunk = new RecordChunk<ContactRow, ContactWithCompany>(state, 'contact', now, byExt, {
      field: 'email',
      label: 'e-mail',
      key: (keys) => keys.email,
      matches: (v) => byEmail.get(v.text.email as string) ?? [],
    });
    await chunk.prepareReassign(db, [...byEmail.values()].flat());
    const { result } = chunk;
    const companies: CompanyRow[] = [];

    const linked = (v: RowValues, ownerId: string) => {
      const link = linkCompany(state, v, ownerId, now);
      if (link.created) {
        companies.push(link.created);
        result.companiesCreated++;
        result.changes.push(createdEntry('company', link.created.id, actor, fileName, now));
      }
      return link.companyId;
    };

    const update = (found: Found<ContactRow, ContactWithCompany>, v: RowValues, ownerId: string | undefined) => {
      const { row } = found;
      const changes = chunk.changesFor(found, v, ownerId, ['firstName', 'lastName', 'email', 'phone', 'source']);
      // last: a company named by the row is only created once the row is known to be good
      const companyId = linked(v, ownerId ?? row.ownerId ?? actor.userId);
      if (companyId) changes.companyId = companyId;
      const before = { ...row, companyName: null };
      const after = { ...before, ...changes };
      chunk.saveUpdate(found, changes, diffRecords(presentContact(before), presentContact(after), TRACKED));
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
      chunk.assertExternalIdFree(v, keys);
      const customFields = chunk.customFields(v);
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
      chunk.saveNew(row, keys, rowNumber);
    };

    runRows(items, result, (item) => {
      const v = item.values;
      const ownerId = chunk.ownerOf(v);
      check(contactInput(v));
      const found = mode === 'upsert' ? chunk.target(v) : null;
      if (found?.kind === 'earlier') chunk.countEarlier(v);
      else if (found) update(found, v, ownerId);
      else create(v, ownerId ?? actor.userId, item.row);
    });

    return chunk.write(db, {
      insert: async (trx, rows) => {
        await insertCompanies(trx, companies);
        await insertContacts(trx, rows);
      },
      update: updateContact,
    });
  };
}

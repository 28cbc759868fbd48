import { newId } from '../../core/ids.ts';
import { cleanTags, parseCustom, parseTags } from '../../core/record-fields.ts';
import type { DealRow, StageRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { dealMoney } from '../deals/deal-totals.ts';
import { CreateDealSchema } from '../deals/deals.schemas.ts';
import { DEAL_TRACKED_FIELDS, presentDeal } from '../deals/deals.service.ts';
import { assertStageRequirements, missingForStage } from '../deals/stage-rules.ts';
import { type ChangeEntry, diffRecords, type FieldChange } from '../timeline/changes.repository.ts';
import { DealLookups } from './deal-lookups.ts';
import { type DealValues, dealValues } from './deal-values.ts';
import { type Update, writeDeals } from './deal-writes.ts';
import {
  type ChunkRow,
  checkCustom,
  emptyResult,
  type ImportState,
  type Processor,
  RowProblem,
  schemaChecker,
} from './import-job.ts';
import { dealMoneyInputs, dealsByExternalIds, insertChanges } from './import-records.repository.ts';
import type { StandardField } from './mapping.ts';
import { createdEntry, keysOf, rejectSeen, rememberKeys, runRows, uniq, updatedEntry } from './record-import.ts';

/** Where a stage's required field comes from in an import: the columns that can fill it. */
const SOURCES: Record<string, StandardField[]> = {
  amountCents: ['amountCents', 'amount'],
  contactId: ['contactId', 'contactEmail', 'contactExternalId'],
  companyId: ['companyId', 'company'],
};

/** The deal a row updates: one created earlier in this chunk, one in the database, or (dry run) one an earlier chunk would have created. */
type Target = { kind: 'pending'; row: DealRow } | { kind: 'existing'; row: DealRow } | { kind: 'earlier' };
type Found = Exclude<Target, { kind: 'earlier' }>;

const withoutNames = (row: DealRow) => presentDeal({ ...row, contactName: null, companyName: null });

/**
 * Imports a chunk of deal rows: validated like POST/PATCH /deals (pipeline and stage, owner rules,
 * visible contact and company, custom fields, stage gates), written with the deals
 * module's own repository, stage history and money totals. Upsert finds deals by external id.
 */
export function dealProcessor(state: ImportState): Processor {
  const { actor, mode, mapping, fileName, dryRun, defs } = state.job;
  const check = schemaChecker(CreateDealSchema, mapping);
  const lookups = new DealLookups(state);
  const header = (field: StandardField) => mapping.fields.get(field)?.header ?? field;

  /** A stage's gate problems named after the columns that would have filled the missing fields. */
  const assertGate = (stage: StageRow, deal: DealRow, lineItems: number) => {
    try {
      assertStageRequirements(stage, missingForStage(stage, deal, lineItems));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const column = (field: string) => {
        if (field.startsWith('customFields.')) {
          return mapping.custom.find((c) => `customFields.${c.def.key}` === field)?.header ?? field;
        }
        const mapped = (SOURCES[field] ?? [field as StandardField]).find((f) => mapping.fields.has(f));
        return mapped ? header(mapped) : field;
      };
      throw new RowProblem(err.errors.map((e) => `${column(e.path)}: ${e.message}`).join('; '));
    }
  };

  return async (db, items, now) => {
    const values = items.map((i) => i.values);
    await state.owners.prepare(db, values);
    await lookups.prepare(db, values);
    const byExt = new Map(
      (await dealsByExternalIds(db, actor, uniq(values.map((v) => v.text.externalId)))).map(({ visible, ...deal }) => [
        deal.externalId,
        { deal, visible: visible === 1 },
      ]),
    );
    const matched = mode === 'upsert' ? [...byExt.values()].map((m) => m.deal) : [];
    await state.owners.prepareReassign(
      db,
      matched.map((d) => d.ownerId),
    );
    const money = await dealMoneyInputs(
      db,
      matched.map((d) => d.id),
    );
    const result = emptyResult();
    const inserts: DealRow[] = [];
    const updates: Update[] = [];
    const pending = new Map<string, DealRow>();
    const current = new Map<string, DealRow>();

    const ownerOf = (v: ChunkRow['values']) => {
      const owner = state.owners.ownerOf(v);
      if ('error' in owner) throw new RowProblem(`${header(v.text.ownerEmail ? 'ownerEmail' : 'ownerId')}: ${owner.error}`);
      return owner.ownerId;
    };

    const target = (ext: string | undefined): Target | null => {
      if (!ext) return null;
      const inChunk = pending.get(ext);
      if (inChunk) return { kind: 'pending', row: inChunk };
      const hit = byExt.get(ext);
      if (hit && !hit.visible) throw new RowProblem(`${header('externalId')}: belongs to a deal you cannot see`);
      if (hit) return { kind: 'existing', row: current.get(hit.deal.id) ?? hit.deal };
      return dryRun && state.seen.has(`ext:${ext}`) ? { kind: 'earlier' } : null;
    };

    const create = (item: ChunkRow, input: DealValues, ownerId: string) => {
      const v = item.values;
      if (!input.title) throw new RowProblem(`${header('title')}: a deal needs a title`);
      const keys = keysOf(v);
      if (mode === 'create') rejectSeen(state, keys);
      const ext = input.externalId;
      if (ext && (byExt.has(ext) || state.seen.has(`ext:${ext}`))) {
        throw new RowProblem(`${header('externalId')}: "${ext}" is already used by another deal`);
      }
      const stage = lookups.stageFor(v);
      const contact = lookups.contactOf(v);
      const companyId = lookups.companyIdOf(v) ?? contact?.companyId ?? null;
      const customFields = checkCustom(defs.deal, mapping, v.customFields);
      const row: DealRow = {
        id: newId(),
        title: input.title,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        contactId: contact?.id ?? null,
        companyId,
        ownerId,
        amountCents: input.amountCents ?? 0,
        currency: input.currency ?? 'EUR',
        taxRate: input.taxRate ?? 19,
        taxCents: 0,
        grossCents: 0,
        hasLineItems: 0,
        paidCents: 0,
        paidAt: null,
        expectedCloseDate: input.expectedCloseDate ?? null,
        status: stage.kind,
        lostReason: lookups.lostReasonFor(stage, input.lostReason),
        closedAt: stage.kind === 'open' ? null : now,
        stageEnteredAt: now,
        source: input.source ?? null,
        tags: JSON.stringify(cleanTags(input.tags ?? [])),
        customFields: JSON.stringify(customFields),
        externalId: ext ?? null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      assertGate(stage, row, 0);
      inserts.push(row);
      result.created++;
      rememberKeys(state, keys, item.row);
      if (ext) pending.set(ext, row);
      result.changes.push(createdEntry('deal', row.id, actor, fileName, now));
    };

    const update = (found: Found, item: ChunkRow, input: DealValues, ownerId: string | undefined) => {
      const v = item.values;
      const before = found.row;
      const changes: Partial<DealRow> = {};
      for (const f of ['title', 'currency', 'taxRate', 'expectedCloseDate', 'source'] as const) {
        if (input[f] !== undefined) Object.assign(changes, { [f]: input[f] });
      }
      if (input.amountCents !== undefined && input.amountCents !== before.amountCents) {
        if (before.hasLineItems === 1) {
          throw new RowProblem(
            `${header(v.text.amount ? 'amount' : 'amountCents')}: the amount follows the deal's line items; change those instead`,
          );
        }
        changes.amountCents = input.amountCents;
      }
      if (input.tags) changes.tags = JSON.stringify(cleanTags([...parseTags(before.tags), ...input.tags]));
      if (ownerId && ownerId !== before.ownerId) {
        const refused = found.kind === 'existing' ? state.owners.reassignProblem(before.ownerId) : null;
        if (refused) throw new RowProblem(`${header(v.text.ownerEmail ? 'ownerEmail' : 'ownerId')}: ${refused}`);
        changes.ownerId = ownerId;
      }
      const contact = lookups.contactOf(v);
      if (contact) changes.contactId = contact.id;
      const companyId = lookups.companyIdOf(v);
      if (companyId) changes.companyId = companyId;
      if (Object.keys(v.customFields).length > 0) {
        changes.customFields = JSON.stringify(checkCustom(defs.deal, mapping, v.customFields, parseCustom(before.customFields)));
      }
      const stage = lookups.stageFor(v, before);
      const moving = stage.id !== before.stageId;
      if (moving) {
        Object.assign(changes, { stageId: stage.id, pipelineId: stage.pipelineId, status: stage.kind, stageEnteredAt: now });
        if (stage.kind !== lookups.kindOf(before.stageId)) changes.closedAt = stage.kind === 'open' ? null : now;
      }
      // a lost reason belongs to a lost deal only: moving out of a lost stage clears it, as PATCH does
      if (moving || input.lostReason !== undefined) {
        const lostReason = lookups.lostReasonFor(stage, input.lostReason ?? before.lostReason);
        if (lostReason !== before.lostReason && (moving || stage.kind === 'lost')) changes.lostReason = lostReason;
      }
      const lines = found.kind === 'existing' ? (money.lines.get(before.id) ?? []) : [];
      if (changes.amountCents !== undefined || changes.taxRate !== undefined) {
        const next = dealMoney({ ...before, ...changes }, lines, money.paid.get(before.id) ?? 0, now);
        for (const k of Object.keys(next) as (keyof typeof next)[])
          if (next[k] !== before[k]) Object.assign(changes, { [k]: next[k] });
      }
      const after = { ...before, ...changes };
      if (moving) assertGate(stage, after, lines.length);

      const diff: FieldChange[] = diffRecords(withoutNames(before), withoutNames(after), DEAL_TRACKED_FIELDS);
      if (moving) diff.unshift({ field: 'stageId', from: before.stageId, to: stage.id });
      if (diff.length === 0) return void result.unchanged++;
      result.updated++;
      if (found.kind === 'pending') return void Object.assign(before, changes);
      current.set(before.id, after);
      updates.push({
        id: before.id,
        changes,
        move: moving ? { fromStageId: before.stageId, enteredAt: before.stageEnteredAt } : null,
      });
      const entry: ChangeEntry = updatedEntry('deal', before.id, actor, diff, now);
      result.changes.push(moving ? { ...entry, action: 'stage_changed' } : entry);
    };

    runRows(items, result, (item) => {
      const v = item.values;
      const ownerId = ownerOf(v);
      const input = dealValues(item, mapping);
      const found = mode === 'upsert' ? target(input.externalId) : null;
      const title = input.title ?? (found && found.kind !== 'earlier' ? found.row.title : undefined);
      if (!title) throw new RowProblem(`${header('title')}: a deal needs a title`);
      check({ ...input, title });
      if (found?.kind === 'earlier') {
        checkCustom(defs.deal, mapping, v.customFields, {});
        result.updated++;
      } else if (found) update(found, item, input, ownerId);
      else create(item, input, ownerId ?? actor.userId);
    });

    if (!dryRun) await writeDeals(db, actor.userId, inserts, updates, now);
    if (!dryRun) await insertChanges(db, result.changes);
    return result;
  };
}

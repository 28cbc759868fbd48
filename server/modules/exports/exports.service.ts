import type { Readable } from 'node:stream';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { applyKeyset, type ListParams, parseListParams } from '../../http/list.ts';
import { sortFieldsFor } from '../../http/record-query.ts';
import { COMPANY_LIST, companyListQuery } from '../companies/companies.repository.ts';
import { presentCompany } from '../companies/companies.service.ts';
import { CONTACT_LIST, contactListQuery } from '../contacts/contacts.repository.ts';
import { presentContact } from '../contacts/contacts.service.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { DEAL_LIST, dealListQuery } from '../deals/deals.repository.ts';
import { presentDeal } from '../deals/deals.service.ts';
import { stageName } from '../pipelines/stage-names.ts';
import {
  COMPANY_COLUMNS,
  CONTACT_COLUMNS,
  customColumns,
  DEAL_COLUMNS,
  DEAL_STATUS_NAMES,
  type DealExportRecord,
  type ExportColumn,
  sheetColumns,
} from './columns.ts';
import { pipelineStages, userNames } from './exports.repository.ts';
import { CSV_TYPE, csvStream, type Lang, type SheetValue, XLSX_TYPE, xlsxStream } from './spreadsheet.ts';

export type ExportEntity = 'contact' | 'company' | 'deal';
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

/** Rows per query while exporting: each page is one short read, so an export never holds the database. */
const PAGE = 1000;

type After = ListParams['after'];
type Keyed = { id: string; cursorValue: unknown };

const NAMES: Record<ExportEntity, Record<Lang, string>> = {
  contact: { de: 'kontakte', en: 'contacts' },
  company: { de: 'firmen', en: 'companies' },
  deal: { de: 'deals', en: 'deals' },
};

async function* pages<Row extends Keyed>(
  first: Row[],
  fetch: (after: After) => Promise<Row[]>,
  toValues: (row: Row) => SheetValue[],
): AsyncGenerator<SheetValue[][]> {
  let rows = first;
  for (;;) {
    const kept = rows.slice(0, PAGE);
    yield kept.map(toValues);
    const last = kept.at(-1);
    if (rows.length <= PAGE || !last) return;
    rows = await fetch({ v: last.cursorValue, id: last.id });
  }
}

/** The list's filters: everything in the query but the export's own parameters. */
function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
  const filters = { ...query };
  for (const key of ['format', 'lang', 'sort', 'limit', 'cursor']) delete filters[key];
  return filters;
}

/**
 * Every contact, company or deal the list would show for the same filters, q and sort (and visibility),
 * as CSV or XLSX, read page by page from the database while the file streams out.
 */
export async function exportRecords(
  ctx: Ctx,
  actor: Actor,
  entity: ExportEntity,
  query: Record<string, unknown> & { sort?: string },
  format: ExportFormat,
  lang: Lang,
): Promise<ExportFile> {
  const defs = await listDefinitions(ctx.db, entity);
  const filters = filtersOf(query);
  const owners = await userNames(ctx.db);
  const ownerName = (id: string | null) => (id ? (owners.get(id) ?? null) : null);
  let values: AsyncGenerator<SheetValue[][]>;
  let columns: ExportColumn<never>[];
  if (entity === 'contact') {
    const sortable = sortFieldsFor(CONTACT_LIST, defs);
    const params = { ...parseListParams({ sort: query.sort }, sortable, 'lastName'), limit: PAGE };
    const fetch = (after: After) =>
      applyKeyset(contactListQuery(ctx.db, actor, defs, filters), { ...params, after }, sortable, 'contacts.id').execute();
    const cols = [...CONTACT_COLUMNS, ...customColumns(defs)];
    columns = cols;
    values = pages(await fetch(null), fetch, (row) => {
      const c = presentContact(row);
      return cols.map((col) => col.value(c, ownerName));
    });
  } else if (entity === 'company') {
    const sortable = sortFieldsFor(COMPANY_LIST, defs);
    const params = { ...parseListParams({ sort: query.sort }, sortable, 'name'), limit: PAGE };
    const fetch = (after: After) =>
      applyKeyset(companyListQuery(ctx.db, actor, defs, filters), { ...params, after }, sortable, 'companies.id').execute();
    const cols = [...COMPANY_COLUMNS, ...customColumns(defs)];
    columns = cols;
    values = pages(await fetch(null), fetch, (row) => {
      const c = presentCompany(row);
      return cols.map((col) => col.value(c, ownerName));
    });
  } else {
    const sortable = sortFieldsFor(DEAL_LIST, defs);
    const params = { ...parseListParams({ sort: query.sort }, sortable, '-updatedAt'), limit: PAGE };
    const fetch = (after: After) =>
      applyKeyset(dealListQuery(ctx.db, actor, defs, filters), { ...params, after }, sortable, 'deals.id').execute();
    const { pipelines, stages } = await pipelineStages(ctx.db);
    const cols = [...DEAL_COLUMNS, ...customColumns<DealExportRecord>(defs)];
    columns = cols;
    values = pages(await fetch(null), fetch, (row) => {
      const deal = presentDeal(row);
      const stage = stages.get(deal.stageId);
      const record: DealExportRecord = {
        ...deal,
        pipelineName: pipelines.get(deal.pipelineId) ?? null,
        stageName: stage ? stageName(stage, lang) : null,
        statusName: DEAL_STATUS_NAMES[deal.status][lang],
      };
      return cols.map((col) => col.value(record, ownerName));
    });
  }
  const sheet = sheetColumns(columns, lang);
  const fileName = `${NAMES[entity][lang]}-${isoNow(ctx.clock).slice(0, 10)}.${format}`;
  if (format === 'xlsx') {
    const name = NAMES[entity][lang];
    return { fileName, contentType: XLSX_TYPE, stream: xlsxStream(name[0]?.toUpperCase() + name.slice(1), sheet, values, lang) };
  }
  return { fileName, contentType: CSV_TYPE, stream: csvStream(sheet, values, lang) };
}

import type { DealRow, PipelineRow, StageRow } from '../../db/schema.ts';
import { activeLostReasons } from '../pipelines/lost-reasons.ts';
import { listPipelineRows, stagesOf } from '../pipelines/pipelines.repository.ts';
import { stageName } from '../pipelines/stage-names.ts';
import { type ImportState, RowProblem } from './import-job.ts';
import { contactsByExternalIds, type Db, visibleContactsByEmails, visibleContactsByIds } from './import-records.repository.ts';
import { prepareCompanyLinks } from './linked-companies.ts';
import type { StandardField } from './mapping.ts';
import { uniq } from './record-import.ts';
import type { RowValues } from './row-input.ts';

const lower = (text: string) => text.trim().toLowerCase();
const linked = (c: { id: string; companyId: string | null }): LinkedContact => ({ id: c.id, companyId: c.companyId });

/** A contact a deal row links to, with its company (a new deal without a company takes the contact's). */
export interface LinkedContact {
  id: string;
  companyId: string | null;
}

/**
 * What deal rows refer to, loaded once per import or once per value: pipelines and stages (by id or
 * name), the admin's lost reasons, and the contacts and companies the importer may see. Each resolver names
 * the file's column when a row's value does not resolve.
 */
export class DealLookups {
  #pipelines: PipelineRow[] = [];
  readonly #stages = new Map<string, StageRow[]>();
  readonly #stageById = new Map<string, StageRow>();
  #lostReasons: string[] | null = null;
  readonly #contactById = new Map<string, LinkedContact | null>();
  readonly #contactsByEmail = new Map<string, LinkedContact[]>();
  readonly #contactByExt = new Map<string, LinkedContact | null>();

  constructor(private readonly state: ImportState) {}

  #header(field: StandardField): string {
    return this.state.job.mapping.fields.get(field)?.header ?? field;
  }

  /** Loads what the rows of a chunk refer to and is not known yet. */
  async prepare(db: Db, rows: RowValues[]): Promise<void> {
    if (this.#lostReasons === null) {
      this.#pipelines = await listPipelineRows(db);
      for (const stage of await stagesOf(
        db,
        this.#pipelines.map((p) => p.id),
      )) {
        this.#stageById.set(stage.id, stage);
        this.#stages.set(stage.pipelineId, [...(this.#stages.get(stage.pipelineId) ?? []), stage]);
      }
      this.#lostReasons = await activeLostReasons({ db });
    }
    const { actor } = this.state.job;
    const ids = uniq(rows.map((r) => r.text.contactId)).filter((id) => !this.#contactById.has(id));
    const found = new Map((await visibleContactsByIds(db, actor, ids)).map((c) => [c.id, c]));
    for (const id of ids) {
      const contact = found.get(id);
      this.#contactById.set(id, contact ? linked(contact) : null);
    }
    const emails = uniq(rows.map((r) => r.text.contactEmail?.toLowerCase())).filter((e) => !this.#contactsByEmail.has(e));
    for (const e of emails) this.#contactsByEmail.set(e, []);
    for (const c of await visibleContactsByEmails(db, actor, emails))
      this.#contactsByEmail.get(lower(c.email ?? ''))?.push(linked(c));
    const exts = uniq(rows.map((r) => r.text.contactExternalId)).filter((x) => !this.#contactByExt.has(x));
    for (const x of exts) this.#contactByExt.set(x, null);
    for (const c of await contactsByExternalIds(db, actor, exts))
      if (c.visible && c.externalId) this.#contactByExt.set(c.externalId, linked(c));
    await prepareCompanyLinks(db, this.state, rows);
  }

  /**
   * The stage a row puts its deal in: the named stage (by id, or by name, English name or key within the row's
   * pipeline, else the deal's, else the default one); without a stage the deal's current one, else the
   * first open stage of the named or default pipeline.
   */
  stageFor(v: RowValues, current?: DealRow): StageRow {
    const pipeline = v.text.pipeline ? this.#pipelineNamed(v.text.pipeline) : undefined;
    const stageText = v.text.stage;
    if (stageText) {
      const byId = this.#stageById.get(stageText);
      if (byId && pipeline && byId.pipelineId !== pipeline.id) {
        throw new RowProblem(`${this.#header('stage')}: the stage is not in pipeline "${pipeline.name}"`);
      }
      if (byId) return byId;
      const home = pipeline ?? this.#pipelineOf(current) ?? this.#defaultPipeline();
      const stages = this.#stages.get(home.id) ?? [];
      // its name, else the English name an English export gives a shipped stage, else its key (new, offer …)
      const stage =
        stages.find((s) => lower(s.name) === lower(stageText)) ??
        stages.find((s) => lower(stageName(s, 'en')) === lower(stageText)) ??
        stages.find((s) => s.key === lower(stageText));
      if (!stage) throw new RowProblem(`${this.#header('stage')}: pipeline "${home.name}" has no stage "${stageText}"`);
      return stage;
    }
    if (current && (!pipeline || pipeline.id === current.pipelineId)) {
      const stage = this.#stageById.get(current.stageId);
      if (stage) return stage;
    }
    const home = pipeline ?? this.#defaultPipeline();
    const first = (this.#stages.get(home.id) ?? []).find((s) => s.kind === 'open');
    if (!first) throw new RowProblem(`${this.#header('pipeline')}: pipeline "${home.name}" has no open stage`);
    return first;
  }

  kindOf(stageId: string): StageRow['kind'] | undefined {
    return this.#stageById.get(stageId)?.kind;
  }

  #pipelineNamed(text: string): PipelineRow {
    const byId = this.#pipelines.find((p) => p.id === text);
    if (byId) return byId;
    const named = this.#pipelines.filter((p) => lower(p.name) === lower(text));
    if (named.length > 1) {
      throw new RowProblem(`${this.#header('pipeline')}: ${named.length} pipelines are called "${text}"; use the pipeline's id`);
    }
    if (!named[0]) throw new RowProblem(`${this.#header('pipeline')}: there is no pipeline "${text}"`);
    return named[0];
  }

  #pipelineOf(deal: DealRow | undefined): PipelineRow | undefined {
    return deal ? this.#pipelines.find((p) => p.id === deal.pipelineId) : undefined;
  }

  /** The same choice as POST /deals without a pipeline: the default pipeline, else the first. */
  #defaultPipeline(): PipelineRow {
    const pipeline = this.#pipelines.find((p) => p.isDefault === 1) ?? this.#pipelines[0];
    if (!pipeline) throw new RowProblem('there is no pipeline yet; an administrator sets one up first');
    return pipeline;
  }

  /** The visible contact a row names by id, e-mail or external id; undefined when it names none. */
  contactOf(v: RowValues): LinkedContact | undefined {
    const t = v.text;
    if (t.contactId) {
      const contact = this.#contactById.get(t.contactId);
      if (!contact) throw new RowProblem(`${this.#header('contactId')}: the contact does not exist`);
      return contact;
    }
    if (t.contactEmail) {
      const matches = this.#contactsByEmail.get(t.contactEmail.toLowerCase()) ?? [];
      const header = this.#header('contactEmail');
      if (matches.length > 1) {
        throw new RowProblem(
          `${header}: ${matches.length} contacts have this e-mail; map the contact's id or external id instead`,
        );
      }
      if (!matches[0]) throw new RowProblem(`${header}: there is no contact with the e-mail ${t.contactEmail}`);
      return matches[0];
    }
    if (t.contactExternalId) {
      const contact = this.#contactByExt.get(t.contactExternalId);
      if (!contact) {
        throw new RowProblem(
          `${this.#header('contactExternalId')}: there is no contact with the external id "${t.contactExternalId}"`,
        );
      }
      return contact;
    }
    return undefined;
  }

  /** The visible company a row names by id or by name (deal rows never create companies); undefined when it names none. */
  companyIdOf(v: RowValues): string | undefined {
    const t = v.text;
    if (t.companyId) {
      if (!this.state.companyVisible.get(t.companyId))
        throw new RowProblem(`${this.#header('companyId')}: the company does not exist`);
      return t.companyId;
    }
    if (!t.company) return undefined;
    const id = this.state.companiesByName.get(lower(t.company));
    if (!id) throw new RowProblem(`${this.#header('company')}: there is no company "${t.company}"`);
    return id;
  }

  /**
   * The lost reason a deal in `stage` keeps: none outside a lost stage (as POST /deals); in one, what the
   * row gives (optional and free, as in the API), spelled as on the admin's list when it is one of them.
   */
  lostReasonFor(stage: StageRow, given: string | null | undefined): string | null {
    if (stage.kind !== 'lost' || !given?.trim()) return null;
    return this.#lostReasons?.find((r) => lower(r) === lower(given)) ?? given.trim();
  }
}

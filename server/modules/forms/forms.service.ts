import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { taxOn } from '../../core/money.ts';
import { normalizePhone } from '../../core/phone.ts';
import { inTransaction } from '../../core/tx.ts';
import type { FormRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { publishDealChange } from '../deals/deals.service.ts';
import { publish } from '../scheduler/publish.ts';
import { recordChange } from '../timeline/changes.repository.ts';

export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea' | 'number' | 'date';
  required?: boolean;
  /** Where the value goes: a contact field, deal.<field>, deal.customFields.<key> or contact.customFields.<key>; default by name. */
  mapTo?: string;
}

export type OwnerRule = { type: 'user'; userId: string } | { type: 'team'; teamId: string };

/** The standard field names: every form accepts them, declared or not, and maps them here. */
const STANDARD: Record<string, string> = {
  firstName: 'contact.firstName',
  lastName: 'contact.lastName',
  email: 'contact.email',
  phone: 'contact.phone',
  company: 'company.name',
  message: 'note',
};

/** The visitor reads the form in German by default, so the standard names get German labels. */
const LABELS: Record<string, string> = {
  firstName: 'Vorname',
  lastName: 'Nachname',
  email: 'E-Mail',
  phone: 'Telefon',
  company: 'Firma',
  message: 'Nachricht',
  street: 'Straße',
  zip: 'PLZ',
  city: 'Ort',
};

/** A field as the admin may send it (only the name is needed) → as stored: label and type defaulted from the name. */
export function completeField(f: Omit<FormField, 'label' | 'type'> & Partial<Pick<FormField, 'label' | 'type'>>): FormField {
  const target = f.mapTo ?? STANDARD[f.name];
  const type: FormField['type'] =
    f.type ??
    (target === 'contact.email'
      ? 'email'
      : target === 'contact.phone'
        ? 'tel'
        : f.name === 'message' || target === 'note'
          ? 'textarea'
          : 'text');
  const label = f.label?.trim() || LABELS[f.name] || LABELS[(target ?? '').split('.').pop() ?? ''] || f.name;
  return { ...f, label, type };
}

const targetOf = (f: FormField) => f.mapTo ?? STANDARD[f.name] ?? 'note';

/**
 * The form's fields plus the standard names it does not declare (a shop posting `company` or `phone` to a form
 * that only asks for a name and an e-mail address loses nothing). A standard name is left out when a declared
 * field already has it or fills the same target.
 */
function intakeFields(declared: FormField[]): FormField[] {
  const implied = Object.keys(STANDARD)
    .filter((name) => !declared.some((f) => f.name === name || targetOf(f) === STANDARD[name]))
    .map((name) => completeField({ name }));
  return [...declared, ...implied];
}

/** Mailboxes that name no person: info@… does not make a contact called "Info". */
const GENERIC_MAILBOX =
  /^(info|kontakt|contact|mail|email|e-mail|office|buero|büro|post|service|hallo|hello|hi|anfrage|anfragen|team|admin|verwaltung|vertrieb|sales|noreply|no-reply)$/;

/** A contact name from an e-mail address: anna.schmidt@… → Anna Schmidt; none for info@… or digits. */
export function nameFromEmail(email: string): { firstName: string; lastName: string } | null {
  const local = (email.split('@')[0] ?? '').toLowerCase();
  if (GENERIC_MAILBOX.test(local)) return null;
  const parts = local
    .split(/[._\-+]+/)
    .map((p) => p.replace(/\d+/g, ''))
    .filter((p) => p.length > 1);
  if (parts.length === 0) return null;
  const cap = (p: string) => p.charAt(0).toUpperCase() + p.slice(1);
  if (parts.length === 1) return { firstName: '', lastName: cap(parts[0] as string) };
  return { firstName: cap(parts[0] as string), lastName: parts.slice(1).map(cap).join(' ') };
}
const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

export function presentForm(row: FormRow) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    ownerRule: JSON.parse(row.ownerRule) as OwnerRule,
    fields: JSON.parse(row.fields) as FormField[],
    allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
    honeypot: row.honeypot,
    successMessage: row.successMessage,
    redirectUrl: row.redirectUrl,
    enabled: row.enabled === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export async function findFormByKey(ctx: Pick<Ctx, 'db'>, key: string): Promise<FormRow> {
  const row = await ctx.db.selectFrom('forms').selectAll().where('key', '=', key).where('enabled', '=', 1).executeTakeFirst();
  if (!row) throw notFound('Form');
  return row;
}

function text(v: unknown, max = 2000): string {
  if (v === undefined || v === null) return '';
  return String(Array.isArray(v) ? v[0] : v)
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : ''))
    .trim()
    .slice(0, max);
}

/**
 * A web-form lead (public, no login): validated against the form's fields plus the standard names (other
 * extra fields ignored), matched to an existing contact by e-mail or phone, a deal opened in the form's
 * pipeline with the owner from the form's rule, UTM parameters kept as source; then `form.submitted` starts
 * the process. A filled honeypot answers like a success and stores nothing but the spam mark.
 *
 * What every lead needs, whatever the form declares: a way to reach them, an e-mail address or a phone
 * number (else 400 at both). A name is not needed: no lead is lost over it (a call-back request with just a
 * phone number is a lead too). Without one the contact is named after the e-mail address (anna.schmidt@… →
 * Anna Schmidt), else after the address or number itself, until the manager asks. Fields the admin marked
 * required stay required.
 */
export async function submitForm(
  ctx: Ctx,
  form: FormRow,
  body: Record<string, unknown>,
  meta: { ip: string; origin: string | null },
) {
  const fields = intakeFields(JSON.parse(form.fields) as FormField[]);
  const now = ctx.clock.now().toISOString();
  if (text(body[form.honeypot])) {
    await ctx.db
      .insertInto('formSubmissions')
      .values({
        id: newId(),
        formId: form.id,
        contactId: null,
        dealId: null,
        payload: '{}',
        origin: meta.origin,
        ip: meta.ip,
        spam: 1,
        createdAt: now,
      })
      .execute();
    return { id: newId(), contactId: null, dealId: null };
  }
  const values: Record<string, string> = {};
  const errors = [];
  for (const f of fields) {
    const v = text(body[f.name], f.type === 'textarea' ? 10_000 : 500);
    if (f.required && !v) errors.push({ path: f.name, message: 'is required' });
    if (v && f.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))
      errors.push({ path: f.name, message: 'is not an e-mail address' });
    if (v) values[f.name] = v;
  }
  const reach = fields.filter((f) => targetOf(f) === 'contact.email' || targetOf(f) === 'contact.phone');
  if (!reach.some((f) => values[f.name]) && !errors.some((e) => reach.some((f) => f.name === e.path)))
    for (const f of reach) errors.push({ path: f.name, message: 'an e-mail address or a phone number is required' });
  if (errors.length > 0) throw new AppError('validation_failed', 'Please check the form', errors);
  const target = targetOf;
  const contactData: Record<string, string> = {};
  const dealCustom: Record<string, string> = {};
  const notes: string[] = [];
  let companyName = '';
  for (const f of fields) {
    const v = values[f.name];
    if (!v) continue;
    const t = target(f);
    if (t.startsWith('contact.') && !t.includes('customFields')) contactData[t.slice(8)] = v;
    else if (t.startsWith('deal.customFields.')) dealCustom[t.slice(18)] = v;
    else if (t === 'company.name') companyName = v;
    else notes.push(f.type === 'textarea' || t === 'note' ? v : `${f.label}: ${v}`);
  }
  const utm = Object.fromEntries(UTM.map((k) => [k, text(body[k], 200)]).filter(([, v]) => v));
  const source = utm.utm_source ? `web:${utm.utm_source}${utm.utm_campaign ? `/${utm.utm_campaign}` : ''}` : `web:${form.key}`;
  const email = contactData.email?.toLowerCase() || null;
  const phone = contactData.phone || null;
  const phoneNormalized = normalizePhone(phone);
  if (!contactData.firstName && !contactData.lastName && email) Object.assign(contactData, nameFromEmail(email) ?? {});

  const result = await inTransaction(ctx, async (trx, after) => {
    const ownerId = await pickOwner(trx, form);
    let contact = email ? await trx.selectFrom('contacts').selectAll().where('email', '=', email).executeTakeFirst() : undefined;
    if (!contact && phoneNormalized)
      contact = await trx.selectFrom('contacts').selectAll().where('phoneNormalized', '=', phoneNormalized).executeTakeFirst();
    let companyId: string | null = contact?.companyId ?? null;
    if (!companyId && companyName) {
      const existing = await trx.selectFrom('companies').select('id').where('name', '=', companyName).executeTakeFirst();
      companyId = existing?.id ?? newId();
      if (!existing) {
        await trx
          .insertInto('companies')
          .values({
            id: companyId,
            name: companyName,
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
          })
          .execute();
      }
    }
    const contactId = contact?.id ?? newId();
    if (!contact) {
      await trx
        .insertInto('contacts')
        .values({
          id: contactId,
          firstName: contactData.firstName ?? '',
          lastName: contactData.lastName || (contactData.firstName ? '' : (email ?? phone ?? 'Web-Anfrage')),
          email,
          phone,
          phoneNormalized,
          companyId,
          ownerId,
          source,
          street: contactData.street ?? null,
          zip: contactData.zip ?? null,
          city: contactData.city ?? null,
          country: null,
          tags: JSON.stringify(['Web-Anfrage']),
          customFields: '{}',
          externalId: null,
          lastActivityAt: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      await recordChange(trx, {
        entityType: 'contact',
        entityId: contactId,
        userId: null,
        action: 'created',
        changes: [{ field: 'source', from: null, to: source }],
        at: now,
      });
    }
    const pipeline =
      form.pipelineId ??
      (await trx.selectFrom('pipelines').select('id').orderBy('isDefault', 'desc').executeTakeFirstOrThrow()).id;
    const stage = form.stageId
      ? await trx.selectFrom('stages').selectAll().where('id', '=', form.stageId).executeTakeFirstOrThrow()
      : await trx
          .selectFrom('stages')
          .selectAll()
          .where('pipelineId', '=', pipeline)
          .where('kind', '=', 'open')
          .orderBy('position')
          .executeTakeFirstOrThrow();
    const dealId = newId();
    const name =
      `${contactData.firstName ?? ''} ${contactData.lastName ?? ''}`.trim() || contact?.lastName || email || phone || '';
    const deal = {
      id: dealId,
      title: `Anfrage ${name}`.trim(),
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      contactId,
      companyId,
      ownerId: contact?.ownerId ?? ownerId,
      amountCents: 0,
      currency: 'EUR',
      taxRate: 19,
      taxCents: taxOn(0, 19),
      grossCents: 0,
      hasLineItems: 0,
      paidCents: 0,
      paidAt: null,
      expectedCloseDate: null,
      status: stage.kind,
      lostReason: null,
      closedAt: null,
      stageEnteredAt: now,
      source,
      tags: '[]',
      customFields: JSON.stringify(dealCustom),
      externalId: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx.insertInto('deals').values(deal).execute();
    await trx
      .insertInto('dealStageHistory')
      .values({
        id: newId(),
        dealId,
        pipelineId: stage.pipelineId,
        fromStageId: null,
        toStageId: stage.id,
        userId: null,
        at: now,
        secondsInPrevious: null,
      })
      .execute();
    await recordChange(trx, {
      entityType: 'deal',
      entityId: dealId,
      userId: null,
      action: 'created',
      changes: [{ field: 'source', from: null, to: source }],
      at: now,
    });
    if (notes.length > 0) {
      await trx
        .insertInto('activities')
        .values({
          id: newId(),
          type: 'note',
          contactId,
          companyId,
          dealId,
          userId: null,
          body: `Web-Anfrage (${form.name}):\n${notes.join('\n')}`,
          occurredAt: now,
          direction: 'inbound',
          durationSec: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    const submissionId = newId();
    await trx
      .insertInto('formSubmissions')
      .values({
        id: submissionId,
        formId: form.id,
        contactId,
        dealId,
        payload: JSON.stringify({ ...values, ...utm }),
        origin: meta.origin,
        ip: meta.ip,
        spam: 0,
        createdAt: now,
      })
      .execute();
    if (!contact)
      await publish(trx, ctx, after, {
        type: 'contact.created',
        entityType: 'contact',
        entityId: contactId,
        actorId: null,
        at: now,
        data: { ownerId },
      });
    await publishDealChange(trx, ctx, after, null, deal, null);
    await publish(trx, ctx, after, {
      type: 'form.submitted',
      entityType: 'deal',
      entityId: dealId,
      actorId: null,
      at: now,
      data: { formKey: form.key, dealId, contactId, ownerId: deal.ownerId, submissionId },
    });
    return { id: submissionId, contactId, dealId };
  });
  return result;
}

/** The owner of a new lead: a fixed user, or the sales team's members in turn (round robin). */
async function pickOwner(trx: Parameters<Parameters<typeof inTransaction>[1]>[0], form: FormRow): Promise<string | null> {
  const rule = JSON.parse(form.ownerRule) as OwnerRule;
  if (rule.type === 'user') return rule.userId;
  // leads go to the team's managers in turn; the head only when the team has no manager
  const members = (
    await trx
      .selectFrom('users')
      .select('id')
      .where('teamId', '=', rule.teamId)
      .where('active', '=', 1)
      .where('role', '=', 'manager')
      .orderBy('id')
      .execute()
  ).map((m) => m.id);
  if (members.length === 0) {
    const head = await trx.selectFrom('teams').select('headId').where('id', '=', rule.teamId).executeTakeFirst();
    return head?.headId ?? null;
  }
  const last = form.lastAssigneeId ? members.indexOf(form.lastAssigneeId) : -1;
  const next = members[(last + 1) % members.length] as string;
  await trx.updateTable('forms').set({ lastAssigneeId: next }).where('id', '=', form.id).execute();
  return next;
}

/** HTML and a small script to paste into the company's website; works as a plain form post too. */
export function embedSnippet(publicUrl: string, form: ReturnType<typeof presentForm>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const action = `${publicUrl}/api/v1/forms/${encodeURIComponent(form.key)}/submissions`;
  const inputs = form.fields
    .map((f) => {
      const attrs = `name="${esc(f.name)}"${f.required ? ' required' : ''}`;
      const control = f.type === 'textarea' ? `<textarea ${attrs}></textarea>` : `<input type="${esc(f.type)}" ${attrs}>`;
      return `  <label>${esc(f.label)}<br>${control}</label><br>`;
    })
    .join('\n');
  return `<form class="kontor-form" method="post" action="${esc(action)}">
${inputs}
  <div style="position:absolute;left:-9999px" aria-hidden="true"><input type="text" name="${esc(form.honeypot)}" tabindex="-1" autocomplete="off"></div>
  <button type="submit">Absenden</button>
  <p class="kontor-form-result" role="status"></p>
</form>
<script>
(function () {
  var form = document.currentScript.previousElementSibling;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = {}; new FormData(form).forEach(function (v, k) { data[k] = v; });
    new URLSearchParams(location.search).forEach(function (v, k) { if (k.indexOf('utm_') === 0) data[k] = v; });
    fetch(form.action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, b: b }; }); })
      .then(function (res) { form.querySelector('.kontor-form-result').textContent = res.ok ? (res.b.message || 'Danke!') : (res.b.detail || 'Fehler'); if (res.ok) form.reset(); })
      .catch(function () { form.submit(); });
  });
})();
</script>`;
}

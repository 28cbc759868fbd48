import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import type { Role } from '../../db/schema.ts';
import { createActivity } from '../activities/activities.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createContact } from '../contacts/contacts.service.ts';
import { createDeal, updateDeal } from '../deals/deals.service.ts';
import { addLineItem } from '../deals/line-items.ts';
import { createTask } from '../tasks/tasks.service.ts';

const COMPANIES = [
  {
    name: 'Bäckerei Schulze GmbH',
    phone: '030 4455667',
    email: 'info@baeckerei-schulze.example',
    address: { street: 'Brotweg 3', zip: '10115', city: 'Berlin', country: 'DE' },
    tags: ['Gewerbe'],
  },
  {
    name: 'Hausverwaltung Krüger KG',
    phone: '089 7788990',
    email: 'kontakt@krueger-hv.example',
    address: { street: 'Isarring 14', zip: '80805', city: 'München', country: 'DE' },
    tags: ['Gewerbe', 'Stammkunde'],
  },
  {
    name: 'Kita Sonnenschein e. V.',
    phone: '0221 3344556',
    email: 'leitung@kita-sonnenschein.example',
    address: { street: 'Gartenstraße 8', zip: '50667', city: 'Köln', country: 'DE' },
    tags: ['Verein'],
  },
];

const CONTACTS = [
  {
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: 'anna.schmidt@example.de',
    phone: '0171 2345678',
    source: 'Website',
    company: null,
    address: { street: 'Lindenallee 5', zip: '50667', city: 'Köln' },
  },
  {
    firstName: 'Jürgen',
    lastName: 'Wagner',
    email: 'j.wagner@example.de',
    phone: '0160 9876543',
    source: 'Empfehlung',
    company: null,
    address: { street: 'Am Hang 2', zip: '70173', city: 'Stuttgart' },
  },
  {
    firstName: 'Heike',
    lastName: 'Schulze',
    email: 'heike@baeckerei-schulze.example',
    phone: '030 4455668',
    source: 'Telefon',
    company: 0,
    address: {},
  },
  {
    firstName: 'Michael',
    lastName: 'Krüger',
    email: 'm.krueger@krueger-hv.example',
    phone: '089 7788991',
    source: 'Messe',
    company: 1,
    address: {},
  },
  {
    firstName: 'Sandra',
    lastName: 'Yilmaz',
    email: 'leitung@kita-sonnenschein.example',
    phone: '0221 3344557',
    source: 'Website',
    company: 2,
    address: {},
  },
  {
    firstName: 'Klaus',
    lastName: 'Becker',
    email: 'klaus.becker@example.de',
    phone: '0152 1122334',
    source: 'Telefon',
    company: null,
    address: { street: 'Feldweg 11', zip: '01067', city: 'Dresden' },
  },
] as const;

const DEALS = [
  {
    title: 'Fenster Einfamilienhaus Schmidt',
    contact: 0,
    stage: 'offer',
    lines: [
      ['Kunststofffenster 120×140, weiß', 3, 48900],
      ['Montage', 4, 6500],
    ],
  },
  { title: 'Haustür Wagner', contact: 1, stage: 'qualified', lines: [['Aluminium-Haustür RC2', 1, 289000]] },
  { title: 'Schaufenster Bäckerei', contact: 2, stage: 'negotiation', lines: [['Schaufensterverglasung 300×220', 1, 415000]] },
  { title: 'Wohnanlage Isarring – 24 Fenster', contact: 3, stage: 'won', lines: [['Kunststofffenster 100×120', 24, 39900]] },
  { title: 'Kita: Sonnenschutz Gruppenräume', contact: 4, stage: 'new', lines: [] },
  { title: 'Wintergarten Becker', contact: 5, stage: 'lost', lines: [['Wintergarten 4×3 m', 1, 1890000]] },
] as const;

/**
 * The sample company's customer base: companies, contacts, deals across the pipeline with line items,
 * notes and open tasks — made through the same services as the API, so it obeys every rule.
 */
export async function seedDemoRecords(
  ctx: Ctx,
  users: { id: string; role: Role; teamId: string | null }[],
): Promise<{ companies: number; contacts: number; deals: number }> {
  const managers = users.filter((u) => u.role === 'manager');
  if (managers.length === 0 || (await ctx.db.selectFrom('contacts').select('id').executeTakeFirst()))
    return { companies: 0, contacts: 0, deals: 0 };
  const actorFor = (u: { id: string; role: Role; teamId: string | null }): Actor => ({
    userId: u.id,
    role: u.role,
    teamId: u.teamId,
    headOfTeamIds: [],
    via: 'session',
    sessionId: null,
    apiKeyId: null,
  });
  const pipeline = await ctx.db.selectFrom('pipelines').select('id').where('isDefault', '=', 1).executeTakeFirstOrThrow();
  const stages = await ctx.db.selectFrom('stages').select(['id', 'key']).where('pipelineId', '=', pipeline.id).execute();
  const companyIds: string[] = [];
  for (const [i, c] of COMPANIES.entries()) {
    companyIds.push((await createCompany(ctx, actorFor(managers[i % managers.length] as (typeof managers)[0]), c)).id);
  }
  const contacts: { id: string; owner: (typeof managers)[0] }[] = [];
  for (const [i, c] of CONTACTS.entries()) {
    // a contact at a company belongs to whoever owns the company
    const owner = managers[(c.company ?? i) % managers.length] as (typeof managers)[0];
    const created = await createContact(ctx, actorFor(owner), {
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      source: c.source,
      address: c.address,
      companyId: c.company === null ? null : companyIds[c.company],
    });
    contacts.push({ id: created.id, owner });
    await createActivity(ctx, actorFor(owner), {
      type: 'note',
      contactId: created.id,
      body: 'Erstkontakt: Interesse an neuen Fenstern, Rückruf erwünscht.',
    });
  }
  for (const d of DEALS) {
    const { id: contactId, owner } = contacts[d.contact] as (typeof contacts)[0];
    const actor = actorFor(owner);
    const deal = await createDeal(ctx, actor, {
      title: d.title,
      contactId,
      expectedCloseDate: ctx.clock.now().toISOString().slice(0, 10),
    });
    for (const [description, quantity, unitPriceCents] of d.lines)
      await addLineItem(ctx, actor, deal.id, { description, quantity, unitPriceCents, taxRate: 19 });
    if (d.lines.length === 0) await updateDeal(ctx, actor, deal.id, { amountCents: 250000 });
    const stageId = stages.find((s) => s.key === d.stage)?.id;
    if (stageId && d.stage !== 'new')
      await updateDeal(ctx, actor, deal.id, { stageId, ...(d.stage === 'lost' ? { lostReason: 'Zu teuer' } : {}) });
    if (d.stage !== 'won' && d.stage !== 'lost') {
      await createTask(ctx, actor, {
        title: `Nachfassen: ${d.title}`,
        type: 'call',
        dealId: deal.id,
        contactId,
        dueAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString(),
      });
    }
  }
  return { companies: COMPANIES.length, contacts: CONTACTS.length, deals: DEALS.length };
}

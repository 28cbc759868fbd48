import type { Kysely, Transaction } from 'kysely';
import { formatDate, formatMoney, formatNumber } from '../../core/format.ts';
import { totals } from '../../core/money.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { getCompanySettings } from '../settings/company.service.ts';

type Db = Kysely<DB> | Transaction<DB>;

export { formatDate, formatMoney };

export interface DocumentData {
  locale: Locale;
  document: {
    kind: string;
    title: string;
    number: string;
    date: string;
    dateIso: string;
    deliveryDate: string;
    dueDate: string;
    paymentTerms: string;
    correctsNumber: string;
  };
  company: {
    legalName: string;
    street: string;
    zip: string;
    city: string;
    country: string;
    vatId: string;
    taxNumber: string;
    iban: string;
    bic: string;
    bankName: string;
    footer: string;
    paymentTerms: string;
    addressLine: string;
  };
  customer: {
    name: string;
    contactName: string;
    companyName: string;
    street: string;
    zip: string;
    city: string;
    country: string;
    email: string;
    phone: string;
  };
  contact: {
    firstName: string;
    lastName: string;
    name: string;
    email: string;
    phone: string;
    customFields: Record<string, string>;
  };
  deal: {
    title: string;
    amount: string;
    amountCents: number;
    currency: string;
    expectedCloseDate: string;
    customFields: Record<string, string>;
  };
  items: {
    position: number;
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    discount: string;
    taxRate: string;
    net: string;
    netCents: number;
    taxRateValue: number;
  }[];
  totals: {
    net: string;
    tax: string;
    gross: string;
    netCents: number;
    taxCents: number;
    grossCents: number;
    taxes: { rate: string; net: string; tax: string; rateValue: number }[];
    exemptNote: string;
  };
  user: { name: string; email: string };
}

/** Custom field values formatted for print, every defined key present (templates compile strictly). */
async function customFieldsFor(
  db: Db,
  entity: 'contact' | 'deal',
  json: string | null,
  locale: Locale,
): Promise<Record<string, string>> {
  const defs = await db.selectFrom('customFields').select(['key', 'type']).where('entity', '=', entity).execute();
  const values = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const def of defs) {
    const v = values[def.key];
    if (v === undefined || v === null) out[def.key] = '';
    else if (def.type === 'money') out[def.key] = formatMoney(v as number, 'EUR', locale);
    else if (def.type === 'date') out[def.key] = formatDate(v as string, locale);
    else if (def.type === 'datetime')
      out[def.key] = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      }).format(new Date(v as string));
    else if (def.type === 'boolean') out[def.key] = v ? (locale === 'en' ? 'yes' : 'ja') : locale === 'en' ? 'no' : 'nein';
    else if (Array.isArray(v)) out[def.key] = v.join(', ');
    else if (def.type === 'number') out[def.key] = formatNumber(v as number, locale);
    else out[def.key] = String(v);
  }
  return out;
}

/** Everything a document shows, gathered once and frozen into the document (merge fields). */
export async function buildDocumentData(
  db: Db,
  opts: {
    dealId: string;
    userId: string | null;
    kind: string;
    title: string;
    number: string;
    nowIso: string;
    locale: Locale;
    deliveryDate?: string | null;
    sign?: 1 | -1;
    correctsNumber?: string;
  },
): Promise<DocumentData> {
  const { locale } = opts;
  const deal = await db.selectFrom('deals').selectAll().where('id', '=', opts.dealId).executeTakeFirstOrThrow();
  const contact = deal.contactId
    ? await db.selectFrom('contacts').selectAll().where('id', '=', deal.contactId).executeTakeFirst()
    : undefined;
  const companyId = deal.companyId ?? contact?.companyId ?? null;
  const customerCompany = companyId
    ? await db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst()
    : undefined;
  const user = opts.userId
    ? await db.selectFrom('users').select(['name', 'email']).where('id', '=', opts.userId).executeTakeFirst()
    : undefined;
  const own = await getCompanySettings({ db: db as Kysely<DB> });
  const sign = opts.sign ?? 1;
  const lineRows = await db
    .selectFrom('lineItems')
    .selectAll()
    .where('dealId', '=', deal.id)
    .orderBy('position')
    .orderBy('createdAt')
    .execute();
  const lines = lineRows.length
    ? lineRows.map((l) => ({ ...l, unitPriceCents: sign * l.unitPriceCents }))
    : [
        {
          description: deal.title,
          quantity: 1,
          unit: null,
          unitPriceCents: sign * deal.amountCents,
          discountPercent: 0,
          taxRate: deal.taxRate,
        },
      ];
  const t = totals(lines);
  const money = (c: number) => formatMoney(c, deal.currency, locale);
  const pct = (n: number) => `${formatNumber(n, locale)} %`;
  const contactName = contact ? `${contact.firstName} ${contact.lastName}`.trim() : '';
  const addr = customerCompany?.street || customerCompany?.city ? customerCompany : contact;
  const paymentTerms = own.paymentTerms;
  const dueDays = /(\d+)\s*(Tag|day)/i.exec(paymentTerms)?.[1];
  return {
    locale,
    document: {
      kind: opts.kind,
      title: opts.title,
      number: opts.number,
      date: formatDate(opts.nowIso, locale),
      dateIso: opts.nowIso.slice(0, 10),
      deliveryDate: formatDate(opts.deliveryDate ?? null, locale),
      dueDate: dueDays ? formatDate(new Date(Date.parse(opts.nowIso) + Number(dueDays) * 86_400_000).toISOString(), locale) : '',
      paymentTerms,
      correctsNumber: opts.correctsNumber ?? '',
    },
    company: {
      legalName: own.legalName,
      ...own.address,
      vatId: own.vatId,
      taxNumber: own.taxNumber,
      iban: own.iban,
      bic: own.bic,
      bankName: own.bankName,
      footer: own.footer,
      paymentTerms,
      addressLine: [own.legalName, own.address.street, `${own.address.zip} ${own.address.city}`.trim()]
        .filter(Boolean)
        .join(' · '),
    },
    customer: {
      name: customerCompany?.name ?? contactName,
      contactName,
      companyName: customerCompany?.name ?? '',
      street: addr?.street ?? '',
      zip: addr?.zip ?? '',
      city: addr?.city ?? '',
      country: addr?.country ?? '',
      email: contact?.email ?? customerCompany?.email ?? '',
      phone: contact?.phone ?? customerCompany?.phone ?? '',
    },
    contact: {
      firstName: contact?.firstName ?? '',
      lastName: contact?.lastName ?? '',
      name: contactName,
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      customFields: await customFieldsFor(db, 'contact', contact?.customFields ?? null, locale),
    },
    deal: {
      title: deal.title,
      amount: money(sign * deal.amountCents),
      amountCents: sign * deal.amountCents,
      currency: deal.currency,
      expectedCloseDate: formatDate(deal.expectedCloseDate, locale),
      customFields: await customFieldsFor(db, 'deal', deal.customFields, locale),
    },
    items: lines.map((l, i) => {
      const lineNet = totals([l]).netCents;
      return {
        position: i + 1,
        description: l.description,
        quantity: formatNumber(l.quantity, locale),
        unit: l.unit ?? '',
        unitPrice: money(l.unitPriceCents),
        discount: l.discountPercent ? pct(l.discountPercent) : '',
        taxRate: pct(l.taxRate),
        taxRateValue: l.taxRate,
        net: money(lineNet),
        netCents: lineNet,
      };
    }),
    totals: {
      net: money(t.netCents),
      tax: money(t.taxCents),
      gross: money(t.grossCents),
      netCents: t.netCents,
      taxCents: t.taxCents,
      grossCents: t.grossCents,
      taxes: t.taxes.map((x) => ({ rate: pct(x.rate), rateValue: x.rate, net: money(x.netCents), tax: money(x.taxCents) })),
      exemptNote: t.taxes.some((x) => x.rate === 0)
        ? locale === 'en'
          ? 'Tax-exempt supply: no VAT charged on the 0 % items.'
          : 'Für die Positionen mit 0 % wird keine Umsatzsteuer berechnet (steuerfreie Leistung).'
        : '',
    },
    user: { name: user?.name ?? '', email: user?.email ?? '' },
  };
}

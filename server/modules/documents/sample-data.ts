import { totals } from '../../core/money.ts';
import type { Locale } from '../../db/schema.ts';
import { type DocumentData, formatMoney } from './merge-data.ts';

const NO_COMPANY: DocumentData['company'] = {
  legalName: '',
  street: '',
  zip: '',
  city: '',
  country: '',
  vatId: '',
  taxNumber: '',
  iban: '',
  bic: '',
  bankName: '',
  footer: '',
  paymentTerms: '',
  addressLine: '',
};

/** Sample data for the template editor's live preview and the check on save (no number is consumed). */
export function sampleData(
  kind: string,
  title: string,
  locale: Locale,
  company: DocumentData['company'] = NO_COMPANY,
): DocumentData {
  const lines = [
    {
      description: 'Kunststofffenster 120 × 140 cm, weiß, 3-fach verglast',
      quantity: 3,
      unit: 'Stk.',
      unitPriceCents: 48900,
      discountPercent: 10,
      taxRate: 19,
    },
    { description: 'Montage und Abdichtung', quantity: 4.5, unit: 'Std.', unitPriceCents: 6500, discountPercent: 0, taxRate: 19 },
    {
      description: 'Fachbuch „Fenster richtig lüften“',
      quantity: 1,
      unit: 'Stk.',
      unitPriceCents: 1990,
      discountPercent: 0,
      taxRate: 7,
    },
  ];
  const t = totals(lines);
  const money = (c: number) => formatMoney(c, 'EUR', locale);
  const num = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE');
  return {
    locale,
    document: {
      kind,
      title,
      number: 'XX-2026-0000',
      date: '28.11.2026',
      dateIso: '2026-11-28',
      deliveryDate: '25.11.2026',
      dueDate: '12.12.2026',
      paymentTerms: company.paymentTerms,
      correctsNumber: '',
    },
    company: { ...company, legalName: company.legalName || 'Fensterbau Müller GmbH' },
    customer: {
      name: 'Anna Schmidt',
      contactName: 'Anna Schmidt',
      companyName: '',
      street: 'Lindenallee 5',
      zip: '50667',
      city: 'Köln',
      country: 'DE',
      email: 'anna.schmidt@example.de',
      phone: '0221 123456',
    },
    contact: {
      firstName: 'Anna',
      lastName: 'Schmidt',
      name: 'Anna Schmidt',
      email: 'anna.schmidt@example.de',
      phone: '0221 123456',
      customFields: {},
    },
    deal: {
      title: 'Fenster Einfamilienhaus Schmidt',
      amount: money(t.netCents),
      amountCents: t.netCents,
      currency: 'EUR',
      expectedCloseDate: '15.12.2026',
      customFields: { measurements: '3 Fenster 120 × 140 cm, Wohnzimmer Südseite' },
    },
    items: lines.map((l, i) => {
      const net = totals([l]).netCents;
      return {
        position: i + 1,
        description: l.description,
        quantity: num.format(l.quantity),
        unit: l.unit,
        unitPrice: money(l.unitPriceCents),
        discount: l.discountPercent ? `${l.discountPercent} %` : '',
        taxRate: `${l.taxRate} %`,
        taxRateValue: l.taxRate,
        net: money(net),
        netCents: net,
      };
    }),
    totals: {
      net: money(t.netCents),
      tax: money(t.taxCents),
      gross: money(t.grossCents),
      netCents: t.netCents,
      taxCents: t.taxCents,
      grossCents: t.grossCents,
      taxes: t.taxes.map((x) => ({ rate: `${x.rate} %`, rateValue: x.rate, net: money(x.netCents), tax: money(x.taxCents) })),
      exemptNote: '',
    },
    user: { name: 'Thomas Becker', email: 'thomas.becker@example.de' },
  };
}

import { Type } from 'typebox';
import { Id, Stamps, Timestamp } from '../../http/schemas.ts';

const Kind = Type.String({ description: 'offer, order-confirmation, invoice, cancellation, credit-note, delivery-note' });
const Locale = Type.Union([Type.Literal('de'), Type.Literal('en')]);

export const DocumentSchema = Type.Object(
  {
    ...Stamps,
    kind: Kind,
    number: Type.String({ description: 'AN-2026-0001 (offer), AB- (order confirmation), RE- (invoice, gap-free)' }),
    title: Type.String(),
    locale: Locale,
    dealId: Type.Union([Id, Type.Null()]),
    contactId: Type.Union([Id, Type.Null()]),
    companyId: Type.Union([Id, Type.Null()]),
    templateId: Type.Union([Id, Type.Null()]),
    templateVersion: Type.Integer(),
    netCents: Type.Integer(),
    grossCents: Type.Integer(),
    currency: Type.String(),
    status: Type.Union([Type.Literal('issued'), Type.Literal('canceled')]),
    correctsId: Type.Union([Id, Type.Null()], { description: 'The invoice a cancellation corrects' }),
    sentAt: Type.Union([Timestamp, Type.Null()]),
    userId: Type.Union([Id, Type.Null()]),
    size: Type.Integer(),
    sha256: Type.String(),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0dc',
        kind: 'offer',
        number: 'AN-2026-0001',
        title: 'Angebot',
        locale: 'de',
        dealId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        companyId: null,
        templateId: '01jdq3m6e2x7k9v4b8c1n5t0tp',
        templateVersion: 1,
        netCents: 845000,
        grossCents: 1005550,
        currency: 'EUR',
        status: 'issued',
        correctsId: null,
        sentAt: null,
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        size: 31207,
        sha256: '9f2c…',
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);

export const CreateDocumentSchema = Type.Object(
  {
    templateId: Type.Optional(Id),
    kind: Type.Optional(Type.String({ maxLength: 40, description: 'Without templateId: the default template of this kind' })),
    locale: Type.Optional(Locale),
    deliveryDate: Type.Optional(
      Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()], {
        description: 'Date of supply (invoices, §14 UStG)',
      }),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ templateId: '01jdq3m6e2x7k9v4b8c1n5t0tp' }, { kind: 'invoice', deliveryDate: '2026-11-25' }],
  },
);

export const SendDocumentSchema = Type.Object(
  {
    to: Type.Optional(Type.String({ format: 'email' })),
    subject: Type.Optional(Type.String({ maxLength: 300 })),
    message: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false, examples: [{}] },
);

export const TemplateSchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    kind: Kind,
    locale: Locale,
    source: Type.String({
      description: 'Handlebars; lines "# Heading", "[[items]]", "[[totals]]", "[[pagebreak]]"; helpers money and date',
    }),
    isDefault: Type.Boolean(),
    builtinKey: Type.Union([Type.String(), Type.Null()]),
    active: Type.Boolean(),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0tp',
        name: 'Angebot kurz',
        kind: 'offer',
        locale: 'de',
        source:
          'Guten Tag {{contact.name}},\n\nvielen Dank für Ihre Anfrage „{{deal.title}}“. Gern bieten wir Ihnen an:\n\n[[items]]\n[[totals]]\n\nMit freundlichen Grüßen\n{{company.legalName}}\n',
        isDefault: false,
        builtinKey: null,
        active: true,
        createdAt: '2026-11-20T08:00:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 2,
      },
    ],
  },
);

const Source = Type.String({ minLength: 1, maxLength: 100_000 });
export const CreateTemplateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.String({ maxLength: 40 }),
    locale: Type.Optional(Locale),
    source: Source,
  },
  {
    additionalProperties: false,
    examples: [
      { name: 'Angebot kurz', kind: 'offer', locale: 'de', source: 'Guten Tag {{contact.name}},\n\n[[items]]\n[[totals]]' },
    ],
  },
);
export const UpdateTemplateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    source: Type.Optional(Source),
    active: Type.Optional(Type.Boolean()),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ isDefault: true }] },
);
export const PreviewSchema = Type.Object(
  { source: Source, kind: Type.Optional(Type.String({ maxLength: 40 })), locale: Type.Optional(Locale) },
  {
    additionalProperties: false,
    examples: [
      {
        source: '# Angebot {{document.number}}\n\nGuten Tag {{contact.name}},\n\n[[items]]\n[[totals]]',
        kind: 'offer',
        locale: 'de',
      },
    ],
  },
);

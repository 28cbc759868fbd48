/** The merge fields a document template can use (server: documents/merge-data.ts, DocumentData). */
export const MERGE_FIELDS = {
  document: ['title', 'number', 'date', 'deliveryDate', 'dueDate', 'paymentTerms', 'correctsNumber'],
  company: [
    'legalName',
    'street',
    'zip',
    'city',
    'country',
    'vatId',
    'taxNumber',
    'iban',
    'bic',
    'bankName',
    'footer',
    'paymentTerms',
    'addressLine',
  ],
  customer: ['name', 'contactName', 'companyName', 'street', 'zip', 'city', 'country', 'email', 'phone'],
  contact: ['firstName', 'lastName', 'name', 'email', 'phone'],
  deal: ['title', 'amount', 'currency', 'expectedCloseDate'],
  items: ['position', 'description', 'quantity', 'unit', 'unitPrice', 'discount', 'taxRate', 'net'],
  totals: ['net', 'tax', 'gross', 'exemptNote'],
  user: ['name', 'email'],
} as const;

export type MergeGroup = keyof typeof MERGE_FIELDS;

/** Lines of the source that the PDF layout draws itself. */
export const LAYOUT_LINES = [
  { line: '# …', key: 'heading' },
  { line: '## …', key: 'subheading' },
  { line: '[[items]]', key: 'items' },
  { line: '[[totals]]', key: 'totals' },
  { line: '[[pagebreak]]', key: 'pagebreak' },
] as const;

export const EXAMPLES = [
  '{{#if contact.lastName}}Guten Tag {{contact.name}},{{else}}Sehr geehrte Damen und Herren,{{/if}}',
  '{{#each items}}{{position}}. {{description}}{{/each}}',
  '{{#each totals.taxes}}{{rate}}: {{tax}}{{/each}}',
  '{{money deal.amountCents deal.currency}} · {{date document.dateIso}}',
] as const;

import { foldName } from '../../core/similarity.ts';
import type { CustomFieldRow } from '../../db/schema.ts';
import { AppError, type FieldError } from '../../http/errors.ts';

export type ImportEntity = 'contact' | 'company' | 'deal';

const COMMON = ['email', 'phone', 'ownerId', 'ownerEmail', 'tags', 'street', 'zip', 'city', 'country', 'externalId'] as const;

/** The fields a file column can be mapped to, per entity (besides customFields.<key>). */
export const TARGETS = {
  contact: ['firstName', 'lastName', 'companyId', 'company', 'source', ...COMMON],
  company: ['name', 'website', ...COMMON],
  // pipeline and stage take an id or a name; amount is written as people write it ("1.234,50"), amountCents in cents
  deal: [
    'title',
    'pipeline',
    'stage',
    'amount',
    'amountCents',
    'currency',
    'taxRate',
    'expectedCloseDate',
    'ownerId',
    'ownerEmail',
    'contactId',
    'contactEmail',
    'contactExternalId',
    'companyId',
    'company',
    'source',
    'tags',
    'lostReason',
    'externalId',
  ],
} as const satisfies Record<ImportEntity, readonly string[]>;

export type StandardField = (typeof TARGETS)[ImportEntity][number];

/** A validated mapping: where each field's value is in a row, and which header it came from (for messages). */
export interface ResolvedMapping {
  fields: Map<StandardField, { index: number; header: string }>;
  custom: { def: CustomFieldRow; index: number; header: string }[];
}

const CUSTOM = /^customFields\.([a-zA-Z][a-zA-Z0-9_]{0,39})$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const EXCLUSIVE: [StandardField, StandardField][] = [
  ['ownerId', 'ownerEmail'],
  ['companyId', 'company'],
  ['amountCents', 'amount'],
  ['contactId', 'contactEmail'],
  ['contactId', 'contactExternalId'],
  ['contactEmail', 'contactExternalId'],
];

function fail(errors: FieldError[]): never {
  throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}

/**
 * Checks a mapping (file column header → field) against the entity's fields and custom fields, and,
 * when the file's headers are known, that every mapped header is a column of the file.
 * Empty targets leave a column out. Errors name `mapping.<header>`.
 */
export function resolveMapping(
  entity: ImportEntity,
  mode: 'create' | 'upsert',
  raw: unknown,
  defs: CustomFieldRow[],
  headers?: string[],
): ResolvedMapping {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    fail([{ path: 'mapping', message: 'must be a JSON object from column header to field' }]);
  }
  const allowed = new Set<string>(TARGETS[entity]);
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const resolved: ResolvedMapping = { fields: new Map(), custom: [] };
  const used = new Map<string, string>();
  for (const [header, target] of Object.entries(raw as Record<string, unknown>)) {
    const path = `mapping.${header}`;
    if (RESERVED.has(header)) errors.push({ path, message: 'is not an allowed column name' });
    if (target === null || target === '') continue;
    if (typeof target !== 'string') {
      errors.push({ path, message: 'must be a field name' });
      continue;
    }
    const custom = CUSTOM.exec(target);
    const def = custom ? byKey.get(custom[1] as string) : undefined;
    if (!allowed.has(target) && !def) {
      const hint = custom
        ? 'is not a defined custom field'
        : `is not a field of a ${entity}; use one of ${[...allowed].join(', ')} or customFields.<key>`;
      errors.push({ path, message: `"${target}" ${hint}` });
      continue;
    }
    if (used.has(target)) {
      errors.push({ path, message: `"${target}" is already mapped from "${used.get(target)}"` });
      continue;
    }
    used.set(target, header);
    const index = headers ? headers.indexOf(header) : -1;
    if (headers && index < 0) {
      errors.push({ path, message: 'is not a column of the file' });
      continue;
    }
    if (def) resolved.custom.push({ def, index, header });
    else resolved.fields.set(target as StandardField, { index, header });
  }
  for (const [a, b] of EXCLUSIVE) {
    if (used.has(a) && used.has(b)) errors.push({ path: `mapping.${used.get(b)}`, message: `map either ${a} or ${b}, not both` });
  }
  if (errors.length === 0) errors.push(...requiredTargets(entity, mode, used));
  if (errors.length > 0) fail(errors);
  return resolved;
}

function requiredTargets(entity: ImportEntity, mode: 'create' | 'upsert', used: Map<string, string>): FieldError[] {
  if (entity === 'contact') {
    if (mode === 'upsert' && !used.has('externalId') && !used.has('email')) {
      return [{ path: 'mapping', message: 'upsert needs a column mapped to externalId or email to find existing contacts' }];
    }
    if (!used.has('firstName') && !used.has('lastName')) {
      return [{ path: 'mapping', message: 'map a column to firstName or lastName' }];
    }
    return [];
  }
  if (entity === 'deal') {
    // a deal has no e-mail or name to be recognised by: an upsert finds deals by their external id only
    if (mode === 'upsert' && !used.has('externalId')) {
      return [{ path: 'mapping', message: 'upsert needs a column mapped to externalId to find existing deals' }];
    }
    if (mode === 'create' && !used.has('title')) return [{ path: 'mapping', message: 'map a column to title' }];
    return [];
  }
  if (!used.has('name')) return [{ path: 'mapping', message: 'map a column to name' }];
  return [];
}

const norm = (text: string) => foldName(text).replace(/ /g, '');

const WORDS: Record<string, string[]> = {
  firstName: ['vorname', 'firstname', 'first', 'givenname', 'rufname'],
  lastName: ['nachname', 'lastname', 'last', 'surname', 'familienname', 'zuname', 'name'],
  name: ['name', 'firma', 'firmenname', 'unternehmen', 'company', 'companyname', 'organisation', 'organization'],
  email: ['email', 'mail', 'emailadresse', 'emailaddress', 'mailadresse'],
  phone: ['telefon', 'tel', 'telefonnummer', 'phone', 'phonenumber', 'telephone', 'mobil', 'mobile', 'mobilnummer', 'handy'],
  company: ['firma', 'firmenname', 'unternehmen', 'company', 'companyname', 'organisation', 'organization', 'arbeitgeber'],
  companyId: ['companyid', 'firmaid', 'firmenid'],
  ownerId: ['ownerid', 'inhaberid'],
  ownerEmail: ['owneremail', 'inhaberemail', 'betreueremail'],
  source: ['quelle', 'source', 'herkunft', 'leadquelle', 'leadsource'],
  tags: ['tags', 'tag', 'schlagworte', 'schlagworter', 'stichworte', 'stichworter', 'labels'],
  website: ['website', 'webseite', 'homepage', 'internet', 'internetseite', 'url', 'web'],
  street: ['strasse', 'street', 'strassehausnummer', 'strasseundhausnummer', 'strassenr', 'adresse', 'anschrift', 'address'],
  zip: ['plz', 'zip', 'zipcode', 'postleitzahl', 'postalcode', 'postcode'],
  city: ['ort', 'stadt', 'city', 'town', 'wohnort'],
  country: ['land', 'country', 'staat'],
  externalId: ['externeid', 'externalid', 'kundennummer', 'kundennr', 'customernumber', 'customerid'],
};

/**
 * Words that mean something else in a deal file: there "Kundennummer" and "E-Mail" belong to the
 * deal's contact, "Name" is the deal's title, and the deal's own number is its external id.
 */
const DEAL_WORDS: Record<string, string[]> = {
  title: [
    'titel',
    'title',
    'name',
    'dealname',
    'dealtitel',
    'dealtitle',
    'bezeichnung',
    'betreff',
    'auftrag',
    'vorgang',
    'projekt',
  ],
  pipeline: ['pipeline', 'pipelinename', 'pipelineid', 'vertriebspipeline', 'salespipeline'],
  stage: ['phase', 'stage', 'stufe', 'dealphase', 'vertriebsphase', 'verkaufsphase', 'stageid', 'phaseid', 'stagename'],
  amount: [
    'betrag',
    'amount',
    'betragnetto',
    'nettobetrag',
    'netto',
    'amountnet',
    'netamount',
    'wert',
    'auftragswert',
    'dealwert',
    'value',
    'volumen',
  ],
  amountCents: ['amountcents', 'betragcent', 'betragincent', 'cents'],
  currency: ['wahrung', 'currency', 'wahrungscode', 'currencycode'],
  taxRate: ['steuersatz', 'taxrate', 'mwstsatz', 'ustsatz', 'vatrate', 'mehrwertsteuersatz', 'umsatzsteuersatz'],
  expectedCloseDate: [
    'abschluss',
    'abschlussdatum',
    'erwarteterabschluss',
    'geplanterabschluss',
    'closedate',
    'closingdate',
    'expectedclose',
    'expectedclosedate',
    'zieldatum',
  ],
  ownerId: ['ownerid', 'inhaberid', 'verantwortlichid'],
  // exports write the owner's name under Inhaber/Owner: the ownerEmail column takes names too
  ownerEmail: [
    'verantwortlich',
    'verantwortlicher',
    'verantwortlichemail',
    'inhaber',
    'owner',
    'owneremail',
    'inhaberemail',
    'betreueremail',
  ],
  contactId: ['contactid', 'kontaktid'],
  contactEmail: ['kontaktemail', 'contactemail', 'email', 'mail', 'emailadresse', 'emailaddress', 'kundenemail', 'customeremail'],
  contactExternalId: [
    'kontaktexterneid',
    'contactexternalid',
    'kundennummer',
    'kundennr',
    'kontaktnummer',
    'customernumber',
    'customerid',
  ],
  lostReason: ['verlustgrund', 'lostreason', 'absagegrund'],
  externalId: [
    'externeid',
    'externalid',
    'auftragsnummer',
    'auftragsnr',
    'vorgangsnummer',
    'angebotsnummer',
    'dealnumber',
    'ordernumber',
  ],
};

const wordsOf = (entity: ImportEntity, field: string): string[] =>
  (entity === 'deal' ? DEAL_WORDS[field] : undefined) ?? WORDS[field] ?? [];

/** A mapping guessed from the headers (German and English names, custom fields by label or key); unknown headers are left out. */
export function suggestMapping(entity: ImportEntity, headers: string[], defs: CustomFieldRow[]): Record<string, string> {
  const lookup = new Map<string, string>();
  for (const field of TARGETS[entity]) for (const word of wordsOf(entity, field)) if (!lookup.has(word)) lookup.set(word, field);
  for (const def of defs) {
    for (const word of [norm(def.label), norm(def.key)])
      if (word && !lookup.has(word)) lookup.set(word, `customFields.${def.key}`);
  }
  const out: Record<string, string> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = lookup.get(norm(header));
    if (field && !taken.has(field)) {
      taken.add(field);
      out[header] = field;
    }
  }
  return out;
}

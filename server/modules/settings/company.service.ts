import type { Kysely, Transaction } from 'kysely';
import { type Actor, isAdmin } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import type { CompanySettings, UpdateCompanySettings } from './company.schemas.ts';
import { getSetting, putSetting } from './settings.repository.ts';

const KEY = 'company';
type Stored = Omit<CompanySettings, 'updatedAt' | 'version'>;

const EMPTY: Stored = {
  legalName: '',
  address: { street: '', zip: '', city: '', country: 'DE' },
  vatId: '',
  taxNumber: '',
  iban: '',
  bic: '',
  bankName: '',
  footer: '',
  paymentTerms: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
};

export async function getCompanySettings(ctx: Pick<Ctx, 'db'>): Promise<CompanySettings> {
  const stored = await getSetting<Partial<Stored>>(ctx.db, KEY);
  return {
    ...EMPTY,
    ...stored?.value,
    address: { ...EMPTY.address, ...stored?.value.address },
    updatedAt: stored?.updatedAt ?? new Date(0).toISOString(),
    version: stored?.version ?? 1,
  };
}

/** Writes the company's own data (admin only); used at setup and by documents. */
export async function saveCompanySettings(
  db: Kysely<DB> | Transaction<DB>,
  changes: UpdateCompanySettings,
  now: string,
  expectedVersion?: number,
): Promise<boolean> {
  const stored = await getSetting<Partial<Stored>>(db, KEY);
  if (expectedVersion !== undefined && expectedVersion !== (stored?.version ?? 1)) return false;
  const base: Stored = { ...EMPTY, ...stored?.value, address: { ...EMPTY.address, ...stored?.value.address } };
  const next: Stored = { ...base, ...changes, address: { ...base.address, ...changes.address } };
  return putSetting(db, KEY, next, now, stored?.version);
}

export async function updateCompanySettings(
  ctx: Ctx,
  actor: Actor,
  changes: UpdateCompanySettings,
  expectedVersion?: number,
): Promise<CompanySettings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change the company settings');
  const ok = await saveCompanySettings(ctx.db, changes, isoNow(ctx.clock), expectedVersion);
  if (!ok) throw versionMismatch((await getCompanySettings(ctx)).version);
  return getCompanySettings(ctx);
}

/** Column helpers shared by the customer records (contacts, companies): address, tags, custom fields. */

export interface AddressColumns {
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
}

export interface Address extends AddressColumns {}

export function addressOf(row: AddressColumns): Address {
  return { street: row.street, zip: row.zip, city: row.city, country: row.country };
}

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

/** Address input (partial) to columns; only the given parts change. Country codes are upper-cased. */
export function addressColumns(input: Partial<Address> | undefined): Partial<AddressColumns> {
  if (!input) return {};
  const out: Partial<AddressColumns> = {};
  for (const key of ['street', 'zip', 'city'] as const) {
    const value = blank(input[key]);
    if (value !== undefined) out[key] = value;
  }
  const country = blank(input.country);
  if (country !== undefined) out.country = country?.toUpperCase() ?? null;
  return out;
}

export function parseTags(json: string): string[] {
  return JSON.parse(json) as string[];
}

/** Trimmed, de-duplicated tags (case-insensitive), order kept. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const t = tag.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

export function parseCustom(json: string): Record<string, unknown> {
  return JSON.parse(json) as Record<string, unknown>;
}

/** Empty strings become null; undefined stays undefined (not given). */
export function optionalText(value: string | null | undefined): string | null | undefined {
  return blank(value);
}

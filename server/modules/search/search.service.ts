import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { displayName } from '../contacts/contacts.service.ts';
import { ftsQuery } from './fts.ts';
import * as repo from './search.repository.ts';
import type { SearchHit } from './search.schemas.ts';

const KINDS: repo.SearchKind[] = ['contact', 'company', 'deal'];

/** Global search across the records the actor may see: prefix and word matches, phone numbers in any notation, notes. */
export async function search(ctx: Ctx, actor: Actor, q: string, limit: number, type?: string): Promise<SearchHit[]> {
  const match = ftsQuery(q);
  if (!match) return [];
  const kinds = type ? KINDS.filter((k) => k === type) : KINDS;
  const hits = await repo.searchIndex(ctx.db, actor, match, kinds, limit);
  const contacts = new Map(
    (
      await repo.contactTitles(
        ctx.db,
        hits.filter((h) => h.kind === 'contact').map((h) => h.id),
      )
    ).map((c) => [c.id, c]),
  );
  const companies = new Map(
    (
      await repo.companyTitles(
        ctx.db,
        hits.filter((h) => h.kind === 'company').map((h) => h.id),
      )
    ).map((c) => [c.id, c]),
  );
  const deals = new Map(
    (
      await repo.dealTitles(
        ctx.db,
        hits.filter((h) => h.kind === 'deal').map((h) => h.id),
      )
    ).map((d) => [d.id, d]),
  );
  const out: SearchHit[] = [];
  for (const hit of hits) {
    if (hit.kind === 'contact') {
      const c = contacts.get(hit.id);
      if (c)
        out.push({ type: 'contact', id: c.id, title: displayName(c), subtitle: c.companyName ?? c.email ?? c.phone ?? null });
    } else if (hit.kind === 'company') {
      const c = companies.get(hit.id);
      if (c) out.push({ type: 'company', id: c.id, title: c.name, subtitle: c.city ?? c.email ?? null });
    } else {
      const d = deals.get(hit.id);
      const person = d && `${d.firstName ?? ''} ${d.lastName ?? ''}`.trim();
      if (d)
        out.push({ type: 'deal', id: d.id, title: d.title, subtitle: [person, d.stageName].filter(Boolean).join(' · ') || null });
    }
  }
  return out;
}

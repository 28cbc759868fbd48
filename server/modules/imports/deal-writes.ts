import { newId } from '../../core/ids.ts';
import type { DealRow, DealStageHistoryTable } from '../../db/schema.ts';
import { dealMoney } from '../deals/deal-totals.ts';
import { updateDeal } from '../deals/deals.repository.ts';
import { type Db, insertDeals, insertStageChanges } from './import-records.repository.ts';

/** A change a deal row makes to an existing deal. */
export interface Update {
  id: string;
  changes: Partial<DealRow>;
  /** The stage the deal leaves and since when it was there, when the row moves it. */
  move: { fromStageId: string; enteredAt: string } | null;
}

/**
 * Writes a chunk's deals as POST and PATCH /deals do: the row with its money (dealMoney, as
 * recomputeDealMoney computes it) and its stage history; the report tables and the search index follow
 * by trigger. New rows and history go in multi-row statements: every statement on deals runs its triggers.
 */
export async function writeDeals(db: Db, userId: string, inserts: DealRow[], updates: Update[], now: string): Promise<void> {
  const history: DealStageHistoryTable[] = inserts.map((row) => ({
    id: newId(),
    dealId: row.id,
    pipelineId: row.pipelineId,
    fromStageId: null,
    toStageId: row.stageId,
    userId,
    at: now,
    secondsInPrevious: null,
  }));
  // a new deal has no line items or payments yet: its money follows from amount and tax rate alone
  await insertDeals(
    db,
    inserts.map((row) => ({ ...row, ...dealMoney(row, [], 0, now) })),
  );
  for (const u of updates) {
    const row = (await updateDeal(db, u.id, u.changes, now)) as DealRow;
    if (u.move) {
      history.push({
        id: newId(),
        dealId: u.id,
        pipelineId: row.pipelineId,
        fromStageId: u.move.fromStageId,
        toStageId: row.stageId,
        userId,
        at: now,
        secondsInPrevious: Math.max(0, Math.round((Date.parse(now) - Date.parse(u.move.enteredAt)) / 1000)),
      });
    }
  }
  await insertStageChanges(db, history);
}

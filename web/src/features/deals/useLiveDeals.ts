import { useQueryClient } from '@tanstack/react-query';
import { dealsKey } from '../../api/deals.ts';
import { useServerEvents } from '../../api/events.ts';

const DEAL_EVENTS = [
  'deal.created',
  'deal.updated',
  'deal.deleted',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.paid',
  // cards show contact and company names
  'contact.updated',
  'company.updated',
] as const;

/**
 * Keeps boards, lists and open deals current while others change deals: every deal event refreshes the
 * cached deal queries (only those on screen refetch), and the deal's timeline.
 */
export function useLiveDeals(): void {
  const qc = useQueryClient();
  useServerEvents(
    DEAL_EVENTS,
    (event) => {
      void qc.invalidateQueries({ queryKey: dealsKey });
      if (event.entityType === 'deal') void qc.invalidateQueries({ queryKey: ['timeline', 'deal', event.entityId] });
    },
    () => void qc.invalidateQueries({ queryKey: dealsKey }),
  );
}

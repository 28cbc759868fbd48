import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntityFields } from '../../api/customFields.ts';

const LABEL_KEYS = {
  title: 'deals.fields.title',
  pipelineId: 'deals.fields.pipeline',
  stageId: 'deals.fields.stage',
  amountCents: 'deals.fields.amount',
  expectedCloseDate: 'deals.fields.expectedCloseDate',
  contactId: 'deals.fields.contact',
  companyId: 'deals.fields.company',
  ownerId: 'deals.fields.owner',
  lineItems: 'deals.fields.lineItems',
  source: 'deals.fields.source',
  tags: 'deals.fields.tags',
  taxRate: 'deals.fields.taxRate',
  lostReason: 'deals.fields.lostReason',
} as const;

/** The label of a deal field as the API names it (amountCents, contactId, customFields.visitAt …). */
export function useDealFieldLabel(): (path: string) => string {
  const { t } = useTranslation();
  const custom = useEntityFields('deal');
  return useCallback(
    (path: string) => {
      if (path in LABEL_KEYS) return t(LABEL_KEYS[path as keyof typeof LABEL_KEYS]);
      if (path.startsWith('customFields.')) {
        const key = path.slice('customFields.'.length);
        return custom.find((field) => field.key === key)?.label ?? key;
      }
      return path;
    },
    [t, custom],
  );
}

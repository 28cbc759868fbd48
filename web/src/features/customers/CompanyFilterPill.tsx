import { Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomer } from '../../api/customers.ts';

/** The contacts of one company (from its card's "show in list"), as a pill that removes the filter. */
export function CompanyFilterPill({ companyId, onRemove }: { companyId: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const company = useCustomer('company', companyId);
  const name = company.data?.name ?? '…';
  return (
    <Pill
      size="md"
      withRemoveButton
      onRemove={onRemove}
      removeButtonProps={{ 'aria-label': t('customers.removeFilter', { filter: t('contacts.company') }) }}
      data-filter="companyId"
    >
      {t('contacts.company')}: {name}
    </Pill>
  );
}

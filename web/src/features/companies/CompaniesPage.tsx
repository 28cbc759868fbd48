import { IconBuildingCommunity } from '@tabler/icons-react';
import { CustomerListPage } from '../customers/CustomerListPage.tsx';
import { CompaniesTable } from './CompaniesTable.tsx';
import { CompanyFormModal } from './CompanyFormModal.tsx';

export function CompaniesPage() {
  return (
    <CustomerListPage
      entity="company"
      icon={<IconBuildingCommunity />}
      table={({ rows, ...props }) => <CompaniesTable companies={rows} {...props} />}
      createModal={(opened, onClose) => <CompanyFormModal opened={opened} company={null} onClose={onClose} />}
    />
  );
}

import { createBrowserRouter } from 'react-router';
import { ApiKeysPage } from './features/api-keys/ApiKeysPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RequireAdmin } from './features/auth/RequireAdmin.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { automationRoutes } from './features/automation/routes.tsx';
import { BackupsPage } from './features/backups/BackupsPage.tsx';
import { CalendarPage } from './features/calendar/CalendarPage.tsx';
import { CompaniesPage } from './features/companies/CompaniesPage.tsx';
import { CompanyPage } from './features/companies/CompanyPage.tsx';
import { ContactPage } from './features/contacts/ContactPage.tsx';
import { ContactsPage } from './features/contacts/ContactsPage.tsx';
import { CustomFieldsPage } from './features/custom-fields/CustomFieldsPage.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { DealsPage } from './features/deals/DealsPage.tsx';
import { DealDetailPage } from './features/deals/detail/DealDetailPage.tsx';
import { TemplateEditorPage } from './features/documents/TemplateEditorPage.tsx';
import { TemplatesPage } from './features/documents/TemplatesPage.tsx';
import { ImportPage } from './features/imports/ImportPage.tsx';
import { AppLayout } from './features/layout/AppLayout.tsx';
import { NotFoundPage } from './features/layout/NotFoundPage.tsx';
import { RouteError } from './features/layout/RouteError.tsx';
import { PipelineEditorPage } from './features/pipelines/PipelineEditorPage.tsx';
import { PipelinesPage } from './features/pipelines/PipelinesPage.tsx';
import { ProductsPage } from './features/products/ProductsPage.tsx';
import { ProfilePage } from './features/profile/ProfilePage.tsx';
import { ReportsPage } from './features/reports/ReportsPage.tsx';
import { CompanySettingsPage } from './features/settings/CompanySettingsPage.tsx';
import { SetupPage } from './features/setup/SetupPage.tsx';
import { TaskPage } from './features/tasks/TaskPage.tsx';
import { TasksPage } from './features/tasks/TasksPage.tsx';
import { TeamsPage } from './features/teams/TeamsPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';
import { WorkSettingsPage } from './features/work-settings/WorkSettingsPage.tsx';

export const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage />, errorElement: <RouteError /> },
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'api-keys', element: <ApiKeysPage /> },
              { path: 'contacts', element: <ContactsPage /> },
              { path: 'contacts/import', element: <ImportPage key="contact" entity="contact" /> },
              { path: 'contacts/:id', element: <ContactPage /> },
              { path: 'companies', element: <CompaniesPage /> },
              { path: 'companies/import', element: <ImportPage key="company" entity="company" /> },
              { path: 'companies/:id', element: <CompanyPage /> },
              { path: 'deals', element: <DealsPage /> },
              { path: 'deals/import', element: <ImportPage key="deal" entity="deal" /> },
              { path: 'deals/:id', element: <DealDetailPage /> },
              { path: 'tasks', element: <TasksPage /> },
              { path: 'tasks/:id', element: <TaskPage /> },
              { path: 'calendar', element: <CalendarPage /> },
              { path: 'reports', element: <ReportsPage /> },
              // Everyone may read the catalogue; administrators and heads edit it.
              { path: 'admin/products', element: <ProductsPage /> },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  { path: 'users', element: <UsersPage /> },
                  { path: 'teams', element: <TeamsPage /> },
                  { path: 'company', element: <CompanySettingsPage /> },
                  { path: 'document-templates', element: <TemplatesPage /> },
                  { path: 'document-templates/:id', element: <TemplateEditorPage /> },
                  { path: 'custom-fields', element: <CustomFieldsPage /> },
                  { path: 'work', element: <WorkSettingsPage /> },
                  { path: 'pipelines', element: <PipelinesPage /> },
                  { path: 'pipelines/:id', element: <PipelineEditorPage /> },
                  { path: 'backups', element: <BackupsPage /> },
                  ...automationRoutes,
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

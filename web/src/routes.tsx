import { createBrowserRouter } from 'react-router';
import { ApiKeysPage } from './features/api-keys/ApiKeysPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RequireAdmin } from './features/auth/RequireAdmin.tsx';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { DashboardPage } from './features/dashboard/DashboardPage.tsx';
import { AppLayout } from './features/layout/AppLayout.tsx';
import { NotFoundPage } from './features/layout/NotFoundPage.tsx';
import { RouteError } from './features/layout/RouteError.tsx';
import { ProfilePage } from './features/profile/ProfilePage.tsx';
import { CompanySettingsPage } from './features/settings/CompanySettingsPage.tsx';
import { SetupPage } from './features/setup/SetupPage.tsx';
import { TeamsPage } from './features/teams/TeamsPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';

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
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  { path: 'users', element: <UsersPage /> },
                  { path: 'teams', element: <TeamsPage /> },
                  { path: 'company', element: <CompanySettingsPage /> },
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

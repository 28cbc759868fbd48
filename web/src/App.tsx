import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { meKey } from './api/auth.ts';
import { onUnauthorized } from './api/client.ts';
import { queryClient } from './api/queryClient.ts';
import { router } from './routes.tsx';
import { theme } from './theme.ts';

/** When a request finds the session gone, forget the user; the auth guard then shows the login. */
function SessionExpiry() {
  const { t } = useTranslation();
  useEffect(() => {
    onUnauthorized(() => {
      if (!queryClient.getQueryData(meKey)) return;
      queryClient.setQueryData(meKey, null);
      notifications.show({ id: 'session-expired', color: 'yellow', message: t('auth.sessionExpired') });
    });
    return () => onUnauthorized(null);
  }, [t]);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" limit={4} />
        <SessionExpiry />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useSetupState } from '../../api/setup.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { CenteredCard } from './CenteredCard.tsx';

/** The authenticated part of the app: without a session it leads to setup (fresh instance) or login. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  const setup = useSetupState(me.data === null);
  const locale = me.data?.locale;

  // After login the UI follows the user's saved language.
  useEffect(() => {
    if (locale) setLanguage(locale);
  }, [locale]);

  if (me.isPending) return <LoadingState fullScreen />;
  if (me.isError) {
    return (
      <CenteredCard>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </CenteredCard>
    );
  }
  if (me.data) return <Outlet />;
  if (setup.isPending) return <LoadingState fullScreen />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  const from = `${location.pathname}${location.search}`;
  return <Navigate to="/login" replace state={from === '/' ? undefined : { from }} />;
}

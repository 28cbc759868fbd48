import { Outlet } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import { ForbiddenPage } from '../layout/ForbiddenPage.tsx';

/** Admin-only pages; the server enforces the same, this only spares others a page of errors. */
export function RequireAdmin() {
  const user = useCurrentUser();
  return user.role === 'admin' ? <Outlet /> : <ForbiddenPage />;
}

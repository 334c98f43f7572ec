'use client';

import { SessionMenu } from '@/components/session-menu';
import { useSession } from './use-session';

/** The header's session menu, fed by the session query. */
export function SignedInMenu() {
  const { session, signOut } = useSession();
  return session ? (
    <SessionMenu
      name={session.name}
      role={session.role}
      admin={session.capabilities.includes('admin')}
      onSignOut={signOut}
    />
  ) : null;
}

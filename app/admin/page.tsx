import type { Metadata } from 'next';
import { AdminClient } from './admin-client';

export const metadata: Metadata = { title: 'Users and tokens · confwatch' };

/** `/admin`: the local users and API tokens, read-only (admins only). */
export default function AdminPage() {
  return <AdminClient />;
}

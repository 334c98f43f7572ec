import type { Metadata } from 'next';
import { AuditClient } from './audit-client';

export const metadata: Metadata = { title: 'Audit log · confwatch' };

/** `/admin/audit`: who signed in, changed users or tokens, acknowledged, or was refused (admins only). */
export default function AuditPage() {
  return <AuditClient />;
}

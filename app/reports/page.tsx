import { Suspense } from 'react';
import { AppHeader } from '@/components/app-header';
import { ReportsClient } from './reports-client';

/** `/reports`: the managers' daily multi-party usage reports (the data comes in the browser). */
export default function ReportsPage() {
  return (
    <Suspense
      fallback={
        <div style={{ padding: '0.75rem 1rem' }}>
          <AppHeader title="Reports" />
          <p>Loading the reports…</p>
        </div>
      }
    >
      <ReportsClient />
    </Suspense>
  );
}

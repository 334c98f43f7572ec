import { Suspense } from 'react';
import { AppHeader } from '@/components/app-header';
import { BoardClient } from './board-client';

/** `/`: the live board. The board lives in the browser (socket), so the server sends the shell. */
export default function BoardPage() {
  return (
    <Suspense
      fallback={
        <div style={{ padding: '0.75rem 1rem' }}>
          <AppHeader brandHeading title="Live board" />
          <p>Loading the live board…</p>
        </div>
      }
    >
      <BoardClient />
    </Suspense>
  );
}

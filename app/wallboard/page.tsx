import { Suspense } from 'react';
import { WallboardClient } from './wallboard-client';

/**
 * `/wallboard`: the room's big screen. Everything it shows comes from the URL (a bookmark per
 * screen), the socket and the sidecar's history; the server sends the shell.
 */
export default function WallboardPage() {
  return (
    <Suspense fallback={<p style={{ padding: '2rem', fontSize: '2rem' }}>Loading the wallboard…</p>}>
      <WallboardClient />
    </Suspense>
  );
}

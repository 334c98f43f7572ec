'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { applyStoredTheme } from './_live/theme-script';

/**
 * One query client per page load. Structural sharing is off: the live board is written by the
 * shared reducer, which already keeps unchanged conferences identical, and a deep compare of 500
 * conferences on every patch would cost more than it saves.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { structuralSharing: false, refetchOnWindowFocus: false } },
      }),
  );
  // Before the first paint of a page drawn in the browser (where the inline theme script never ran).
  useLayoutEffect(applyStoredTheme, []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

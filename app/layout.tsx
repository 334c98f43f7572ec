import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from './_live/theme-script';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'confwatch',
  description: 'Live supervisor dashboard for Amazon Connect multi-party calls',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

/**
 * Every page is rendered per request: its scripts carry the nonce of that response's
 * Content-Security-Policy (set by the web process), so no inline script runs without one.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Sets data-theme before the first paint: the remembered theme, else the OS one. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

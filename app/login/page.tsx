import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoginClient } from './login-client';

export const metadata: Metadata = { title: 'Sign in · confwatch' };

/** `/login`: sign in with a user name and password, or single sign-on when it is set up. */
export default function LoginPage() {
  return (
    <Suspense>
      <LoginClient />
    </Suspense>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { PasswordChangeForm } from '@/components/password-change-form';
import { SignInForm } from '@/components/sign-in-form';
import { SessionInfoSchema, SignInMethodsSchema } from '@/lib/realtime';
import { safeNextPath } from '@/lib/sign-in/next-path';
import styles from './login.module.css';

const ERRORS: Record<string, string> = {
  token: 'That link’s token is not valid (any more). Ask for a new one, or sign in.',
  oidc: 'Single sign-on did not work. Try again, or sign in with a user name and password.',
  'oidc-role': 'You signed in, but your account has no confwatch role. Ask an administrator.',
  'oidc-scope':
    'You signed in, but your account lists no queues or groups whose calls you may see. Ask an administrator.',
  'oidc-expired': 'The single sign-on took too long. Try again.',
};

const methodsQuery = {
  queryKey: ['auth', 'methods'],
  queryFn: async () => SignInMethodsSchema.parse(await (await fetch('/api/auth/methods')).json()),
  staleTime: Infinity,
};

async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: answer.status, body: await answer.json().catch(() => null) };
}

const reasonOf = (body: unknown, fallback: string) =>
  typeof body === 'object' && body && 'error' in body ? String((body as { error: unknown }).error) : fallback;

/**
 * The sign-in page: user name and password (the same answer for a wrong password and an unknown
 * user, said by the server), single sign-on when configured, and the change of a one-time
 * password before anything else.
 */
export function LoginClient() {
  const params = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const methods = useQuery(methodsQuery).data;
  const [changing, setChanging] = useState<{ current: string } | null>(
    params.get('change') === '1' ? { current: '' } : null,
  );
  const [error, setError] = useState<string | null>(ERRORS[params.get('error') ?? ''] ?? null);
  const [busy, setBusy] = useState(false);

  async function signIn(username: string, password: string) {
    setBusy(true);
    setError(null);
    try {
      const answer = await postJson('/api/auth/login', { username, password });
      if (answer.status !== 200) return setError(reasonOf(answer.body, 'Sign-in failed; try again.'));
      const session = SessionInfoSchema.parse(answer.body);
      if (session.mustChangePassword) return setChanging({ current: password });
      window.location.assign(next);
    } finally {
      setBusy(false);
    }
  }

  async function changePassword(current: string, nextPassword: string) {
    setBusy(true);
    setError(null);
    try {
      const answer = await postJson('/api/auth/password', { current, next: nextPassword });
      if (answer.status !== 200) return setError(reasonOf(answer.body, 'The password was not changed.'));
      window.location.assign(next);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.brand}>confwatch</h1>
        {changing ? (
          <PasswordChangeForm
            knownCurrent={changing.current}
            busy={busy}
            error={error}
            onSubmit={(current, nextPassword) => void changePassword(current, nextPassword)}
          />
        ) : (
          <SignInForm
            busy={busy}
            error={error}
            sso={
              methods?.oidc
                ? {
                    label: methods.oidc.label,
                    href: `${methods.oidc.start}?next=${encodeURIComponent(next)}`,
                  }
                : null
            }
            onSubmit={(username, password) => void signIn(username, password)}
          />
        )}
      </div>
    </main>
  );
}

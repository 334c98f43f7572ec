import { useState } from 'react';
import styles from './sign-in-form.module.css';

type Props = {
  busy: boolean;
  error: string | null;
  /** Single sign-on, when the sidecar has a provider. */
  sso: { label: string; href: string } | null;
  onSubmit: (username: string, password: string) => void;
};

/** User name, password, Sign in; single sign-on beneath when there is one. */
export function SignInForm(p: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        p.onSubmit(username, password);
      }}
    >
      <h2 className={styles.title}>Sign in</h2>
      <label className={styles.field}>
        <span>Username</span>
        <input
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className={styles.field}>
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {p.error ? (
        <p className={styles.error} role="alert">
          {p.error}
        </p>
      ) : null}
      <button type="submit" className={`button ${styles.primary}`} disabled={p.busy}>
        {p.busy ? 'Signing in…' : 'Sign in'}
      </button>
      {p.sso ? (
        <a className={`button ${styles.sso}`} href={p.sso.href}>
          {p.sso.label}
        </a>
      ) : null}
    </form>
  );
}

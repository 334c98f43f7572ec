import { useState } from 'react';
import styles from './sign-in-form.module.css';

type Props = {
  /** The one-time password just typed at sign-in (not asked again), or '' to ask for it. */
  knownCurrent: string;
  busy: boolean;
  error: string | null;
  onSubmit: (current: string, next: string) => void;
};

/** A one-time password must be replaced before anything else: the new one twice, at least 12 characters. */
export function PasswordChangeForm(p: Props) {
  const [current, setCurrent] = useState(p.knownCurrent);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again.length > 0 && next !== again;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (!mismatch) p.onSubmit(current, next);
      }}
    >
      <h2 className={styles.title}>Choose a new password</h2>
      <p className={styles.note}>You signed in with a one-time password. Choose your own to go on.</p>
      {p.knownCurrent ? null : (
        <label className={styles.field}>
          <span>Current password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
      )}
      <label className={styles.field}>
        <span>New password</span>
        <input
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <label className={styles.field}>
        <span>New password again</span>
        <input
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
      </label>
      {mismatch || p.error ? (
        <p className={styles.error} role="alert">
          {mismatch ? 'The two new passwords are not the same.' : p.error}
        </p>
      ) : null}
      <button type="submit" className={`button ${styles.primary}`} disabled={p.busy || mismatch}>
        {p.busy ? 'Saving…' : 'Change password'}
      </button>
    </form>
  );
}

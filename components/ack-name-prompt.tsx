import { useState, type FormEvent } from 'react';
import styles from './ack-name-prompt.module.css';

/** Asks once for the name acknowledgements are signed with; the page keeps it in localStorage. */
export function AckNamePrompt({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSave(name.trim());
  };
  return (
    <form className={styles.prompt} onSubmit={submit}>
      <label className={styles.promptField}>
        <span>Your name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          autoComplete="name"
          required
          autoFocus
        />
      </label>
      <div className={styles.promptButtons}>
        <button type="submit" className={`button ${styles.primary}`}>
          Save
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className={styles.hint}>Acknowledgements are signed with it, for every supervisor to see.</p>
    </form>
  );
}

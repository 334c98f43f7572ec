import { Fragment } from 'react';
import type { AudioRow } from '@/lib/board/audio';
import { IconCheck } from './icons';
import styles from './audio-paths.module.css';

/** A column head: a number wraps between its groups (never inside one), a name between its words. */
function SpeakerName({ name }: { name: string }) {
  if (!/^\+[\d ]+$/.test(name)) return <span>{name}</span>;
  return (
    <span className={styles.phone}>
      {name.split(' ').map((group, i) => (
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span className={styles.group}>{group}</span>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Who hears whom as a grid: each row a listener, each column a speaker, a tick where sound goes.
 * A full grid of ticks is everyone on one bridge; an empty row is a party cut off, and its note
 * says why (on hold, muted, silent monitor…).
 */
export function AudioPaths({ rows }: { rows: AudioRow[] }) {
  if (rows.length === 0)
    return (
      <p data-testid="audio-paths" className={styles.empty}>
        Nobody is on the call.
      </p>
    );
  return (
    <div data-testid="audio-paths" className={styles.wrap}>
      <table className={styles.matrix}>
        <caption className={styles.caption}>Rows hear columns</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              Listener ↓ · Speaker →
            </th>
            {rows.map((speaker) => (
              <th key={speaker.id} scope="col" className={styles.speaker} title={speaker.name}>
                <SpeakerName name={speaker.name} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((listener) => (
            <tr key={listener.id} data-listener-id={listener.id} data-hears={listener.hearsIds.join(' ')}>
              <th scope="row" className={styles.listener}>
                <span className={styles.name}>{listener.name}</span>
                {listener.note ? <span className={styles.note}>{listener.note}</span> : null}
              </th>
              {rows.map((speaker) => {
                if (speaker.id === listener.id)
                  return <td key={speaker.id} className={styles.self} aria-label="themselves" />;
                const hears = listener.hearsIds.includes(speaker.id);
                return (
                  <td key={speaker.id} className={hears ? styles.yes : styles.no}>
                    {hears ? <IconCheck /> : <span aria-hidden="true">–</span>}
                    <span className="visually-hidden">
                      {hears ? `hears ${speaker.name}` : `does not hear ${speaker.name}`}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

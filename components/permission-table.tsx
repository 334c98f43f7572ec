import type { ConferenceMode } from '@/lib/conference';
import { MODE_WORD } from '@/lib/board/labels';
import type { ActorPermissions } from '@/lib/board/permission-table';
import { IconCheck, IconCross } from './icons';
import styles from './permission-table.module.css';

/**
 * What each agent on the call may do in this mode, and why: every action with allowed or denied,
 * the parties it applies to, the rule id and the engine's reason in plain words (R7–R21).
 */
export function PermissionTable({ mode, actors }: { mode: ConferenceMode; actors: ActorPermissions[] }) {
  return (
    <div data-testid="permissions" className={styles.permissions}>
      <p className={styles.muted}>
        Rules of <b>{MODE_WORD[mode]}</b> mode.
      </p>
      {actors.length === 0 ? <p className={styles.muted}>No agent is on the call.</p> : null}
      <div className={styles.actorGrid}>
        {actors.map((actor) => (
          <section key={actor.id} className={styles.actor} aria-label={`${actor.role} ${actor.name} may`}>
            <h3>
              <span className={styles.actorRole}>{actor.role}</span> {actor.name}
            </h3>
            <table className={styles.table}>
              <tbody>
                {actor.actions.map((row) => (
                  <tr key={row.action} data-action={row.action}>
                    <th scope="row">{row.label}</th>
                    <td>
                      <ul className={styles.verdicts}>
                        {row.verdicts.map((v) => (
                          <li key={`${v.rule}|${v.reason}|${v.allowed}`} data-allowed={v.allowed}>
                            {v.allowed ? (
                              <IconCheck className={styles.yes} />
                            ) : (
                              <IconCross className={styles.no} />
                            )}
                            <b>{v.allowed ? 'Allowed' : 'Denied'}</b>
                            <span className={styles.rule}>{v.rule}</span>
                            <span>{v.reason}</span>
                            {v.targets.length > 0 ? (
                              <span className={styles.targets}>for {v.targets.join(', ')}</span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </div>
  );
}

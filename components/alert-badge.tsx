import type { AlertKind, AlertSeverity } from '@/lib/conference';
import { ALERT_RULE } from '@/lib/conference';
import { ALERT_WORD, SEVERITY_WORD } from '@/lib/board/labels';
import { IconCritical, IconInfo, IconWarning } from './icons';
import styles from './badges.module.css';

export const SEVERITY_ICON = { critical: IconCritical, warning: IconWarning, info: IconInfo } as const;

/** An alert by shape (octagon, triangle, circle), colour and words: severity, what, rule id. */
export function AlertBadge({ kind, severity }: { kind: AlertKind; severity: AlertSeverity }) {
  const Icon = SEVERITY_ICON[severity];
  return (
    <span
      className={styles.alert}
      data-alert-kind={kind}
      data-severity={severity}
      title={`${SEVERITY_WORD[severity]}: ${ALERT_WORD[kind]} (${ALERT_RULE[kind]})`}
    >
      <Icon className={styles.alertIcon} />
      <span className={styles.severityWord}>{SEVERITY_WORD[severity]}</span>
      <span>{ALERT_WORD[kind]}</span>
    </span>
  );
}

import type { AlertKind, AlertSeverity } from '@/lib/conference';
import { ALERT_RULE } from '@/lib/conference';
import { ALERT_SHORT, ALERT_WORD, SEVERITY_WORD } from '@/lib/board/labels';
import { IconCritical, IconInfo, IconWarning } from './icons';
import styles from './badges.module.css';

export const SEVERITY_ICON = { critical: IconCritical, warning: IconWarning, info: IconInfo } as const;

/**
 * An alert by shape (octagon, triangle, circle), colour and words: severity, what, rule id.
 * `compact` (the dense board) writes the short word and leaves the severity to the shape and the
 * colour on screen (a screen reader still hears it; the alerts panel spells it out).
 */
export function AlertBadge({
  kind,
  severity,
  compact = false,
}: {
  kind: AlertKind;
  severity: AlertSeverity;
  compact?: boolean;
}) {
  const Icon = SEVERITY_ICON[severity];
  return (
    <span
      className={styles.alert}
      data-alert-kind={kind}
      data-severity={severity}
      data-compact={compact || undefined}
      title={`${SEVERITY_WORD[severity]}: ${ALERT_WORD[kind]} (${ALERT_RULE[kind]})`}
    >
      <Icon className={styles.alertIcon} />
      <span className={compact ? 'visually-hidden' : styles.severityWord}>{SEVERITY_WORD[severity]}</span>
      <span>{compact ? ALERT_SHORT[kind] : ALERT_WORD[kind]}</span>
    </span>
  );
}

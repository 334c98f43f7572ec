import { ALERT_RULE, type AlertKind, type AlertSeverity } from '@/lib/conference';
import { alertKey, type AlertAck, type ConferenceSummary } from '@/lib/realtime';
import { ALERT_WORD, queueLabel, SEVERITY_RANK } from './labels';
import { partyName, type PartyFacts } from './party';

export type AlertRow = {
  /** `alertKey`: one raising of one alert on one conference. */
  key: string;
  conferenceId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  rule: string;
  label: string;
  /** When the condition began (source time, ISO). */
  since: string;
  /** Who is on the call, for the row's link: customer and queue. */
  conferenceLabel: string;
  ack: AlertAck | null;
};

/** The customer and the queue: how a supervisor names a call. */
export function conferenceTitle(c: {
  participants: readonly PartyFacts[];
  queue: ConferenceSummary['queue'];
}): string {
  const customer = c.participants.find((p) => p.role === 'customer');
  return `${customer ? partyName(customer) : 'Unknown caller'} · ${queueLabel(c.queue)}`;
}

function rowsOf(c: ConferenceSummary, acks: Readonly<Record<string, AlertAck>>): AlertRow[] {
  const conferenceLabel = conferenceTitle(c);
  return c.alerts.map((a) => {
    const key = alertKey(c.id, a.kind, a.since);
    return {
      key,
      conferenceId: c.id,
      kind: a.kind,
      severity: a.severity,
      rule: ALERT_RULE[a.kind],
      label: ALERT_WORD[a.kind],
      since: a.since,
      conferenceLabel,
      ack: acks[key] ?? null,
    };
  });
}

/**
 * Live alerts for the panel: by severity (critical first), then by age (oldest first). With a
 * `cache`, the rows of a conference object seen before are reused while their acks are the same,
 * so memoised rows do not redraw on every patch of a busy board.
 */
export function buildAlertRows(
  conferences: readonly ConferenceSummary[],
  acks: Readonly<Record<string, AlertAck>>,
  cache?: WeakMap<ConferenceSummary, AlertRow[]>,
): AlertRow[] {
  const rows: AlertRow[] = [];
  for (const c of conferences) {
    if (c.alerts.length === 0) continue;
    const cached = cache?.get(c);
    const fresh = cached && cached.every((r) => r.ack === (acks[r.key] ?? null)) ? cached : rowsOf(c, acks);
    cache?.set(c, fresh);
    rows.push(...fresh);
  }
  return rows.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Critical alerts in `rows` that were not standing before (`seen`): what the sound announces. */
export function newlyRaisedCritical(rows: readonly AlertRow[], seen: ReadonlySet<string>): AlertRow[] {
  return rows.filter((r) => r.severity === 'critical' && !seen.has(r.key));
}

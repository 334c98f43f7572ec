import type { AlertAck } from '@/lib/realtime';

/** One acknowledgement attempt as the page's mutation cache holds it, oldest first. */
export type AckAttempt = {
  /** The alert's key (`alertKey`). */
  key: string;
  status: 'idle' | 'pending' | 'success' | 'error';
  ack?: AlertAck;
  error?: string;
};

export type AckState = {
  /** Alerts with an acknowledgement on its way. */
  pending: ReadonlySet<string>;
  /** Why the last attempt for an alert failed; gone once it is tried again. */
  errors: Readonly<Record<string, string>>;
  /** Acks confirmed to this page that the board may not have carried back yet. */
  confirmed: Readonly<Record<string, AlertAck>>;
};

/**
 * What the alerts panel shows of the acknowledgements this page sent: per alert the latest
 * attempt decides pending or failed, and any confirmed one stands.
 */
export function summarizeAckAttempts(attempts: readonly AckAttempt[]): AckState {
  const latest = new Map<string, AckAttempt>();
  const confirmed: Record<string, AlertAck> = {};
  for (const a of attempts) {
    latest.set(a.key, a);
    if (a.status === 'success' && a.ack) confirmed[a.key] = a.ack;
  }
  const pending = new Set<string>();
  const errors: Record<string, string> = {};
  for (const [key, a] of latest) {
    if (a.status === 'pending') pending.add(key);
    else if (a.status === 'error') errors[key] = a.error ?? 'the acknowledgement failed';
  }
  return { pending, errors, confirmed };
}

import type { AlertKind } from '@/lib/conference';

/** One raising of one alert on one conference: what a supervisor acknowledges. */
export function alertKey(conferenceId: string, kind: AlertKind, raisedAt: string): string {
  return `${conferenceId}|${kind}|${raisedAt}`;
}

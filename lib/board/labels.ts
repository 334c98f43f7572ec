import type {
  AlertKind,
  AlertSeverity,
  InitiationMethod,
  LegLabel,
  LegStatus,
  ParticipantRole,
  ParticipantState,
} from '@/lib/conference';

/** Words for every state a supervisor must tell apart; colour and icons only repeat them. */
export const ROLE_WORD: Record<ParticipantRole, string> = {
  customer: 'Customer',
  agent: 'Agent',
  external: 'External party',
  supervisor: 'Supervisor',
};

export const STATE_WORD: Record<ParticipantState, string> = {
  dialing: 'Dialing',
  connected: 'Connected',
  hold: 'On hold',
  disconnected: 'Left',
};

export const ALERT_WORD: Record<AlertKind, string> = {
  'cap-reached': 'At cap',
  'contact-lens-conflict': 'Contact Lens conflict',
  'long-hold': 'Long customer hold',
  'no-agent': 'No agent on call',
  'caller-dropped': 'Caller dropped',
  'primary-left': 'Primary agent left',
  'cap-exceeded': 'Over cap',
};

/** The same alerts in words short enough for a compact card (its title gives the long word). */
export const ALERT_SHORT: Record<AlertKind, string> = {
  'cap-reached': 'At cap',
  'contact-lens-conflict': 'CL conflict',
  'long-hold': 'Long hold',
  'no-agent': 'No agent',
  'caller-dropped': 'Caller left',
  'primary-left': 'Primary left',
  'cap-exceeded': 'Over cap',
};

export const SEVERITY_WORD: Record<AlertSeverity, string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

/** Lower sorts first: the panel and the board put critical before warning before info. */
export const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

export const METHOD_WORD: Record<InitiationMethod, string> = {
  INBOUND: 'Inbound call',
  OUTBOUND: 'Outbound call',
  TRANSFER: 'Agent added (transfer leg)',
  QUEUE_TRANSFER: 'Queue transfer',
  CALLBACK: 'Callback',
  API: 'Started by API',
  EXTERNAL_OUTBOUND: 'External number dialed',
  MONITOR: 'Supervisor monitoring',
  DISCONNECT: 'Disconnect flow',
  WEBRTC_API: 'In-app / web call',
  OTHER: 'Other method',
};

export const LEG_STATUS_WORD: Record<LegStatus, string> = {
  dialing: 'Dialing',
  joined: 'Joined',
  left: 'Left',
};

export const LEG_LABEL_WORD: Record<LegLabel, string> = {
  initial: 'Initial contact',
  consult: 'Consult',
  conference: 'Conference',
  transfer: 'Transfer',
};

export const MODE_WORD = { 'multi-party': 'Multi-party', 'three-party': 'Three-party' } as const;

/** The last path segment of an ARN, shortened: enough to tell two queues or agents apart. */
export function arnTail(arn: string, length = 8): string {
  const tail = arn.slice(arn.lastIndexOf('/') + 1);
  return tail.length > length ? tail.slice(0, length) : tail;
}

/** A queue's name, or a short tail of its ARN when no source has named it. */
export function queueLabel(queue: { arn: string; name: string | null } | null): string {
  if (!queue) return 'No queue';
  return queue.name ?? `Queue ${arnTail(queue.arn)}`;
}

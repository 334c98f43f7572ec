import type { ContactTreeView, LegLabel, LegStatus, ParticipantView } from '@/lib/conference';
import { LEG_LABEL_WORD, LEG_STATUS_WORD, METHOD_WORD } from './labels';
import { partyName, roleText } from './party';

export type LegItem = {
  contactId: string;
  status: LegStatus;
  statusText: string;
  /** R29: what the leg turned out to be, only once it has ended; null while live. */
  label: LegLabel | null;
  labelText: string | null;
  methodText: string;
  /** Who is on this leg: "Primary agent Elif Costa". */
  parties: string[];
  initiatedAt: string | null;
  connectedAt: string | null;
  disconnectedAt: string | null;
  contactLens: boolean | null;
  children: LegItem[];
};

/** The contact-id tree (R28) in words: who invited whom, by which method, in which state. */
export function describeLegs(
  node: ContactTreeView,
  participants: readonly Pick<
    ParticipantView,
    'id' | 'role' | 'primary' | 'monitorMode' | 'name' | 'phoneNumber' | 'agentArn'
  >[],
): LegItem {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const walk = (n: ContactTreeView): LegItem => ({
    contactId: n.contactId,
    status: n.status,
    statusText: LEG_STATUS_WORD[n.status],
    label: n.label,
    labelText: n.label ? LEG_LABEL_WORD[n.label] : null,
    methodText: n.method ? METHOD_WORD[n.method] : 'Method not yet known',
    parties: n.participantIds.map((id) => {
      const p = byId.get(id);
      return p ? `${roleText(p)} ${partyName(p)}` : id;
    }),
    initiatedAt: n.initiatedAt,
    connectedAt: n.connectedAt,
    disconnectedAt: n.disconnectedAt,
    contactLens: n.contactLens,
    children: n.children.map(walk),
  });
  return walk(node);
}

import type { ConferenceView, TimelineKind } from '@/lib/conference';
import { ALERT_RULE } from '@/lib/conference';
import { ALERT_WORD, ROLE_WORD } from './labels';
import { formatPhone, partyName, type PartyFacts } from './party';

const PREFIX_ROLE = { c: 'customer', a: 'agent', x: 'external', s: 'supervisor' } as const;

/**
 * A name for a party the view no longer lists (a CCP-only party later matched to a confirmed one):
 * its role, and its number or name when the id carries one (`p:external:+49…`).
 */
export function nameFromId(id: string): string {
  const ccp = /^p:(customer|agent|external|supervisor):(.+)$/.exec(id);
  if (ccp) return `${ROLE_WORD[ccp[1] as keyof typeof ROLE_WORD]} ${formatPhone(ccp[2]!)}`;
  const role = PREFIX_ROLE[id.slice(0, 1) as keyof typeof PREFIX_ROLE];
  return role && id[1] === ':' ? ROLE_WORD[role] : id;
}

const KIND_TEXT: Record<TimelineKind, string> = {
  dialing: 'is being dialed',
  joined: 'joined',
  left: 'left',
  hold: 'was put on hold',
  resume: 'was taken off hold',
  muted: 'was muted',
  unmuted: 'was unmuted',
  'force-muted': 'was force-muted by a supervisor',
  'force-unmuted': 'was released from force-mute',
  'alert-raised': 'raised',
  'alert-cleared': 'cleared',
  ended: 'The conference ended',
};

export type TimelineItem = { key: string; at: string; kind: TimelineKind; text: string };

/** The timeline in plain words, newest first (`order: 'oldest'` for the other way round). */
export function describeTimeline(
  view: { timeline: ConferenceView['timeline']; participants: readonly PartyFacts[] },
  order: 'newest' | 'oldest' = 'newest',
): TimelineItem[] {
  const names = new Map(view.participants.map((p) => [p.id, partyName(p)]));
  const items = view.timeline.map((e, i) => {
    let text: string;
    if (e.alert) text = `Alert ${KIND_TEXT[e.kind]}: ${ALERT_WORD[e.alert]} (${ALERT_RULE[e.alert]})`;
    else if (e.participantId)
      text = `${names.get(e.participantId) ?? nameFromId(e.participantId)} ${KIND_TEXT[e.kind]}`;
    else text = KIND_TEXT[e.kind];
    return { key: `${i}`, at: e.at, kind: e.kind, text };
  });
  return order === 'newest' ? items.reverse() : items;
}

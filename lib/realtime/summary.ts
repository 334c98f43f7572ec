import type { ConferenceView, ParticipantView } from '@/lib/conference';

/** A party as a board card needs it: no hold and mute history, just when the current hold began. */
export type ParticipantSummary = Omit<ParticipantView, 'holds' | 'mutes'> & { holdSince: string | null };

/** A conference as the board needs it: the view without its timeline, alert history and tree. */
export type ConferenceSummary = Omit<
  ConferenceView,
  'timeline' | 'alertHistory' | 'contactTree' | 'participants'
> & {
  participants: ParticipantSummary[];
};

/** Shrinks a full view to what a board card shows; the detail page asks for the full view. */
export function toConferenceSummary(view: ConferenceView): ConferenceSummary {
  const { timeline: _t, alertHistory: _h, contactTree: _c, participants, ...rest } = view;
  return { ...rest, participants: participants.map(toParticipantSummary) };
}

function toParticipantSummary(p: ParticipantView): ParticipantSummary {
  const { holds, mutes: _m, ...rest } = p;
  const last = holds[holds.length - 1];
  return { ...rest, holdSince: p.state === 'hold' && last && last.to === null ? last.from : null };
}

import type { ConferenceCore, ConferenceView, ParticipantView } from '@/lib/conference';

/** A party as a board card needs it: no hold and mute history, just when the current hold began. */
export type ParticipantSummary = Omit<ParticipantView, 'holds' | 'mutes'> & { holdSince: string | null };

/** A conference as the board needs it: the view without its timeline, alert history and tree. */
export type ConferenceSummary = Omit<
  ConferenceView,
  'timeline' | 'alertHistory' | 'contactTree' | 'participants'
> & {
  participants: ParticipantSummary[];
};

/** Shrinks a view to what a board card shows; the detail page asks for the full view. */
export function toConferenceSummary(view: ConferenceCore | ConferenceView): ConferenceSummary {
  const { participants } = view;
  return {
    id: view.id,
    mode: view.mode,
    state: view.state,
    endReason: view.endReason,
    cap: view.cap,
    activeParticipants: view.activeParticipants,
    slotsLeft: view.slotsLeft,
    dialing: view.dialing,
    swapAvailable: view.swapAvailable,
    canAdd: view.canAdd,
    contactLens: view.contactLens,
    queue: view.queue,
    startedAt: view.startedAt,
    listedAt: view.listedAt,
    endedAt: view.endedAt,
    lastEventAt: view.lastEventAt,
    peakParticipants: view.peakParticipants,
    alerts: view.alerts,
    participants: participants.map(toParticipantSummary),
  };
}

function toParticipantSummary(p: ParticipantView): ParticipantSummary {
  const { holds, mutes: _m, ...rest } = p;
  const last = holds[holds.length - 1];
  return { ...rest, holdSince: p.state === 'hold' && last && last.to === null ? last.from : null };
}

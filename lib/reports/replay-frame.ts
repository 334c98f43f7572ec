import type { AlertView, ConferenceView, ParticipantState } from '@/lib/conference';
import { describeAudio, type AudioRow } from '@/lib/board/audio';
import { layoutParticipants, type GraphLayout } from '@/lib/board/graph';
import { pictureAt, type PictureParty } from './picture-at';
import type { PictureChange } from './picture-changes';

/** What the replay draws at one moment: the graph, the cap meter, the alerts and who hears whom. */
export type ReplayFrame = {
  at: number;
  layout: GraphLayout;
  audio: AudioRow[];
  counted: number;
  cap: number;
  alerts: AlertView[];
};

type ShownParty = PictureParty & { state: ParticipantState };

/**
 * The replay of `view` at moment `t` (epoch ms), drawn as the detail page draws a live call: the
 * parties that had been dialled by then, a party that left fading for a few seconds and then
 * listed apart, the cap meter's count, the alerts standing, and who heard whom.
 */
export function replayFrame(
  view: ConferenceView,
  changes: readonly PictureChange[] | null,
  t: number,
): ReplayFrame {
  const picture = pictureAt(view, t, changes ?? undefined);
  const shown = picture.parties.filter((p): p is ShownParty => p.state !== 'absent');
  return {
    at: t,
    layout: layoutParticipants(shown, t, { gone: 'apart' }),
    audio: describeAudio(view.mode, shown),
    counted: picture.counted,
    cap: picture.cap,
    alerts: picture.alerts,
  };
}

'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { AlertBadge } from '@/components/alert-badge';
import { AppHeader } from '@/components/app-header';
import { AudioPaths } from '@/components/audio-paths';
import { CapMeter } from '@/components/cap-meter';
import { PinnedMomentContext } from '@/components/elapsed';
import { ParticipantGraph } from '@/components/participant-graph';
import { ReplayControls } from '@/components/replay/replay-controls';
import { ReplayEvents } from '@/components/replay/replay-events';
import { ReplayScrubber } from '@/components/replay/replay-scrubber';
import { ThemeToggle } from '@/components/theme-toggle';
import { conferenceTitle } from '@/lib/board/alert-rows';
import { MODE_WORD } from '@/lib/board/labels';
import { formatClock } from '@/lib/board/time';
import { replayFrame } from '@/lib/reports/replay-frame';
import { replayBounds, scrubberMarks } from '@/lib/reports/replay-playback';
import { SignedInMenu } from '../../../_live/signed-in-menu';
import { useHeaderLinks } from '../../../_live/use-header-links';
import { useTheme } from '../../../_live/use-theme';
import { ReportRequestError } from '../../../_reports/report-queries';
import { usePlayback } from '../../../_reports/use-playback';
import { useReplay } from '../../../_reports/use-replay';
import { useReplayKeys } from '../../../_reports/use-replay-keys';
import panels from '@/components/detail-panels.module.css';
import styles from './replay.module.css';

function failureText(error: Error, id: string) {
  if (error instanceof ReportRequestError && error.status === 409)
    return { text: 'This call is still live: its replay is ready once it ends.', live: `/conferences/${id}` };
  if (error instanceof ReportRequestError && error.status === 404)
    return { text: 'No ended call you may see has this id.', live: null };
  return { text: `The replay could not be loaded: ${error.message}`, live: null };
}

/** `/conferences/:id/replay` in the browser: the participant graph of an ended call over its time. */
export function ReplayClient({ id, startSeconds }: { id: string; startSeconds: number | null }) {
  const replay = useReplay(id);
  const { theme, toggle } = useTheme();
  const links = useHeaderLinks();
  const data = replay.data;
  const view = data?.conference;
  const bounds = useMemo(() => (data ? replayBounds(data.conference, data.events) : null), [data]);
  const marks = useMemo(() => (view && bounds ? scrubberMarks(view, bounds) : []), [view, bounds]);
  const playback = usePlayback(
    bounds,
    data?.events ?? [],
    bounds && startSeconds !== null ? bounds.start + startSeconds * 1000 : null,
  );
  useReplayKeys(playback);
  const at = playback.at;
  const frame = useMemo(
    () => (data && at !== null ? replayFrame(data.conference, data.pictureChanges, at) : null),
    [data, at],
  );
  const failure = replay.error ? failureText(replay.error, id) : null;

  return (
    <div className={styles.page} data-testid="replay" data-conference-id={id} data-at={at ?? undefined}>
      <AppHeader
        title={<Link href={`/conferences/${encodeURIComponent(id)}`}>← The call</Link>}
        links={links}
      >
        <ThemeToggle theme={theme} onToggle={toggle} />
        <SignedInMenu />
      </AppHeader>
      {view && bounds && frame && at !== null ? (
        <>
          <header className={styles.head}>
            <h1>Replay · {conferenceTitle(view)}</h1>
            <p className={styles.sub}>
              Contact <code>{view.id}</code> · {MODE_WORD[view.mode]} mode · started{' '}
              <time dateTime={view.startedAt}>{formatClock(view.startedAt, true)}</time> · peak{' '}
              {view.peakParticipants} parties
              {data.onBoard ? ' · just ended: mute before the first CCP report is shown as last known' : ''}
            </p>
          </header>
          <section className={styles.timebar} aria-label="Time">
            <ReplayControls
              offsetMs={at - bounds.start}
              durationMs={bounds.end - bounds.start}
              clock={formatClock(at, true)}
              playing={playback.playing}
              speed={playback.speed}
              onToggle={playback.toggle}
              onPrevious={playback.previous}
              onNext={playback.next}
              onStart={playback.toStart}
              onEnd={playback.toEnd}
              onSpeed={playback.setSpeed}
            />
            <ReplayScrubber bounds={bounds} at={at} marks={marks} onSeek={playback.seek} />
            <p className={styles.keys}>
              Keys: space plays or pauses · ← → previous or next event · Home, End the start or the end
            </p>
          </section>
          <div className={panels.grid}>
            <section className={`${panels.panel} ${styles.graphPanel}`} aria-labelledby="replay-parties">
              <div className={panels.panelHead}>
                <h2 id="replay-parties">Participants at {formatClock(at, true)}</h2>
                <CapMeter active={frame.counted} cap={frame.cap} size="large" />
              </div>
              <ul className={styles.alerts} aria-label="Alerts standing" data-testid="replay-alerts">
                {frame.alerts.length === 0 ? <li className={styles.none}>No alert standing</li> : null}
                {frame.alerts.map((a) => (
                  <li key={a.kind}>
                    <AlertBadge kind={a.kind} severity={a.severity} />
                  </li>
                ))}
              </ul>
              <PinnedMomentContext value={at}>
                <ParticipantGraph layout={frame.layout} large />
              </PinnedMomentContext>
            </section>
            <section className={panels.panel} aria-labelledby="replay-audio">
              <h2 id="replay-audio">Who hears whom</h2>
              <AudioPaths rows={frame.audio} />
            </section>
            <section className={`${panels.panel} ${panels.wide}`} aria-labelledby="replay-events">
              <h2 id="replay-events">What happened</h2>
              <ReplayEvents marks={marks} start={bounds.start} at={at} onSeek={playback.seek} />
            </section>
          </div>
        </>
      ) : failure ? (
        <p className={styles.placeholder} role="alert" data-testid="replay-error">
          {failure.text} {failure.live ? <Link href={failure.live}>Watch it live</Link> : null}
        </p>
      ) : (
        <p className={styles.placeholder}>Loading the replay…</p>
      )}
    </div>
  );
}

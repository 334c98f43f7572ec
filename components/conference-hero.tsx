import Link from 'next/link';
import type { ConferenceView } from '@/lib/conference';
import { conferenceTitle } from '@/lib/board/alert-rows';
import { MODE_WORD, SEVERITY_RANK } from '@/lib/board/labels';
import { formatClock } from '@/lib/board/time';
import { AlertBadge } from './alert-badge';
import { ContactLensBadge } from './contact-lens-badge';
import { Tag } from './tag';
import { CapMeter } from './cap-meter';
import { Elapsed } from './elapsed';
import styles from './conference-hero.module.css';

type Props = {
  view: ConferenceView;
  /** Where the view came from: live pushes, or the REST record once the call left the board. */
  fromHistory: boolean;
  consoleUrl: string | null;
  /** Where the call's replay is, for an ended call the viewer may replay; else null. */
  replayHref?: string | null;
};

/** The top of the detail page: who, how long, how full, what is wrong, and a way to Connect. */
export function ConferenceHero({ view, fromHistory, consoleUrl, replayHref = null }: Props) {
  const alerts = [...view.alerts].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const ended = view.state === 'ended';
  return (
    <header className={styles.hero} data-state={view.state}>
      <div className={styles.heroMain}>
        <h1 className={styles.heroTitle}>{conferenceTitle(view)}</h1>
        <p className={styles.heroSub}>
          Contact <code>{view.id}</code> · started{' '}
          <time dateTime={view.startedAt}>{formatClock(view.startedAt, true)}</time>
          {view.endedAt ? (
            <>
              {' '}
              · ended <time dateTime={view.endedAt}>{formatClock(view.endedAt, true)}</time>
              {view.endReason === 'stale' ? ' (no news for hours: ended as stale)' : null}
            </>
          ) : null}
        </p>
        <div className={styles.heroTags}>
          {ended ? <Tag tone="ended">Ended</Tag> : <Tag>Live</Tag>}
          {fromHistory ? <Tag>From history</Tag> : null}
          <Tag>{`${MODE_WORD[view.mode]} mode`}</Tag>
          {view.contactLens ? (
            <ContactLensBadge conflict={view.alerts.some((a) => a.kind === 'contact-lens-conflict')} />
          ) : null}
          {alerts.map((a) => (
            <AlertBadge key={a.kind} kind={a.kind} severity={a.severity} />
          ))}
        </div>
      </div>
      <div className={styles.heroSide}>
        <span className={styles.heroDuration}>
          <Elapsed since={view.startedAt} until={view.endedAt} />
        </span>
        <CapMeter active={view.activeParticipants} cap={view.cap} size="large" />
        {ended ? <span className={styles.muted}>Peak {view.peakParticipants} parties</span> : null}
        {ended && replayHref ? (
          <Link data-testid="replay-link" className={styles.replay} href={replayHref}>
            Replay the call
          </Link>
        ) : null}
        {consoleUrl ? (
          <a
            data-testid="console-link"
            className={styles.console}
            href={`${consoleUrl.replace(/\/+$/, '')}/contact-trace-records/details/${encodeURIComponent(view.id)}`}
            target="_blank"
            rel="noreferrer noopener"
          >
            Open in Amazon Connect
          </a>
        ) : null}
      </div>
    </header>
  );
}

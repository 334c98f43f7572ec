import { useMemo, useState } from 'react';
import type { ConferenceView } from '@/lib/conference';
import { describeAudio } from '@/lib/board/audio';
import { layoutParticipants } from '@/lib/board/graph';
import { describeLegs } from '@/lib/board/legs';
import { buildPermissionTable } from '@/lib/board/permission-table';
import { describeTimeline } from '@/lib/board/timeline';
import { AudioPaths } from './audio-paths';
import { ConferenceHero } from './conference-hero';
import { ContactTree } from './contact-tree';
import { ParticipantGraph } from './participant-graph';
import { PermissionTable } from './permission-table';
import { Timeline } from './timeline';
import { useServerNow } from './use-server-now';
import panels from '@/components/detail-panels.module.css';
import styles from './conference-detail.module.css';

type Props = {
  view: ConferenceView;
  fromHistory: boolean;
  consoleUrl: string | null;
  /** The replay's address once the call has ended, for a viewer who may replay it. */
  replayHref?: string | null;
};

/** One conference in full: large graph, who hears whom, contact legs, timeline and permissions. */
export function ConferenceDetail({ view, fromHistory, consoleUrl, replayHref = null }: Props) {
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const live = view.state === 'active';
  // Live, the graph needs the clock for parties fading out after they leave.
  const now = useServerNow(live);
  const layout = layoutParticipants(view.participants, now, { gone: live ? 'apart' : 'inline' });
  const audio = useMemo(() => describeAudio(view.mode, view.participants), [view]);
  const legs = useMemo(() => describeLegs(view.contactTree, view.participants), [view]);
  const timeline = useMemo(() => describeTimeline(view, order), [view, order]);
  const permissions = useMemo(() => (live ? buildPermissionTable(view) : []), [view, live]);
  return (
    <>
      <ConferenceHero view={view} fromHistory={fromHistory} consoleUrl={consoleUrl} replayHref={replayHref} />
      <div className={panels.grid}>
        <section className={`${panels.panel} ${styles.graphPanel}`} aria-labelledby="parties-heading">
          <h2 id="parties-heading">Participants</h2>
          <ParticipantGraph layout={layout} large />
        </section>
        <section className={panels.panel} aria-labelledby="audio-heading">
          <h2 id="audio-heading">Who hears whom</h2>
          <AudioPaths rows={audio} />
        </section>
        <section className={panels.panel} aria-labelledby="tree-heading">
          <h2 id="tree-heading">Contact legs</h2>
          <ContactTree root={legs} />
        </section>
        <section className={panels.panel} aria-labelledby="timeline-heading">
          <div className={panels.panelHead}>
            <h2 id="timeline-heading">Timeline</h2>
            <button
              type="button"
              className="button"
              onClick={() => setOrder(order === 'newest' ? 'oldest' : 'newest')}
            >
              {order === 'newest' ? 'Newest first' : 'Oldest first'}
            </button>
          </div>
          <Timeline items={timeline} />
        </section>
        <section className={`${panels.panel} ${panels.wide}`} aria-labelledby="permissions-heading">
          <h2 id="permissions-heading">What each agent may do, and why</h2>
          {live ? (
            <PermissionTable mode={view.mode} actors={permissions} />
          ) : (
            <p data-testid="permissions" className={styles.ended}>
              The call has ended: nobody controls it any more.
            </p>
          )}
        </section>
      </div>
    </>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect } from 'react';
import { AppHeader } from '@/components/app-header';
import { ConferenceDetail } from '@/components/conference-detail';
import { ConnectionStatus } from '@/components/connection-status';
import { ThemeToggle } from '@/components/theme-toggle';
import { syncServerClock } from '@/components/use-server-now';
import { configQuery } from '../../_live/queries';
import { useConferenceDetail, type DetailSource } from '../../_live/use-conference-detail';
import { useTheme } from '../../_live/use-theme';
import styles from './detail-page.module.css';
import { SignedInMenu } from '../../_live/signed-in-menu';
import { useHeaderLinks } from '../../_live/use-header-links';
import { useSession } from '../../_live/use-session';

const NO_VIEW_TEXT: Record<DetailSource, string> = {
  live: '',
  record: '',
  loading: 'Loading the conference…',
  missing: 'No live conference and no history record has this id.',
  error: 'The conference could not be loaded; the page will try again.',
};

/** `/conferences/:id` in the browser: the live view while it lasts, then the history record. */
export function ConferenceDetailClient({ id }: { id: string }) {
  const { view, source, clock, connection } = useConferenceDetail(id);
  const consoleUrl = useQuery(configQuery()).data?.connectConsoleUrl ?? null;
  const { theme, toggle } = useTheme();
  const links = useHeaderLinks();
  const canReplay = useSession().session?.capabilities.includes('replay:read') ?? false;

  useEffect(() => {
    if (clock) syncServerClock(clock);
  }, [clock]);

  return (
    <div className={styles.page} data-testid="conference-detail" data-conference-id={id} data-source={source}>
      <AppHeader title={links.length > 0 ? undefined : <Link href="/">← Live board</Link>} links={links}>
        <ConnectionStatus
          status={connection.status}
          lastDataAt={view ? (connection.downSince ?? clock?.receivedAt ?? null) : null}
        />
        <ThemeToggle theme={theme} onToggle={toggle} />
        <SignedInMenu />
      </AppHeader>
      {view ? (
        <ConferenceDetail
          view={view}
          fromHistory={source === 'record'}
          consoleUrl={consoleUrl}
          replayHref={canReplay ? `/conferences/${encodeURIComponent(id)}/replay` : null}
        />
      ) : (
        <p className={styles.placeholder}>{NO_VIEW_TEXT[source]}</p>
      )}
    </div>
  );
}

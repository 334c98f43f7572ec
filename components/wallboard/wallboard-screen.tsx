import type { ReactNode } from 'react';
import { formatClock } from '@/lib/board/time';
import type { WallboardView } from '@/lib/wallboard/wallboard-params';
import { ConnectionStatus } from '../connection-status';
import { useClientNow } from '../use-server-now';
import { RotationProgress } from './rotation-progress';
import { StaleBanner } from './stale-banner';
import styles from './wallboard-screen.module.css';

function WallClock() {
  const now = useClientNow();
  return (
    <time className={styles.clock} data-testid="wall-clock">
      {now === 0 ? '––:––' : formatClock(now)}
    </time>
  );
}

/**
 * The wallboard's frame on a kiosk screen: what it is about and the time on top, the view in the
 * middle, which views it rotates through and the bar to the next switch at the bottom. While data
 * is stale the view is dimmed under a banner that says since when. Nothing here takes a pointer.
 *
 * Every chosen view stays mounted, stacked in the stage, and only the current one is visible: a
 * switch is a change of visibility, not a new chart and new tiles (whose first render was the
 * longest task of a rotation), and nothing is built and thrown away each turn.
 */
export function WallboardScreen(p: {
  subtitle: string;
  views: readonly WallboardView[];
  viewIndex: number;
  rotateSeconds: number;
  connection: { status: 'connected' | 'reconnecting' | 'offline'; lastDataAt: number | null };
  staleSince: number | null;
  ignored: readonly string[];
  /** Each chosen view's content, by name. */
  children: Partial<Record<WallboardView, ReactNode>>;
}) {
  const view = p.views[p.viewIndex]!;
  return (
    <div className={styles.screen} data-wallboard="" data-view={view} data-stale={p.staleSince !== null}>
      <header className={styles.bar}>
        <h1 className={styles.brand}>
          confwatch <span className={styles.what}>wallboard</span>
        </h1>
        <p className={styles.subtitle}>{p.subtitle}</p>
        <ConnectionStatus status={p.connection.status} lastDataAt={p.connection.lastDataAt} />
        <WallClock />
      </header>
      <main className={styles.stage}>
        {p.views.map((v) => (
          <div key={v} className={styles.slot} data-slot={v} data-active={v === view || undefined}>
            {p.children[v]}
          </div>
        ))}
      </main>
      <footer className={styles.foot}>
        <RotationProgress views={p.views} index={p.viewIndex} seconds={p.rotateSeconds} />
        {p.ignored.length > 0 ? (
          <p className={styles.ignored} data-testid="ignored-params">
            Not understood in this address: {p.ignored.join(', ')}
          </p>
        ) : null}
      </footer>
      {p.staleSince !== null ? <StaleBanner since={p.staleSince} /> : null}
    </div>
  );
}

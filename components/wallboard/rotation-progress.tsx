import type { CSSProperties } from 'react';
import { VIEW_WORD, type WallboardView } from '@/lib/wallboard/wallboard-params';
import styles from './rotation-progress.module.css';

/**
 * The views this screen rotates through, the one showing marked by shape (a filled bar) as well as
 * weight, and a bar that fills until the next switch. The bar is a CSS animation restarted with
 * each view (`key`), so no script runs per frame.
 */
export function RotationProgress({
  views,
  index,
  seconds,
}: {
  views: readonly WallboardView[];
  index: number;
  /** 0: no rotation (the bar is not drawn). */
  seconds: number;
}) {
  const rotating = seconds > 0 && views.length > 1;
  const next = views[(index + 1) % views.length]!;
  return (
    <div className={styles.rotation} data-testid="rotation">
      <ol className={styles.views}>
        {views.map((view, i) => (
          <li key={view} data-view={view} aria-current={i === index ? 'true' : undefined}>
            {VIEW_WORD[view]}
          </li>
        ))}
      </ol>
      {rotating ? (
        <>
          <span className={styles.next}>
            Next: {VIEW_WORD[next]} · every {seconds} s
          </span>
          <span className={styles.track} aria-hidden="true">
            <span
              key={`${index}`}
              className={styles.fill}
              data-testid="rotation-progress"
              style={{ '--period': `${seconds}s` } as CSSProperties}
            />
          </span>
        </>
      ) : null}
    </div>
  );
}

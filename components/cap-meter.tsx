import styles from './badges.module.css';

export type CapLevel = 'ok' | 'at-cap' | 'over-cap';

export function capLevel(active: number, cap: number): CapLevel {
  return active > cap ? 'over-cap' : active === cap ? 'at-cap' : 'ok';
}

/**
 * R1: parties against the cap as segments, `n/6` (or `n/3`) in words, warning colour at the cap
 * and critical beyond it, each also said in a word beside the meter.
 */
export function CapMeter({
  active,
  cap,
  size = 'normal',
}: {
  active: number;
  cap: number;
  size?: 'small' | 'normal' | 'large';
}) {
  const level = capLevel(active, cap);
  const segments = Math.max(cap, active);
  const sizeClass = size === 'large' ? styles.capLarge : size === 'small' ? styles.capSmall : '';
  return (
    <span className={`${styles.capWrap} ${sizeClass}`} data-level={level}>
      <span className={styles.capSegments} aria-hidden="true">
        {Array.from({ length: segments }, (_, i) => (
          <span key={i} className={styles.segment} data-filled={i < active} data-over={i >= cap} />
        ))}
      </span>
      <span
        data-testid="cap-meter"
        role="img"
        aria-label={`${active} of ${cap} parties`}
        className={styles.capText}
      >
        {active}/{cap}
      </span>
      {level === 'ok' ? null : (
        <span className={styles.capWord}>{level === 'at-cap' ? 'Full' : 'Over cap'}</span>
      )}
    </span>
  );
}

import { useEffect, useState } from 'react';

/**
 * Steps through `count` items, `seconds` each (0: stays on the first), while `active`: the
 * wallboard's views, and the grid's pages while the grid shows. Returns the index showing. One
 * timeout at a time, cleared when the index, the count or the period changes, so nothing piles up
 * over weeks of rotation.
 */
export function useRotation(count: number, seconds: number, active = true): number {
  const [step, setStep] = useState(0);
  const index = count > 0 ? step % count : 0;
  useEffect(() => {
    if (!active || seconds <= 0 || count <= 1) return;
    const timer = setTimeout(() => setStep((s) => (s % count) + 1), seconds * 1000);
    return () => clearTimeout(timer);
  }, [step, count, seconds, active]);
  return index;
}

/**
 * The grid's page: the next one every `seconds` while the grid shows, and the next one again each
 * time the grid comes back, so a rotation shorter than a page still walks through every page.
 */
export function usePaging(count: number, seconds: number, active: boolean): number {
  const [step, setStep] = useState(0);
  const [shown, setShown] = useState(active);
  if (shown !== active) {
    setShown(active);
    if (active) setStep((s) => (count > 0 ? (s % count) + 1 : 0));
  }
  useEffect(() => {
    if (!active || seconds <= 0 || count <= 1) return;
    const timer = setTimeout(() => setStep((s) => (s % count) + 1), seconds * 1000);
    return () => clearTimeout(timer);
  }, [step, count, seconds, active]);
  return count > 0 ? step % count : 0;
}

import { useLayoutEffect, useState, type RefObject } from 'react';
import type { GridSize } from '@/lib/wallboard/grid-pages';

/** The size of one grid cell, in rem (the kiosk's root size scales with the screen). */
export const CELL = { minWidthRem: 20, heightRem: 14.5, gapRem: 0.8 };

/**
 * How many cells fit the grid's box on this screen, measured when the grid shows and again when it
 * resizes (one observer, disconnected when the grid goes); the last size is kept meanwhile.
 */
export function useGridSize(ref: RefObject<HTMLElement | null>, shown: boolean): GridSize | null {
  const [size, setSize] = useState<GridSize | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const gap = CELL.gapRem * rem;
      const columns = Math.max(1, Math.floor((element.clientWidth + gap) / (CELL.minWidthRem * rem + gap)));
      const rows = Math.max(1, Math.floor((element.clientHeight + gap) / (CELL.heightRem * rem + gap)));
      setSize((s) => (s && s.columns === columns && s.rows === rows ? s : { columns, rows }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, shown]);
  return size;
}

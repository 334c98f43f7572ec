import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import {
  changeSelection,
  parseReportSelection,
  toSelectionQuery,
  type ReportSelection,
} from '@/lib/reports/report-selection';

/**
 * The page's selection, held in its URL (a link or a reload shows the same report): read from
 * the query string, changed by replacing it (no history entry per filter change).
 */
export function useReportSelection(): [ReportSelection, (change: Partial<ReportSelection>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const selection = useMemo(() => parseReportSelection(new URLSearchParams(params.toString())), [params]);
  const change = useCallback(
    (delta: Partial<ReportSelection>) => {
      const query = toSelectionQuery(changeSelection(selection, delta));
      router.replace(query ? `${path}?${query}` : path, { scroll: false });
    },
    [selection, router, path],
  );
  return [selection, change];
}

import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReportSelection } from '@/lib/reports/report-selection';
import { dayConferencesQuery } from './report-queries';

/** The drill-down: the conferences of the day the selection opens, paged; nothing when none is open. */
export function useDayConferences(selection: ReportSelection) {
  const day = selection.day;
  const query = useInfiniteQuery({
    ...dayConferencesQuery({ ...selection, day: day ?? '' }),
    enabled: !!day,
  });
  return {
    conferences: query.data?.pages.flatMap((p) => p.conferences) ?? [],
    status: day ? query.status : ('idle' as const),
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}

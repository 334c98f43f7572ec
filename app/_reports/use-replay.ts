import { useQuery } from '@tanstack/react-query';
import { replayQuery } from './report-queries';

/** An ended call's replay data from the sidecar (asked again while it is still on the board). */
export function useReplay(id: string) {
  return useQuery(replayQuery(id));
}

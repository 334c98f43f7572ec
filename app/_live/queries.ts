import { queryOptions, skipToken } from '@tanstack/react-query';
import { z } from 'zod';
import { ConferenceModeSchema } from '@/lib/conference';
import type { ConferenceView } from '@/lib/conference';
import {
  ConferenceViewSchema,
  SessionInfoSchema,
  type BoardState,
  type ConferenceDetail,
  type SessionInfo,
} from '@/lib/realtime';
import { WallboardTodaySchema, type WallboardToday } from '@/lib/wallboard/today-schema';

/** The query (and mutation) keys of the browser, written here and nowhere else. */
const keys = {
  board: ['board'] as const,
  detail: (id: string) => ['conference', id, 'live'] as const,
  record: (id: string) => ['conference', id, 'record'] as const,
  config: ['config'] as const,
  session: ['session'] as const,
  ack: ['alert', 'ack'] as const,
  wallboardToday: (query: string) => ['wallboard', 'today', query] as const,
};

/** The key every acknowledgement mutation carries, so `useMutationState` finds them all. */
export const ackMutationKey = () => keys.ack;

/**
 * A watched conference as the sidecar last pushed it, with this client's clock on arrival, and
 * the last view it pushed (kept when the conference leaves the board, until history answers).
 */
export type LiveDetail = { detail: ConferenceDetail; receivedAt: number; last: ConferenceView | null };

/** The live board: filled only by the socket subscription (`useLiveConferences`), never fetched. */
export const boardQuery = () =>
  queryOptions<BoardState>({
    queryKey: keys.board,
    queryFn: skipToken,
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** One watched conference: filled only by `conference:detail` pushes. */
export const conferenceDetailQuery = (id: string) =>
  queryOptions<LiveDetail>({ queryKey: keys.detail(id), queryFn: skipToken, staleTime: Infinity });

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T | null> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

/** A conference by REST: live, or its history record once it has left the live board (E4). */
export const conferenceRecordQuery = (id: string, enabled: boolean) =>
  queryOptions<ConferenceView | null>({
    queryKey: keys.record(id),
    queryFn: enabled
      ? () => getJson(`/api/conferences/${encodeURIComponent(id)}`, ConferenceViewSchema)
      : skipToken,
    staleTime: 30_000,
    // The sidecar may be restarting: keep asking rather than leave the page on an error.
    refetchInterval: (query) => (query.state.status === 'error' ? 5_000 : false),
  });

export const PublicConfigSchema = z.object({
  mode: ConferenceModeSchema,
  longHoldSeconds: z.number(),
  endedGraceSeconds: z.number(),
  connectConsoleUrl: z.string().nullable(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;

/** What the sidecar tells the browser about itself (`GET /api/config`). */
export const configQuery = () =>
  queryOptions<PublicConfig | null>({
    queryKey: keys.config,
    queryFn: () => getJson('/api/config', PublicConfigSchema),
    staleTime: Infinity,
    retry: 3,
  });

/** Who this browser is signed in as (`GET /api/auth/session`); null once the session has ended. */
export const sessionQuery = () =>
  queryOptions<SessionInfo | null>({
    queryKey: keys.session,
    queryFn: async () => {
      const response = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
      if (response.status === 401) return null;
      if (!response.ok) throw new Error(`/api/auth/session answered ${response.status}`);
      return SessionInfoSchema.parse(await response.json());
    },
    staleTime: 60_000,
  });

/** How often a wallboard asks for today's history figures (the live ones come by the socket). */
export const WALLBOARD_TODAY_POLL_MS = 60_000;

/**
 * Today against yesterday for a wallboard (`GET /api/wallboard/today?<query>`), polled each minute.
 * `query` is the screen's queues, agent and mode as a query string.
 */
export const wallboardTodayQuery = (query: string) =>
  queryOptions<WallboardToday | null>({
    queryKey: keys.wallboardToday(query),
    queryFn: () => getJson(`/api/wallboard/today${query ? `?${query}` : ''}`, WallboardTodaySchema),
    refetchInterval: WALLBOARD_TODAY_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: WALLBOARD_TODAY_POLL_MS / 2,
    retry: 1,
  });

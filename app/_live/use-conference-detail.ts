import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ConferenceView } from '@/lib/conference';
import type { ServerClock } from '@/lib/board/time';
import { ConferenceDetailSchema, SERVER_EVENTS } from '@/lib/realtime';
import { useConnection, type Connection } from './connection';
import { conferenceDetailQuery, conferenceRecordQuery, type LiveDetail } from './queries';
import { getSocket, watchConference } from './socket';

/** Where the shown view comes from: the live push, the REST record (history), or nowhere yet. */
export type DetailSource = 'live' | 'record' | 'loading' | 'missing' | 'error';

export type ConferenceDetailData = {
  view: ConferenceView | null;
  source: DetailSource;
  /** The sidecar clock of the last live push, for running durations; null for a record. */
  clock: ServerClock | null;
  connection: Connection;
};

/**
 * One conference, live while the sidecar has it (watched over the socket, re-watched after a
 * reconnect), then its record over REST: the history record once it has left the board (E4).
 */
export function useConferenceDetail(id: string): ConferenceDetailData {
  const queryClient = useQueryClient();
  const connection = useConnection();
  const { data: live } = useQuery(conferenceDetailQuery(id));
  const gone = live !== undefined && live.detail.conference === null;
  const record = useQuery(conferenceRecordQuery(id, gone));

  useEffect(() => {
    const socket = getSocket();
    const key = conferenceDetailQuery(id).queryKey;
    const onDetail = (raw: unknown) => {
      const parsed = ConferenceDetailSchema.safeParse(raw);
      if (!parsed.success || parsed.data.id !== id) return;
      const detail = parsed.data;
      queryClient.setQueryData<LiveDetail>(key, (before) => ({
        detail,
        receivedAt: Date.now(),
        last: detail.conference ?? before?.last ?? null,
      }));
    };
    socket.on(SERVER_EVENTS.detail, onDetail);
    const unwatch = watchConference(id);
    return () => {
      unwatch();
      socket.off(SERVER_EVENTS.detail, onDetail);
    };
  }, [id, queryClient]);

  if (live?.detail.conference) {
    return {
      view: live.detail.conference,
      source: 'live',
      clock: { serverTime: live.detail.serverTime, receivedAt: live.receivedAt },
      connection,
    };
  }
  if (!gone) return { view: null, source: 'loading', clock: null, connection };
  if (record.data) return { view: record.data, source: 'record', clock: null, connection };
  // Until history answers, the last live picture (the call shown as ended) stays on screen.
  if (live.last) return { view: live.last, source: 'live', clock: null, connection };
  if (record.isError) return { view: null, source: 'error', clock: null, connection };
  return { view: null, source: record.data === null ? 'missing' : 'loading', clock: null, connection };
}

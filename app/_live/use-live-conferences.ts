import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createBoardSync } from '@/lib/board/board-sync';
import { CLIENT_EVENTS, SERVER_EVENTS, type BoardState } from '@/lib/realtime';
import { useConnection, type Connection } from './connection';
import { boardQuery } from './queries';
import { getSocket } from './socket';

export type LiveConferences = { board: BoardState | undefined; connection: Connection };

/**
 * The live board and the connection it comes through. Owns the subscription: a snapshot replaces
 * the board, a patch goes through the shared reducer, a gap or a reconnect asks for a resync. The
 * cache is written at most once per animation frame, however fast patches arrive.
 */
export function useLiveConferences(): LiveConferences {
  const queryClient = useQueryClient();
  const { data: board } = useQuery(boardQuery());
  const connection = useConnection();

  useEffect(() => {
    const socket = getSocket();
    const key = boardQuery().queryKey;
    let frame = 0;
    const sync = createBoardSync({
      requestResync: () => socket.emit(CLIENT_EVENTS.resync),
      now: () => Date.now(),
      initial: queryClient.getQueryData(key),
      publish: () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          const state = sync.state();
          if (state) queryClient.setQueryData(key, state);
        });
      },
    });
    const onConnect = () => sync.connected();
    const onSnapshot = (raw: unknown) => sync.receive('snapshot', raw);
    const onPatch = (raw: unknown) => sync.receive('patch', raw);
    socket.on('connect', onConnect);
    socket.on(SERVER_EVENTS.snapshot, onSnapshot);
    socket.on(SERVER_EVENTS.patch, onPatch);
    if (socket.connected) sync.refresh();
    return () => {
      cancelAnimationFrame(frame);
      socket.off('connect', onConnect);
      socket.off(SERVER_EVENTS.snapshot, onSnapshot);
      socket.off(SERVER_EVENTS.patch, onPatch);
    };
  }, [queryClient]);

  return { board, connection };
}

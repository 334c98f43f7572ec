import { useCallback } from 'react';
import { AckResultSchema, CLIENT_EVENTS, type AckRequest, type AckResult } from '@/lib/realtime';
import { getSocket } from './socket';

const ACK_TIMEOUT_MS = 5_000;

/**
 * Acknowledging alerts over the socket (`alert:ack`). The answer comes back through the Socket.IO
 * acknowledgement; the ack itself reaches every board in the next patch, so nothing is cached here.
 */
export function useAlertActions(): { acknowledge: (request: AckRequest) => Promise<AckResult> } {
  const acknowledge = useCallback(async (request: AckRequest): Promise<AckResult> => {
    const socket = getSocket();
    if (!socket.connected) return { ok: false, error: 'not connected to the sidecar; try again shortly' };
    try {
      const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(CLIENT_EVENTS.ack, request);
      const parsed = AckResultSchema.safeParse(raw);
      return parsed.success
        ? parsed.data
        : { ok: false, error: 'the sidecar sent an answer this page does not understand' };
    } catch {
      return { ok: false, error: 'the sidecar did not answer in time' };
    }
  }, []);
  return { acknowledge };
}

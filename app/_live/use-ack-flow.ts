import { useMutation, useMutationState, useQuery, type Mutation } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { summarizeAckAttempts, type AckAttempt } from '@/lib/board/ack-state';
import type { AlertRow } from '@/lib/board/alert-rows';
import type { AlertAck } from '@/lib/realtime';
import { ackMutationKey, sessionQuery } from './queries';
import { useAlertActions } from './use-alert-actions';

export type AckFlow = {
  /** The signed-in role may acknowledge (the sidecar refuses it anyway for one that may not). */
  allowed: boolean;
  pending: ReadonlySet<string>;
  errors: Readonly<Record<string, string>>;
  /** Acks confirmed to this page that the board has not carried back yet (keyed by alert key). */
  confirmed: Readonly<Record<string, AlertAck>>;
  acknowledge: (row: AlertRow) => void;
};

type AckVariables = { row: AlertRow };

/** A mutation of the cache as the panel needs it; its variables are always `AckVariables`. */
function toAttempt(m: Mutation<unknown, Error, unknown>): AckAttempt {
  return {
    key: (m.state.variables as AckVariables).row.key,
    status: m.state.status,
    ack: m.state.data as AlertAck | undefined,
    error: m.state.error?.message,
  };
}

/**
 * Acknowledge, as the signed-in supervisor: the sidecar records who from the session, so nothing
 * is asked. Each acknowledgement is a react-query mutation over the socket's `alert:ack` (several
 * may be under way at once); the panel reads pending, failed and confirmed ones back from the
 * mutation cache. Mutations are kept for the page's life, so a failure stays on its row until that
 * alert is tried again.
 */
export function useAckFlow(): AckFlow {
  const { acknowledge: send } = useAlertActions();
  const session = useQuery(sessionQuery()).data;
  const { mutate } = useMutation({
    mutationKey: ackMutationKey(),
    gcTime: Infinity,
    mutationFn: async ({ row }: AckVariables): Promise<AlertAck> => {
      const result = await send({ conferenceId: row.conferenceId, kind: row.kind, raisedAt: row.since });
      if (!result.ok) throw new Error(result.error);
      return result.ack;
    },
  });
  const attempts = useMutationState({ filters: { mutationKey: ackMutationKey() }, select: toAttempt });
  const { pending, errors, confirmed } = useMemo(() => summarizeAckAttempts(attempts), [attempts]);
  const acknowledge = useCallback((row: AlertRow) => mutate({ row }), [mutate]);
  const allowed = session?.capabilities.includes('alerts:ack') ?? false;
  return { allowed, pending, errors, confirmed, acknowledge };
}

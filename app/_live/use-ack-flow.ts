import { useMutation, useMutationState, type Mutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { summarizeAckAttempts, type AckAttempt } from '@/lib/board/ack-state';
import type { AlertRow } from '@/lib/board/alert-rows';
import type { AlertAck } from '@/lib/realtime';
import { ackMutationKey } from './queries';
import { useAlertActions } from './use-alert-actions';
import { useOperatorName } from './use-operator-name';

export type AckFlow = {
  operatorName: string | null;
  askingName: boolean;
  pending: ReadonlySet<string>;
  errors: Readonly<Record<string, string>>;
  /** Acks confirmed to this page that the board has not carried back yet (keyed by alert key). */
  confirmed: Readonly<Record<string, AlertAck>>;
  acknowledge: (row: AlertRow) => void;
  askName: () => void;
  saveName: (name: string) => void;
  cancelName: () => void;
};

type AckVariables = { row: AlertRow; by: string };

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
 * Acknowledge, with the name asked once: a first click with no name opens the prompt, and Save
 * sends the acknowledgement that was waiting for it. Each acknowledgement is a react-query
 * mutation over the socket's `alert:ack` (several may be under way at once); the panel reads
 * pending, failed and confirmed ones back from the mutation cache. Mutations are kept for the
 * page's life, so a failure stays on its row until that alert is tried again.
 */
export function useAckFlow(): AckFlow {
  const { acknowledge: send } = useAlertActions();
  const [operatorName, setOperatorName] = useOperatorName();
  /** Open while the name is asked; with the row whose acknowledgement waits for it. */
  const [prompt, setPrompt] = useState<{ waiting: AlertRow | null } | null>(null);

  const { mutate } = useMutation({
    mutationKey: ackMutationKey(),
    gcTime: Infinity,
    mutationFn: async ({ row, by }: AckVariables): Promise<AlertAck> => {
      const result = await send({ conferenceId: row.conferenceId, kind: row.kind, raisedAt: row.since, by });
      if (!result.ok) throw new Error(result.error);
      return result.ack;
    },
  });
  const attempts = useMutationState({ filters: { mutationKey: ackMutationKey() }, select: toAttempt });
  const { pending, errors, confirmed } = useMemo(() => summarizeAckAttempts(attempts), [attempts]);

  const acknowledge = useCallback(
    (row: AlertRow) => {
      if (operatorName) return mutate({ row, by: operatorName });
      setPrompt({ waiting: row });
    },
    [operatorName, mutate],
  );

  const saveName = useCallback(
    (name: string) => {
      setOperatorName(name);
      if (prompt?.waiting) mutate({ row: prompt.waiting, by: name });
      setPrompt(null);
    },
    [mutate, setOperatorName, prompt],
  );

  const askName = useCallback(() => setPrompt({ waiting: null }), []);
  const cancelName = useCallback(() => setPrompt(null), []);

  return {
    operatorName,
    askingName: prompt !== null,
    pending,
    errors,
    confirmed,
    acknowledge,
    askName,
    saveName,
    cancelName,
  };
}

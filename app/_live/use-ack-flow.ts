import { useCallback, useState } from 'react';
import type { AlertRow } from '@/lib/board/alert-rows';
import type { AlertAck } from '@/lib/realtime';
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

/**
 * Acknowledge, with the name asked once: a first click with no name opens the prompt, and Save
 * sends the acknowledgement that was waiting for it.
 */
export function useAckFlow(): AckFlow {
  const { acknowledge: send } = useAlertActions();
  const [operatorName, setOperatorName] = useOperatorName();
  const [askingName, setAskingName] = useState(false);
  const [waiting, setWaiting] = useState<AlertRow | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState<Record<string, AlertAck>>({});

  const run = useCallback(
    async (row: AlertRow, by: string) => {
      setPending((s) => new Set(s).add(row.key));
      setErrors(({ [row.key]: _gone, ...rest }) => rest);
      const result = await send({ conferenceId: row.conferenceId, kind: row.kind, raisedAt: row.since, by });
      if (result.ok) setConfirmed((c) => ({ ...c, [row.key]: result.ack }));
      else setErrors((e) => ({ ...e, [row.key]: result.error }));
      setPending((s) => {
        const next = new Set(s);
        next.delete(row.key);
        return next;
      });
    },
    [send],
  );

  const acknowledge = useCallback(
    (row: AlertRow) => {
      if (operatorName) return void run(row, operatorName);
      setWaiting(row);
      setAskingName(true);
    },
    [operatorName, run],
  );

  const saveName = useCallback(
    (name: string) => {
      setOperatorName(name);
      setAskingName(false);
      if (waiting) void run(waiting, name);
      setWaiting(null);
    },
    [run, setOperatorName, waiting],
  );

  const askName = useCallback(() => setAskingName(true), []);
  const cancelName = useCallback(() => {
    setAskingName(false);
    setWaiting(null);
  }, []);

  return { operatorName, askingName, pending, errors, confirmed, acknowledge, askName, saveName, cancelName };
}
